/**
 * A search box of a filter form: the text, the form's submit button and, while a search applies, a button to clear
 * it. The labels are the page's own.
 */
export function SearchBox(props: {
  id: string;
  labels: { search: string; hint: string; button: string; clear: string };
  text: string;
  onText: (text: string) => void;
  /** A search applies now: offer to clear it. */
  active: boolean;
  onClear: () => void;
  class?: string;
  submitClass?: string;
  submitTestId?: string;
}) {
  return (
    <>
      <label for={props.id} class={props.class}>
        {props.labels.search}
        <input
          id={props.id}
          type="search"
          value={props.text}
          maxLength={100}
          placeholder={props.labels.hint}
          onInput={(e) => props.onText(e.currentTarget.value)}
        />
      </label>
      <button type="submit" class={props.submitClass} data-testid={props.submitTestId}>
        {props.labels.button}
      </button>
      {props.active && (
        <button type="button" onClick={props.onClear}>
          {props.labels.clear}
        </button>
      )}
    </>
  );
}
