import { useLayoutEffect, useState } from 'preact/hooks';
import { formatDate } from '../app/format';
import { t } from './messages';

/** `dd/mm/yyyy` as typed to `YYYY-MM-DD`, or null when it is not a real day. */
export function parseDay(text: string): string | null {
  const found = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!found) return null;
  const [day, month, year] = [Number(found[1]), Number(found[2]), Number(found[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * A day typed as Vietnamese offices write it (dd/mm/yyyy); applied when the field is left or Enter is pressed. An
 * `optional` field may be left empty (no bound): its `value` is then ''.
 */
export function DateField(props: {
  id: string;
  label: string;
  value: string;
  optional?: boolean;
  onChange: (day: string) => void;
}) {
  const shown = props.value ? formatDate(props.value) : '';
  const [text, setText] = useState(shown);
  const [invalid, setInvalid] = useState(false);
  // Before the next paint, so what is typed after a change shown on screen is never reset by it.
  useLayoutEffect(() => {
    setText(shown);
    setInvalid(false);
  }, [shown]);
  const apply = (typed: string) => {
    const day = props.optional && !typed.trim() ? '' : parseDay(typed);
    setInvalid(day === null);
    if (day !== null && day !== props.value) props.onChange(day);
  };
  return (
    <label for={props.id} class="date-field">
      {props.label}
      <input
        id={props.id}
        inputMode="numeric"
        placeholder="dd/mm/yyyy"
        maxLength={10}
        size={10}
        value={text}
        aria-invalid={invalid}
        onInput={(e) => setText(e.currentTarget.value)}
        onChange={(e) => apply(e.currentTarget.value)}
      />
      {invalid && <span class="field-error">{t(props.optional ? 'badDateOptional' : 'badDate')}</span>}
    </label>
  );
}
