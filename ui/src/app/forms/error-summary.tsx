import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { fieldId, type FieldErrors } from './field-error';
import { fieldElement, fieldName, focusField } from './field-focus';
import './forms.css';

interface Found {
  /** The pointers in the order of their fields on the page. */
  order: string[];
  names: Record<string, string>;
}

/**
 * At the top of a form whose submit failed: how many errors, then each as a link to its field (named by its label).
 * It takes the focus at each new `attempt`; a message dropped from `errors` (its field corrected) leaves the list at once.
 */
export function ErrorSummary({
  errors,
  attempt,
  title,
}: {
  errors: FieldErrors;
  attempt: number;
  title: (count: number) => string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [found, setFound] = useState<Found>({ order: [], names: {} });
  const pointers = Object.keys(errors);
  const key = pointers.join('\n');

  // The fields are on the page already: read their labels and their order from it.
  useLayoutEffect(() => {
    const form = box.current?.closest('form') ?? document;
    const inputs = pointers.map((pointer) => [pointer, fieldElement(form, pointer)] as const);
    const order = [...inputs].sort(([, a], [, b]) => documentOrder(a, b)).map(([pointer]) => pointer);
    const names = Object.fromEntries(inputs.map(([pointer, input]) => [pointer, input ? fieldName(input) : '']));
    if (JSON.stringify({ order, names }) !== JSON.stringify(found)) setFound({ order, names });
  }, [key]);

  useEffect(() => {
    if (attempt === 0 || !box.current) return;
    box.current.scrollIntoView({ block: 'start' });
    box.current.focus({ preventScroll: true });
  }, [attempt]);

  if (pointers.length === 0) return null;
  const shown = [...found.order.filter((p) => p in errors), ...pointers.filter((p) => !found.order.includes(p))];
  const go = (event: Event, pointer: string) => {
    event.preventDefault();
    focusField(box.current?.closest('form') ?? document, pointer);
  };
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={box} data-testid="error-summary">
      <h2>{title(pointers.length)}</h2>
      <ul>
        {shown.map((pointer) => (
          <li key={pointer}>
            <a href={`#${fieldId(pointer)}`} onClick={(e) => go(e, pointer)}>
              {found.names[pointer] ? `${found.names[pointer]}: ` : ''}
              {errors[pointer]}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Fields first as they come on the page; those not found last. */
function documentOrder(a: HTMLElement | null, b: HTMLElement | null): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}
