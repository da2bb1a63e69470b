import { ApiError } from '../app/api';
import type { FieldErrors } from '../app/forms/field-error';
import type { ChosenFiles } from './document-inputs';
import type { ProcedureDocument } from './types';

/**
 * The server's refusal placed next to the fields it names: `errors[].field` as a JSON Pointer (`/applicant/idNumber`,
 * `/data/…`, `/unitCode`), or a document by its name or index; a 413/415 by the file name in its detail.
 * Whatever cannot be placed stays for the message above the button.
 */
export function placeServerErrors(
  err: unknown,
  documents: ProcedureDocument[],
  files: ChosenFiles,
): { fields: FieldErrors; rest: unknown } {
  if (!(err instanceof ApiError)) return { fields: {}, rest: err };
  const fields: FieldErrors = {};
  const unplaced: ApiError['errors'] = [];
  for (const e of err.errors) {
    const pointer =
      documentPointer(`${e.field} ${e.message}`, documents, files) ??
      (/^\/(applicant|data|unitCode)/.test(e.field) ? e.field : null);
    if (pointer) fields[pointer] ??= e.message;
    else unplaced.push(e);
  }
  if (err.errors.length === 0 && (err.status === 413 || err.status === 415)) {
    const pointer = documentPointer(err.message, documents, files);
    if (pointer) return { fields: { [pointer]: err.message }, rest: null };
  }
  // Every message sits by its field and in the summary above the form: nothing is left for the box.
  if (Object.keys(fields).length > 0 && unplaced.length === 0) return { fields, rest: null };
  return { fields, rest: err };
}

/** `/documents/2`, `/files/<document name>` or a text naming a chosen file → the pointer of its input. */
function documentPointer(text: string, documents: ProcedureDocument[], files: ChosenFiles): string | null {
  const index = /^\/(?:documents|files)\/(\d+)\b/.exec(text);
  if (index && Number(index[1]) < documents.length) return `/documents/${index[1]}`;
  for (const [i, chosen] of files.documents.entries()) {
    if (chosen?.some((f) => text.includes(f.name))) return `/documents/${i}`;
  }
  if (files.extras.some((f) => text.includes(f.name))) return '/extras';
  const named = documents.findIndex((d) => text.includes(d.name.slice(0, 60)));
  return named >= 0 ? `/documents/${named}` : null;
}
