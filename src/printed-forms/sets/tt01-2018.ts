import { vietnameseDateTime } from '../../calendar/index.js';
import type { Paperwork } from '../../dossiers/index.js';
import { FORM_SETS, type FormKind } from '../../vocabulary/form-names.js';
import type { Block } from '../document.js';
import {
  applicantRows,
  authority,
  competentUnitRow,
  handoverRows,
  resultPlace,
  signatures,
  trackingQr,
} from '../parts.js';

// The forms as the product printed them under Thông tư 01/2018/TT-VPCP: a reprint of a form issued then is the same.
const DESK = 'Bộ phận tiếp nhận và trả kết quả';
const TITLES = Object.fromEntries(
  Object.entries(FORM_SETS.find((set) => set.id === 'tt01-2018')!.names).map(([kind, name]) => [kind, name.title]),
) as Record<FormKind, string>;

/** The blocks of a form of the 2018 set. */
export function tt01Blocks(kind: FormKind, p: Paperwork, trackingUrl: string): Block[] {
  const d = p.dossier;
  const heading: Block = {
    kind: 'heading',
    authority: authority(p, DESK),
    motto: true,
    reference: `Mã hồ sơ: ${d.code}`,
  };
  const applicant = applicantRows(p);
  const qr = trackingQr(trackingUrl);
  const signed = (right: string) => signatures(p, right);

  switch (kind) {
    case 'receipt':
      return [
        heading,
        { kind: 'title', text: TITLES.receipt },
        { kind: 'paragraph', text: `${p.unit.name} – Bộ phận tiếp nhận và trả kết quả tiếp nhận hồ sơ của:` },
        { kind: 'fields', rows: applicant },
        { kind: 'paragraph', text: 'Thành phần hồ sơ nộp gồm:' },
        { kind: 'list', items: p.procedure.documents.map((doc) => doc.name) },
        {
          kind: 'fields',
          rows: [
            ['Số lượng hồ sơ:', '01 (bộ)'],
            ['Thời hạn giải quyết theo quy định:', p.procedure.timeLimitText ?? 'Không quy định'],
            ['Thời gian nhận hồ sơ:', vietnameseDateTime(d.receivedAt)],
            ['Thời gian trả kết quả:', d.appointmentAt ? vietnameseDateTime(d.appointmentAt) : 'Khi có kết quả'],
            ...competentUnitRow(d),
            ['Nhận kết quả tại:', resultPlace(p, `${DESK} – ${p.unit.name}`)],
          ],
        },
        qr,
        signed('NGƯỜI TIẾP NHẬN HỒ SƠ'),
      ];
    case 'supplement-request': {
      const pause = p.pauses.filter((x) => x.status_code === 5).at(-1);
      const items: string[] = d.missingItems ?? (pause?.items ? JSON.parse(pause.items) : []);
      return [
        heading,
        { kind: 'title', text: TITLES['supplement-request'] },
        { kind: 'fields', rows: applicant },
        {
          kind: 'paragraph',
          text: 'Sau khi xem xét thành phần hồ sơ, đề nghị ông/bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:',
        },
        { kind: 'list', items },
        ...(pause ? [{ kind: 'paragraph' as const, text: `Lý do: ${pause.reason}` }] : []),
        {
          kind: 'paragraph',
          text: `Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, ông/bà liên hệ Bộ phận tiếp nhận và trả kết quả – ${p.unit.name} để được hướng dẫn.`,
        },
        qr,
        signed('NGƯỜI HƯỚNG DẪN'),
      ];
    }
    case 'refusal':
      return [
        heading,
        { kind: 'title', text: TITLES.refusal },
        { kind: 'fields', rows: applicant },
        {
          kind: 'paragraph',
          text: `Qua xem xét, ${p.unit.name} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`,
        },
        { kind: 'paragraph', text: d.statusReason ?? '' },
        { kind: 'paragraph', text: 'Xin thông báo để ông/bà được biết và thực hiện.', italic: true },
        signed('NGƯỜI TIẾP NHẬN HỒ SƠ'),
      ];
    case 'obligation-notice':
    case 'stop-notice': {
      const pause = p.pauses.filter((x) => x.status_code === (kind === 'stop-notice' ? 8 : 6)).at(-1);
      return [
        heading,
        { kind: 'title', text: TITLES[kind] },
        { kind: 'fields', rows: [...applicant, ['Thời điểm:', pause ? vietnameseDateTime(pause.started_at) : '']] },
        {
          kind: 'paragraph',
          text:
            kind === 'stop-notice'
              ? `${p.unit.name} thông báo tạm dừng giải quyết hồ sơ. Lý do: ${pause?.reason ?? ''}. Thời hạn giải quyết không tính thời gian tạm dừng.`
              : `Đề nghị ông/bà thực hiện nghĩa vụ tài chính: ${pause?.reason ?? ''}. Thời hạn giải quyết không tính thời gian chờ thực hiện nghĩa vụ tài chính.`,
        },
        qr,
        signed('CÁN BỘ THÔNG BÁO'),
      ];
    }
    case 'apology': {
      const apology = p.apologies.at(-1);
      return [
        heading,
        { kind: 'title', text: TITLES.apology },
        { kind: 'fields', rows: applicant },
        {
          kind: 'paragraph',
          text: `${p.unit.name} tiếp nhận hồ sơ của ông/bà vào lúc ${vietnameseDateTime(d.receivedAt)}, hẹn trả kết quả ${apology?.previousAppointmentAt ? vietnameseDateTime(apology.previousAppointmentAt) : ''}. Tuy nhiên, đến nay hồ sơ chưa giải quyết xong. Lý do: ${apology?.reason ?? ''}.`,
        },
        {
          kind: 'paragraph',
          text: `Sự chậm trễ này đã gây phiền hà cho ông/bà. ${p.unit.name} xin lỗi ông/bà và hẹn trả kết quả vào lúc ${apology ? vietnameseDateTime(apology.appointmentAt) : ''}.`,
        },
        qr,
        signed('ĐẠI DIỆN ĐƠN VỊ'),
      ];
    }
    case 'control-slip':
      return [
        heading,
        {
          kind: 'title',
          text: TITLES['control-slip'],
          subtitle: `Kèm theo hồ sơ của ông/bà ${d.applicant.fullName} – ${p.procedure.name}`,
        },
        {
          kind: 'fields',
          rows: [
            ['Ngày nhận hồ sơ:', vietnameseDateTime(d.receivedAt)],
            ['Hạn trả kết quả:', d.dueAt ? vietnameseDateTime(d.dueAt) : 'Không quy định'],
          ],
        },
        {
          kind: 'table',
          columns: [
            { title: 'Tên cơ quan, người giao', width: 3 },
            { title: 'Giao cho', width: 3 },
            { title: 'Thời gian giao, nhận', width: 2 },
            { title: 'Kết quả bảo đảm thời hạn', width: 2 },
          ],
          rows: handoverRows(p),
        },
        {
          kind: 'table',
          columns: [
            { title: 'Đơn vị', width: 4 },
            { title: 'Thời gian được giao (giờ làm việc)', width: 2 },
            { title: 'Thời gian đã dùng (giờ làm việc)', width: 2 },
            { title: 'Đánh giá', width: 2 },
          ],
          rows: p.controlSlip.units.map((u) => [
            u.unitName,
            String(u.budgetHours),
            String(u.spentHours),
            u.late ? 'Quá hạn' : 'Trong hạn',
          ]),
        },
      ];
  }
}
