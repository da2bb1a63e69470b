import { useState } from 'preact/hooks';
import type { FieldErrors } from './field-error';
import { withoutFields } from './field-edits';

/** What an `ErrorSummary` needs: the messages by field and the count of failed submits (each one takes the focus). */
export interface FieldErrorsState {
  errors: FieldErrors;
  attempt: number;
  /** After a check or the server's refusal: the messages to show; `focus` (when there are any) moves to the summary. */
  set: (found: FieldErrors, focus?: boolean) => void;
  /** The fields just edited lose their messages at once; the others stay until the next submit. */
  clear: (pointers: string[]) => void;
}

/** A form's messages by field: all set at once when a submit fails, then dropped field by field as they are corrected. */
export function useFieldErrors(): FieldErrorsState {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  return {
    errors,
    attempt,
    set: (found, focus = Object.keys(found).length > 0) => {
      setErrors(found);
      if (focus) setAttempt((n) => n + 1);
    },
    clear: (pointers) => {
      if (pointers.length > 0) setErrors((current) => withoutFields(current, pointers));
    },
  };
}
