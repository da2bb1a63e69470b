import { vietnameseDateTime } from '../../calendar/index.js';
import { isBranch, type IssuedForm, type Paperwork } from '../../dossiers/index.js';
import { CHANNEL_LABELS, type Channel } from '../../vocabulary/channels.js';
import type { FormKind } from '../../vocabulary/form-names.js';
import type { Block } from '../document.js';
import {
  applicantRows,
  authority,
  competentUnitRow,
  handoverRows,
  placeDateLine,
  resultPlace,
  signatures,
  trackingQr,
} from '../parts.js';

// The forms of Phụ lục I, Thông tư 03/2025/TT-VPCP, from 15/9/2025. Titles and numbers are the circular's; the body
// of each follows the 2018 form it replaces, reworded for the 2025 rules (the desk is the Bộ phận Một cửa or the
// service centre's branch; Mẫu 04 asks for an extension; Mẫu 05 ends the handling). See printed-forms/README.md.
const DESK = 'Bộ phận Một cửa';
const LEADER = 'THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ';

/** The blocks of a form of the 2025 set. */
export function tt03Blocks(form: IssuedForm, p: Paperwork, trackingUrl: string): Block[] {
  const d = p.dossier;
  const issuer = form.kind === 'apology' || form.kind === 'stop-notice' ? p.competentUnit : p.unit;
  const heading: Block = {
    kind: 'heading',
    authority: authority({ unit: issuer }, DESK),
    motto: true,
    reference: `Số: ${d.code}${form.kind === 'receipt' ? '' : `/${form.number?.replace('Mẫu số ', 'M') ?? 'TB'}`}`,
    placeDate: placeDateLine(issuer, form.issuedAt),
  };
  const title: Block = { kind: 'title', text: form.title, subtitle: `Mã hồ sơ: ${d.code}` };
  const body = BODIES[form.kind](p, desk(p), form);
  return [
    heading,
    title,
    ...body,
    ...(form.kind === 'control-slip' ? [] : [trackingQr(trackingUrl)]),
    ...closing(form.kind, p),
  ];
}

/** The desk as the 2025 texts name it: the service centre's branch by its name, else the unit's Bộ phận Một cửa. */
function desk(p: Paperwork): string {
  return isBranch(p.unit) ? p.unit.name : `${DESK} – ${p.unit.name}`;
}

type Body = (p: Paperwork, desk: string, form: IssuedForm) => Block[];

