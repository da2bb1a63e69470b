import type { FieldSchema, FormSchema } from './types';

/** What the officer typed into a procedure's form, by property name. */
export type FormValues = Record<string, string | boolean>;

/** The form's values as the JSON the schema describes: numbers, lists, ISO dates; empty fields left out. */
export function formData(schema: FormSchema | null, values: FormValues): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(schema?.properties ?? {})) {
    const value = values[name];
    if (typeof value === 'boolean') data[name] = value;
    else if (value !== undefined && value.trim() !== '') data[name] = typed(field, value.trim());
  }
  return data;
}

/** Anything that does not convert is sent as typed, for the server to say what is wrong with it. */
function typed(field: FieldSchema, text: string): unknown {
  if (field.type === 'integer' || field.type === 'number') {
    const n = Number(text.replace(',', '.'));
    return Number.isFinite(n) ? n : text;
  }
  if (field.type === 'array') return text.split('\n').map((s) => s.trim()).filter(Boolean);
  if (field.format === 'date') return isoDate(text);
  return text;
}

/** `12/11/2018` → `2018-11-12`; anything else unchanged. */
export function isoDate(text: string): string {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : text;
}
