import type { FieldErrors } from './field-error';

/** The pointers `prefix/key` of the keys whose values differ between two versions of a form's object. */
export function changedPointers(prefix: string, before: object, after: object): string[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((key) => a[key] !== b[key]).map((key) => `${prefix}/${key}`);
}

/** The messages without those of the given fields, nor of anything inside them (`/documents/0` drops `/documents/0/name`). */
export function withoutFields(errors: FieldErrors, pointers: string[]): FieldErrors {
  const dropped = (pointer: string) => pointers.some((p) => pointer === p || pointer.startsWith(`${p}/`));
  if (!Object.keys(errors).some(dropped)) return errors;
  return Object.fromEntries(Object.entries(errors).filter(([pointer]) => !dropped(pointer)));
}