const BODIES: Record<FormKind, Body> = {
  receipt: (p, deskName) => [
    { kind: 'paragraph', text: `${deskName} tiếp nhận hồ sơ của:` },
    { kind: 'fields', rows: applicantRows(p) },
    { kind: 'paragraph', text: 'Thành phần hồ sơ đã nhận:' },
    documentsTable(p),
    {
      kind: 'fields',
      rows: [
        ['Số lượng hồ sơ:', '01 (bộ)'],
        ['Hình thức nộp:', capitalised(CHANNEL_LABELS[p.dossier.channel as Channel] ?? p.dossier.channel)],
        ['Thời hạn giải quyết theo quy định:', p.procedure.timeLimitText ?? 'Không quy định'],
        ['Thời gian nhận hồ sơ:', vietnameseDateTime(p.dossier.receivedAt)],
        [
          'Thời gian trả kết quả:',
          p.dossier.appointmentAt ? vietnameseDateTime(p.dossier.appointmentAt) : 'Khi có kết quả',
        ],
        ...competentUnitRow(p.dossier),
        ['Nhận kết quả tại:', resultPlace(p, deskName)],
      ],
    },
  ],
  'supplement-request': (p, deskName) => {
    const pause = p.pauses.filter((x) => x.status_code === 5).at(-1);
    const items: string[] = p.dossier.missingItems ?? (pause?.items ? JSON.parse(pause.items) : []);
    return [
      { kind: 'fields', rows: applicantRows(p) },
      {
        kind: 'paragraph',
        text: 'Sau khi xem xét thành phần hồ sơ, đề nghị ông/bà bổ sung, hoàn thiện hồ sơ một lần, đầy đủ các nội dung sau:',
      },
      { kind: 'list', items },
      ...(pause ? [{ kind: 'paragraph' as const, text: `Lý do: ${pause.reason}` }] : []),
      {
        kind: 'paragraph',
        text: `Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, ông/bà liên hệ ${deskName} để được hướng dẫn.`,
      },
    ];
  },
  refusal: (p) => [
    { kind: 'fields', rows: applicantRows(p) },
    {
      kind: 'paragraph',
      text: `Qua xem xét, ${p.unit.name} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`,
    },
    { kind: 'paragraph', text: p.dossier.statusReason ?? '' },
    { kind: 'paragraph', text: 'Xin thông báo để ông/bà được biết và thực hiện.', italic: true },
  ],
  apology: (p) => {
    const apology = p.apologies.at(-1);
    const d = p.dossier;
    return [
      { kind: 'paragraph', text: `Kính gửi: Ông/bà ${d.applicant.fullName}` },
      {
        kind: 'paragraph',
        text: `${p.competentUnit.name} đã tiếp nhận hồ sơ ${p.procedure.name} của ông/bà vào lúc ${vietnameseDateTime(d.receivedAt)}, hẹn trả kết quả vào lúc ${apology?.previousAppointmentAt ? vietnameseDateTime(apology.previousAppointmentAt) : ''}.`,
      },
      { kind: 'paragraph', text: `Đến nay hồ sơ chưa giải quyết xong. Lý do: ${apology?.reason ?? ''}.` },
      {
        kind: 'paragraph',
        text: `${p.competentUnit.name} xin lỗi ông/bà vì sự chậm trễ này và đề nghị gia hạn thời gian giải quyết, hẹn trả kết quả vào lúc ${apology ? vietnameseDateTime(apology.appointmentAt) : ''} (gia hạn lần ${p.apologies.length}).`,
      },
      { kind: 'paragraph', text: 'Rất mong nhận được sự thông cảm của ông/bà.', italic: true },
    ];
  },
  'stop-notice': (p) => {
    const stop = p.stop;
    const d = p.dossier;
    return [
      { kind: 'paragraph', text: `Kính gửi: Ông/bà ${d.applicant.fullName}` },
      ...(stop?.ground ? [{ kind: 'paragraph' as const, text: `Căn cứ ${stop.ground};` }] : []),
      {
        kind: 'paragraph',
        text: `${p.competentUnit.name} thông báo dừng giải quyết hồ sơ ${p.procedure.name} của ông/bà, tiếp nhận vào lúc ${vietnameseDateTime(d.receivedAt)}, kể từ ${stop ? vietnameseDateTime(stop.at) : ''}.`,
      },
      { kind: 'paragraph', text: `Lý do: ${stop?.reason ?? ''}.` },
      {
        kind: 'paragraph',
        text: stop?.final
          ? `Hồ sơ không tiếp tục được giải quyết. Ông/bà liên hệ ${resultPlace(p, desk(p))} để nhận lại hồ sơ; khi đủ điều kiện, ông/bà có thể nộp hồ sơ mới.`
          : 'Thời hạn giải quyết không tính thời gian dừng giải quyết.',
      },
    ];
  },
  'obligation-notice': (p) => {
    const pause = p.pauses.filter((x) => x.status_code === 6).at(-1);
    return [
      {
        kind: 'fields',
        rows: [...applicantRows(p), ['Thời điểm:', pause ? vietnameseDateTime(pause.started_at) : '']],
      },
      {
        kind: 'paragraph',
        text: `Đề nghị ông/bà thực hiện nghĩa vụ tài chính: ${pause?.reason ?? ''}. Thời hạn giải quyết không tính thời gian chờ thực hiện nghĩa vụ tài chính.`,
      },
    ];
  },
  'control-slip': (p) => controlSlip(p),
};

