/** Messages by the JSON Pointer of their field: `/applicant/idNumber`, `/data/childFullName`, `/documents/0`. */
export type FieldErrors = Record<string, string>;

/** A stable element id for a field's JSON Pointer: `/applicant/idNumber` → `f-applicant-idNumber`. */
export function fieldId(pointer: string): string {
  return `f${pointer.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** The attributes an input needs to be found by its pointer and tied to its message. */
export function fieldAttributes(pointer: string, error: string | undefined) {
  const id = fieldId(pointer);
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined };
}

/** The message for one field, right under it; `fieldAttributes` points the input to it. */
export function FieldError({ pointer, message }: { pointer: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p class="field-error" id={`${fieldId(pointer)}-error`}>
      {message}
    </p>
  );
}
