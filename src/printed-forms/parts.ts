import { localDate, vietnameseDateTime } from '../calendar/index.js';
import { isBranch, type Paperwork } from '../dossiers/index.js';
import type { Unit } from '../units/directory.js';
import type { Block } from './document.js';

/** The pieces every form of a dossier shares, whatever its set. */

/** The applicant and the request, as the forms' field rows. */
export function applicantRows(p: Paperwork): [string, string][] {
  const d = p.dossier;
  return [
    ['Người nộp hồ sơ:', `Ông/bà ${d.applicant.fullName}`],
    ['Số giấy tờ tùy thân:', d.applicant.idNumber],
    ...(d.applicant.phone ? [['Điện thoại:', d.applicant.phone] as [string, string]] : []),
    ...(d.applicant.email ? [['Thư điện tử:', d.applicant.email] as [string, string]] : []),
    ['Nội dung yêu cầu giải quyết:', `${p.procedure.name} (mã ${p.procedure.code})`],
  ];
}

export function trackingQr(url: string): Block {
  return { kind: 'qr', url, caption: 'Quét mã QR hoặc truy cập địa chỉ dưới đây để tra cứu tình trạng hồ sơ:' };
}

export function signatures(p: Paperwork, right: string, signer = p.receivedBy ?? ''): Block {
  return { kind: 'signatures', left: ['NGƯỜI NỘP HỒ SƠ', p.dossier.applicant.fullName], right: [right, signer] };
}

/** For a dossier received for another unit (regardless of administrative boundary), the unit that handles it. */
export function competentUnitRow(d: Paperwork['dossier']): [string, string][] {
  return d.deskUnitCode === d.unitCode ? [] : [['Đơn vị có thẩm quyền giải quyết:', d.deskUnitName]];
}

/** Where the result is collected; `desk` names the receiving desk as the set words it. */
export function resultPlace({ dossier: d, unit }: Paperwork, desk: string): string {
  if (d.resultReturn === 'post') return `Qua dịch vụ bưu chính công ích (${d.resultUnitName} gửi)`;
  return d.resultUnitCode === unit.code ? desk : d.resultUnitName;
}

const RESULT_LABELS = { early: 'Trước hạn', 'on-time': 'Đúng hạn', late: 'Quá hạn' } as const;

/** The control slip's handovers: from whom, to whom, when, and whether the step was early, on time or late. */
export function handoverRows(p: Paperwork): string[][] {
  return p.controlSlip.handovers.map((h) => [
    [h.from.unitName, h.from.officer, h.from.step].filter(Boolean).join('\n'),
    [h.to.unitName, h.to.officer, h.to.step].filter(Boolean).join('\n'),
    vietnameseDateTime(h.at),
    h.result ? RESULT_LABELS[h.result] : 'Tiếp nhận',
  ]);
}

/**
 * The place and date line of an official form: the ward or commune a local unit sits in, Hà Nội otherwise; day and
 * month below 10 written with a leading zero for day and for January and February only (Decree 30/2020/NĐ-CP).
 */
export function placeDateLine(unit: Unit, iso: string): string {
  const [year, month, day] = localDate(new Date(iso)).split('-').map(Number) as [number, number, number];
  const place = isLocal(unit.kind) ? unit.name.replace(/^(Phường|Xã|Thị trấn|Quận|Huyện|Thị xã)\s+/u, '') : 'Hà Nội';
  const mm = month < 3 ? `0${month}` : String(month);
  return `${place}, ngày ${String(day).padStart(2, '0')} tháng ${mm} năm ${year}`;
}

/** The issuing authority: the People's Committee (or the department, or the service centre) and, under it, `desk`. */
export function authority(p: Pick<Paperwork, 'unit'>, desk: string): string[] {
  const { unit } = p;
  if (isBranch(unit)) return ['TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG THÀNH PHỐ HÀ NỘI', unit.name.toUpperCase()];
  if (isDepartment(unit.kind)) return ['ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI', unit.name.toUpperCase()];
  return [`ỦY BAN NHÂN DÂN ${unit.name.toUpperCase()}`, desk.toUpperCase()];
}

function isLocal(kind: string): boolean {
  return ['phuong', 'xa', 'thi_tran', 'quan', 'huyen', 'thi_xa'].includes(kind);
}

function isDepartment(kind: string): boolean {
  return ['so', 'co_quan_chuyen_mon', 'co_quan_ngang_so', 'to_chuc_hanh_chinh_khac', 'nganh_doc'].includes(kind);
}
