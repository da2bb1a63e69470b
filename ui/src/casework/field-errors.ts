import { ApiError } from '../app/api';
import type { FieldErrors } from '../app/forms/field-error';

/**
 * The server's refusal split into the messages placed next to their fields (those `placeable` accepts, also for a
 * pointer inside one, e.g. `/missingItems/0`) and what remains for the box above the button.
 */
export function placeErrors(
  err: unknown,
  placeable: (pointer: string) => boolean,
): { fields: FieldErrors; rest: unknown } {
  if (!(err instanceof ApiError)) return { fields: {}, rest: err };
  const byCode = CODE_FIELDS[err.code];
  if (byCode && placeable(byCode)) return { fields: { [byCode]: err.message }, rest: null };
  if (err.errors.length === 0) return { fields: {}, rest: err };
  const fields: FieldErrors = {};
  const unplaced: ApiError['errors'] = [];
  for (const e of err.errors) {
    const pointer = [e.field, e.field.replace(/\/\d+$/, '')].find(placeable);
    if (pointer) fields[pointer] ??= e.message;
    else unplaced.push(e);
  }
  // Every message sits by its field: the box keeps the server's sentence only.
  const rest = new ApiError(err.status, err.code, err.message, unplaced);
  return { fields, rest };
}

/** Refusals that name no field but are about one. */
const CODE_FIELDS: Record<string, string> = {
  'missing-items-required': '/missingItems',
  'reason-required': '/reason',
  'procedure-not-handled-here': '/competentUnitCode',
  ...Object.fromEntries(
    ['empty-file', 'file-type-refused', 'file-content-mismatch', 'file-too-large', 'too-many-files'].map((code) => [
      code,
      '/files',
    ]),
  ),
};
