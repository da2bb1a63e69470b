import { fieldId } from './field-error';

const INPUTS = 'input:not([type="hidden"]), select, textarea';

/** The input of a field within a form: by its id (`fieldAttributes`), else the first input of its `data-field`. */
export function fieldElement(scope: ParentNode, pointer: string): HTMLElement | null {
  return (
    scope.querySelector<HTMLElement>(`#${CSS.escape(fieldId(pointer))}`) ??
    scope.querySelector(`[data-field="${CSS.escape(pointer)}"]`)?.querySelector<HTMLElement>(INPUTS) ??
    null
  );
}

/** The field's label as read aloud: without the required mark, hints, the input itself or decorations. */
export function fieldName(input: HTMLElement): string {
  const label =
    (input as HTMLInputElement).labels?.[0] ?? input.closest('[data-field]')?.querySelector('label') ?? null;
  if (!label) return '';
  const copy = label.cloneNode(true) as HTMLElement;
  for (const extra of copy.querySelectorAll(`${INPUTS}, input, .required, small, [aria-hidden="true"]`)) extra.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Brings a field into view and puts the cursor in it. */
export function focusField(scope: ParentNode, pointer: string): void {
  const input = fieldElement(scope, pointer);
  if (!input) return;
  (input.closest('[data-field]') ?? input).scrollIntoView({ block: 'center' });
  input.focus({ preventScroll: true });
}