/** The documents received, as the desk ticked them: originals, copies, files. */
function documentsTable(p: Paperwork): Block {
  if (!p.documents?.length) return { kind: 'paragraph', text: 'Không ghi nhận thành phần hồ sơ khi tiếp nhận.' };
  return {
    kind: 'table',
    columns: [
      { title: 'TT', width: 1 },
      { title: 'Tên giấy tờ', width: 9 },
      { title: 'Bản chính', width: 2 },
      { title: 'Bản sao', width: 2 },
      { title: 'Bản điện tử (tệp)', width: 2 },
    ],
    rows: p.documents.map((doc, i) => [
      String(i + 1),
      doc.name,
      count(doc.originals),
      count(doc.copies),
      count(doc.files),
    ]),
  };
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function count(n: number): string {
  return n ? String(n).padStart(2, '0') : '–';
}

function controlSlip(p: Paperwork): Block[] {
  const d = p.dossier;
  const events = [
    ...p.apologies.map(
      (a, i) =>
        `Gia hạn lần ${i + 1} (${vietnameseDateTime(a.at)}): hẹn trả kết quả ${vietnameseDateTime(a.appointmentAt)} thay cho ${a.previousAppointmentAt ? vietnameseDateTime(a.previousAppointmentAt) : '–'}; lý do: ${a.reason}.`,
    ),
    ...p.pauses.map(
      (x) =>
        `${x.status_code === 8 ? 'Dừng giải quyết' : 'Tạm dừng'} từ ${vietnameseDateTime(x.started_at)}${x.ended_at ? ` đến ${vietnameseDateTime(x.ended_at)}` : ''}: ${x.reason}.`,
    ),
  ];
  return [
    {
      kind: 'fields',
      rows: [
        ['Người nộp hồ sơ:', `Ông/bà ${d.applicant.fullName}`],
        ['Thủ tục:', `${p.procedure.name} (mã ${p.procedure.code})`],
        ['Ngày nhận hồ sơ:', vietnameseDateTime(d.receivedAt)],
        ['Hạn giải quyết:', d.dueAt ? vietnameseDateTime(d.dueAt) : 'Không quy định'],
        ['Hẹn trả kết quả:', d.appointmentAt ? vietnameseDateTime(d.appointmentAt) : 'Khi có kết quả'],
      ],
    },
    {
      kind: 'table',
      columns: [
        { title: 'Tên cơ quan, người giao', width: 3 },
        { title: 'Tên cơ quan, người nhận', width: 3 },
        { title: 'Thời gian giao, nhận hồ sơ', width: 2 },
        { title: 'Kết quả giải quyết (trước hạn/đúng hạn/quá hạn)', width: 2 },
      ],
      rows: handoverRows(p),
    },
    ...(events.length
      ? [
          { kind: 'paragraph' as const, text: 'Gia hạn, tạm dừng, dừng giải quyết:' },
          { kind: 'list' as const, items: events },
        ]
      : []),
  ];
}

/** The signatures: the applicant and the desk officer, or the head of the unit for the letters (Mẫu 04, 05). */
function closing(kind: FormKind, p: Paperwork): Block[] {
  switch (kind) {
    case 'receipt':
    case 'refusal':
      return [signatures(p, 'NGƯỜI TIẾP NHẬN HỒ SƠ')];
    case 'supplement-request':
      return [signatures(p, 'NGƯỜI HƯỚNG DẪN')];
    case 'apology':
      return [{ kind: 'signatures', right: [LEADER, p.apologies.at(-1)?.signedBy ?? ''] }];
    case 'stop-notice':
      return [{ kind: 'signatures', right: [LEADER, p.stop?.signedBy ?? ''] }];
    case 'obligation-notice':
      return [signatures(p, 'CÁN BỘ THÔNG BÁO')];
    case 'control-slip':
      return [];
  }
}
