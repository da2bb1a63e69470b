import { parse } from 'csv-parse/sync';
import { BadRequest } from '../errors.js';

/** The one column set of a legacy export, CSV header or JSON keys alike. */
export const COLUMNS = [
  'code',
  'procedure',
  'applicant_name',
  'applicant_id_number',
  'applicant_phone',
  'received_at',
  'due_at',
  'status',
  'finished_at',
  'current_step',
  'competent_unit',
  'result_return',
  'history',
] as const;
export type Column = (typeof COLUMNS)[number];

const REQUIRED: readonly Column[] = ['code', 'procedure', 'applicant_name', 'received_at', 'status'];

export type ExportFormat = 'csv' | 'json';

/** One line of the old application's history of a dossier, as exported. */
export interface HistoryText {
  at: string;
  actor: string;
  text: string;
}

/** One dossier of the export: its row (CSV: the line in the file, header = 1; JSON: the position in the array, from 1). */
export interface LegacyRecord {
  row: number;
  fields: Record<Exclude<Column, 'history'>, string>;
  history: HistoryText[];
}

/** Reads an export; the format is told, or guessed (a JSON export is an array). Refuses a file it cannot read as a whole. */
export function readExport(content: string, format?: ExportFormat): LegacyRecord[] {
  const text = content.replace(/^\uFEFF/, '');
  const json = format ? format === 'json' : text.trimStart().startsWith('[');
  return json ? readJson(text) : readCsv(text);
}

function readCsv(text: string): LegacyRecord[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: (header: string[]) => checkColumns(header.map(clean)),
      skip_empty_lines: true,
      info: true,
    });
  } catch (err) {
    if (err instanceof BadRequest) throw err;
    throw new BadRequest('legacy-file-unreadable', `Không đọc được tệp CSV: ${(err as Error).message}`);
  }
  return records.map(({ record, info }) => toRecord(info.lines, record));
}

function readJson(text: string): LegacyRecord[] {
  let items: unknown;
  try {
    items = JSON.parse(text);
  } catch (err) {
    throw new BadRequest('legacy-file-unreadable', `Không đọc được tệp JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(items) || items.some((item) => item === null || typeof item !== 'object' || Array.isArray(item))) {
    throw new BadRequest('legacy-file-unreadable', 'Tệp JSON phải là một mảng, mỗi phần tử là một hồ sơ (đối tượng).');
  }
  checkColumns([...new Set(items.flatMap((item: object) => Object.keys(item)))]);
  return items.map((item: Record<string, unknown>, i) => toRecord(i + 1, item));
}

/** Refuses a header without the required columns or with columns outside the set (a misspelt one would be lost). */
function checkColumns(names: string[]): string[] {
  const unknown = names.filter((n) => !(COLUMNS as readonly string[]).includes(n));
  if (unknown.length) {
    throw new BadRequest(
      'legacy-columns-unknown',
      `Tệp có cột không thuộc bộ cột nhập: ${unknown.join(', ')}. Các cột được dùng: ${COLUMNS.join(', ')}.`,
    );
  }
  const missing = REQUIRED.filter((c) => !names.includes(c));
  if (missing.length) throw new BadRequest('legacy-columns-missing', `Tệp thiếu cột bắt buộc: ${missing.join(', ')}.`);
  return names;
}

function toRecord(row: number, source: Record<string, unknown>): LegacyRecord {
  const fields = Object.fromEntries(
    COLUMNS.filter((c) => c !== 'history').map((c) => [c, clean(source[c])]),
  ) as LegacyRecord['fields'];
  return { row, fields, history: historyOf(source.history) };
}

/** `time;actor;text` lines joined by `|` (CSV), or an array of such strings or of `{at, actor, text}` (JSON). */
function historyOf(value: unknown): HistoryText[] {
  const lines = Array.isArray(value) ? value : clean(value).split('|');
  return lines
    .filter((line) => typeof line === 'object' || clean(line) !== '')
    .map((line): HistoryText => {
      if (line !== null && typeof line === 'object') {
        const { at, actor, text } = line as Record<string, unknown>;
        return { at: clean(at), actor: clean(actor), text: clean(text) };
      }
      const [at = '', actor = '', ...text] = clean(line).split(';');
      return { at: clean(at), actor: clean(actor), text: clean(text.join(';')) };
    });
}

/** A cell as text: trimmed, in composed Unicode (exports from old systems often decompose Vietnamese letters). */
export function clean(value: unknown): string {
  return value === null || value === undefined ? '' : String(value).normalize('NFC').trim();
}

/** The required columns a record leaves empty. */
export function missingColumns(record: LegacyRecord): Column[] {
  return REQUIRED.filter((c) => record.fields[c as Exclude<Column, 'history'>] === '');
}
