import type { JSX } from 'preact';

/**
 * A date typed as Vietnamese offices write it, dd/mm/yyyy, whatever the browser's language (a native date input shows
 * the browser's own format). Convert with `isoDate` from ./dates.
 */
export function DateInput(props: Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  return (
    <input
      inputMode="numeric"
      placeholder="dd/mm/yyyy"
      pattern="\d{1,2}/\d{1,2}/\d{4}"
      maxLength={10}
      title="dd/mm/yyyy"
      {...props}
      type="text"
      class={`date-input ${props.class ?? ''}`}
    />
  );
}
