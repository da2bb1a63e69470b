import type { FieldSchema, FormSchema } from './form-schema';

/** What the form's inputs hold: text as typed, checkboxes as booleans. */
export type FormValues = Record<string, string | boolean>;

/** The form's inputs as the JSON the schema describes: numbers as numbers, dates as YYYY-MM-DD, lists split by line or `;`, empty answers left out. */
export function toData(schema: FormSchema | null, values: FormValues): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(schema?.properties ?? {})) {
    const value = convert(field, values[name]);
    if (value !== undefined) data[name] = value;
  }
  return data;
}

function convert(field: FieldSchema, raw: string | boolean | undefined): unknown {
  if (field.type === 'boolean') return raw === true;
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  if (field.type === 'array') {
    const items = raw
      .split(/[\n;]/)
      .map((s) => s.trim())
      .filter(Boolean);
    return items.length ? items.map((item) => scalar(field.items ?? {}, item)) : undefined;
  }
  return scalar(field, raw.trim());
}

/** A number when the schema wants one and the text is one; otherwise the text, for ajv to name the mistake. */
function scalar(field: FieldSchema, text: string): unknown {
  if (field.format === 'date') return isoDate(text);
  if (field.type !== 'number' && field.type !== 'integer') return text;
  const n = Number(text.replace(',', '.'));
  return Number.isFinite(n) ? n : text;
}

/** A date typed as Vietnamese forms write it, `12/11/2018` (or with `.` or `-`), as `2018-11-12`; anything else unchanged, for ajv to refuse. */
export function isoDate(typed: string): string {
  const text = typed.trim();
  const found = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  return found ? `${found[3]}-${found[2]!.padStart(2, '0')}-${found[1]!.padStart(2, '0')}` : text;
}
