import { vietnameseDateTime } from '../calendar/index.js';
import { isBranch, type Paperwork } from '../dossiers/index.js';
import { FORMS, type FormKind } from '../vocabulary/form-names.js';
import type { Block } from './document.js';

const RESULT_LABELS = { early: 'Trước hạn', 'on-time': 'Đúng hạn', late: 'Quá hạn' } as const;

/** The blocks of a form, after the layout of the forms of Thông tư 01/2018/TT-VPCP. */
export function formBlocks(kind: FormKind, p: Paperwork, trackingUrl: string): Block[] {
  const d = p.dossier;
  const heading: Block = { kind: 'heading', authority: authority(p), motto: true, reference: `Mã hồ sơ: ${d.code}` };
  const applicant: [string, string][] = [
    ['Người nộp hồ sơ:', `Ông/bà ${d.applicant.fullName}`],
    ['Số giấy tờ tùy thân:', d.applicant.idNumber],
    ...(d.applicant.phone ? [['Điện thoại:', d.applicant.phone] as [string, string]] : []),
    ...(d.applicant.email ? [['Thư điện tử:', d.applicant.email] as [string, string]] : []),
    ['Nội dung yêu cầu giải quyết:', `${p.procedure.name} (mã ${p.procedure.code})`],
  ];
  const qr: Block = {
    kind: 'qr',
    url: trackingUrl,
    caption: 'Quét mã QR hoặc truy cập địa chỉ dưới đây để tra cứu tình trạng hồ sơ:',
  };
  const signed = (right: string): Block => ({
    kind: 'signatures',
    left: ['NGƯỜI NỘP HỒ SƠ', d.applicant.fullName],
    right: [right, p.receivedBy ?? ''],
  });

  switch (kind) {
    case 'receipt':
      return [
        heading,
        { kind: 'title', text: FORMS.receipt },
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
            ...competentUnit(d),
            ['Nhận kết quả tại:', resultPlace(p)],
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
        { kind: 'title', text: FORMS['supplement-request'] },
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
        { kind: 'title', text: FORMS.refusal },
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
        { kind: 'title', text: FORMS[kind] },
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
    case 'apology':
      return [
        heading,
        { kind: 'title', text: FORMS.apology },
        { kind: 'fields', rows: applicant },
        {
          kind: 'paragraph',
          text: `${p.unit.name} tiếp nhận hồ sơ của ông/bà vào lúc ${vietnameseDateTime(d.receivedAt)}, hẹn trả kết quả ${p.apology?.previousAppointmentAt ? vietnameseDateTime(p.apology.previousAppointmentAt) : ''}. Tuy nhiên, đến nay hồ sơ chưa giải quyết xong. Lý do: ${p.apology?.reason ?? ''}.`,
        },
        {
          kind: 'paragraph',
          text: `Sự chậm trễ này đã gây phiền hà cho ông/bà. ${p.unit.name} xin lỗi ông/bà và hẹn trả kết quả vào lúc ${p.apology ? vietnameseDateTime(p.apology.appointmentAt) : ''}.`,
        },
        qr,
        signed('ĐẠI DIỆN ĐƠN VỊ'),
      ];
    case 'control-slip':
      return [
        heading,
        {
          kind: 'title',
          text: FORMS['control-slip'],
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
          rows: p.controlSlip.handovers.map((h) => [
            [h.from.unitName, h.from.officer, h.from.step].filter(Boolean).join('\n'),
            [h.to.unitName, h.to.officer, h.to.step].filter(Boolean).join('\n'),
            vietnameseDateTime(h.at),
            h.result ? RESULT_LABELS[h.result] : 'Tiếp nhận',
          ]),
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

/** For a dossier received for another unit (regardless of administrative boundary), the unit that handles it. */
function competentUnit(d: Paperwork['dossier']): [string, string][] {
  return d.deskUnitCode === d.unitCode ? [] : [['Đơn vị có thẩm quyền giải quyết:', d.deskUnitName]];
}

function resultPlace({ dossier: d, unit }: Paperwork): string {
  if (d.resultReturn === 'post') return `Qua dịch vụ bưu chính công ích (${d.resultUnitName} gửi)`;
  return d.resultUnitCode === unit.code ? `Bộ phận tiếp nhận và trả kết quả – ${unit.name}` : d.resultUnitName;
}

/** The issuing authority, two lines: the People's Committee (or the department, or the service centre) and the desk. */
function authority(p: Paperwork): string[] {
  const { unit } = p;
  if (isBranch(unit)) return ['TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG THÀNH PHỐ HÀ NỘI', unit.name.toUpperCase()];
  if (['so', 'co_quan_chuyen_mon', 'co_quan_ngang_so', 'to_chuc_hanh_chinh_khac', 'nganh_doc'].includes(unit.kind)) {
    return ['ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI', unit.name.toUpperCase()];
  }
  return [`ỦY BAN NHÂN DÂN ${unit.name.toUpperCase()}`, 'BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ'];
}
