import ExcelJS from 'exceljs';
import { vietnameseDate, vietnameseDateTime } from '../calendar/index.js';
import type { RegisterEntry } from '../dossiers/index.js';
import type { Unit } from '../units/directory.js';
import { formSetOn } from '../vocabulary/form-names.js';
import { renderPdf } from './document.js';
import { authority, placeDateLine } from './parts.js';

/** Whose register, over which local days (both included), drawn up when. */
export interface RegisterSheet {
  unit: Unit;
  from: string;
  to: string;
  at: Date;
  entries: RegisterEntry[];
}

/** The register's columns, after the sổ theo dõi hồ sơ of the circulars (one layout for both sets). */
const COLUMNS = [
  { title: 'STT', width: 3 },
  { title: 'Mã hồ sơ', width: 15 },
  { title: 'Tên thủ tục hành chính', width: 12 },
  { title: 'Số lượng hồ sơ (bộ)', width: 3 },
  { title: 'Tên cá nhân, tổ chức', width: 8 },
  { title: 'Số điện thoại', width: 6 },
  { title: 'Cơ quan chủ trì giải quyết', width: 8 },
  { title: 'Nhận hồ sơ (ngày, giờ)', width: 6 },
  { title: 'Hẹn trả kết quả', width: 6 },
  { title: 'Chuyển hồ sơ đến cơ quan giải quyết', width: 6 },
  { title: 'Trả kết quả (ngày, giờ)', width: 6 },
  { title: 'Ký nhận', width: 3 },
  { title: 'Ghi chú', width: 9 },
];

/** One line of the register as printed: every cell text, dates as people read them. */
export function registerRow(e: RegisterEntry, i: number, unitCode: string): string[] {
  const when = (iso: string | null) => (iso ? vietnameseDateTime(iso) : '');
  const notes = [
    e.receivingUnitCode === unitCode ? null : `Tiếp nhận tại ${e.receivingUnitName}`,
    e.channel === 'online' ? 'Nộp trực tuyến' : e.channel === 'postal' ? 'Nộp qua bưu chính' : null,
    e.note,
  ].filter(Boolean);
  return [
    String(i + 1),
    e.code,
    e.procedureName,
    '01',
    e.applicantName,
    e.applicantPhone ?? '',
    e.competentUnitName,
    when(e.receivedAt),
    when(e.appointmentAt),
    when(e.transferredAt),
    when(e.returnedAt),
    '',
    notes.join('; '),
  ];
}

function titleOf(sheet: RegisterSheet): { title: string; subtitle: string } {
  const set = formSetOn(sheet.to);
  return {
    title: set.names.register.title,
    subtitle: `${set.names.register.number ?? ''} – ${set.basis}. ${sheet.unit.name}, từ ngày ${vietnameseDate(sheet.from)} đến ngày ${vietnameseDate(sheet.to)}`,
  };
}

/** The register as an A4 landscape PDF, its header row repeated on every page. */
export function registerPdf(sheet: RegisterSheet): Promise<Buffer> {
  const { title, subtitle } = titleOf(sheet);
  return renderPdf(
    `${title} – ${sheet.unit.name}`,
    [
      {
        kind: 'heading',
        authority: authority({ unit: sheet.unit }, 'Bộ phận Một cửa'),
        motto: true,
        placeDate: placeDateLine(sheet.unit, sheet.at.toISOString()),
      },
      { kind: 'title', text: title, subtitle },
      { kind: 'table', columns: COLUMNS, rows: sheet.entries.map((e, i) => registerRow(e, i, sheet.unit.code)) },
      { kind: 'paragraph', text: `Tổng số: ${sheet.entries.length} hồ sơ.` },
    ],
    'landscape',
  );
}

/** The register as an .xlsx workbook: a title, the column headings, one row per dossier. */
export async function registerWorkbook(sheet: RegisterSheet): Promise<Buffer> {
  const { title, subtitle } = titleOf(sheet);
  const book = new ExcelJS.Workbook();
  book.creator = 'Một Cửa';
  const ws = book.addWorksheet('Sổ theo dõi hồ sơ', { pageSetup: { orientation: 'landscape', paperSize: 9 } });
  ws.addRow([title.toUpperCase()]).font = { bold: true, size: 14 };
  ws.addRow([subtitle]);
  ws.addRow([]);
  const header = ws.addRow(COLUMNS.map((c) => c.title));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  sheet.entries.forEach((e, i) => ws.addRow(registerRow(e, i, sheet.unit.code)));
  ws.columns.forEach((column, i) => (column.width = COLUMNS[i]!.width * 2.5));
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
