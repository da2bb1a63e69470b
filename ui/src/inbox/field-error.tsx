/** The server's (or the form's) message for one field, right under it; inputs point to it by aria-describedby. */
export function FieldError({ pointer, message }: { pointer: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p class="field-error" id={`${fieldId(pointer)}-error`}>
      {message}
    </p>
  );
}

/** A stable element id for a field's JSON Pointer: `/applicant/idNumber` → `f-applicant-idNumber`. */
export function fieldId(pointer: string): string {
  return `f${pointer.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** The attributes an input needs to be found by its pointer and tied to its message. */
export function fieldAttributes(pointer: string, error: string | undefined) {
  const id = fieldId(pointer);
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined };
}
