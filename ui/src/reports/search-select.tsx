import { useState } from 'preact/hooks';
import { t } from './messages';
import { matches } from './search-text';

export interface Choice {
  value: string;
  label: string;
  /** Shown after the label, greyed (a code, a note); searched too. */
  detail?: string;
}

const SHOWN = 50;

/** A select for long lists (600 units, hundreds of procedures): type part of a name or code, pick from the matches. */
export function SearchSelect(props: {
  id: string;
  label: string;
  empty: string;
  value: string;
  choices: Choice[];
  onChange: (value: string) => void;
}) {
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const selected = props.choices.find((c) => c.value === props.value);
  const found = query === null ? [] : props.choices.filter((c) => matches(`${c.label} ${c.detail ?? ''}`, query));
  const shown = found.slice(0, SHOWN);
  const pick = (value: string) => {
    setQuery(null);
    if (value !== props.value) props.onChange(value);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(0, Math.min(shown.length - 1, i + (event.key === 'ArrowDown' ? 1 : -1))));
    } else if (event.key === 'Enter' && query !== null) {
      event.preventDefault();
      if (shown[active]) pick(shown[active].value);
    } else if (event.key === 'Escape') setQuery(null);
  };
  const listId = `${props.id}-list`;
  return (
    <div class="search-select">
      <label for={props.id}>{props.label}</label>
      <div class="search-select-box">
        <input
          id={props.id}
          role="combobox"
          aria-expanded={query !== null}
          aria-controls={listId}
          aria-autocomplete="list"
          autocomplete="off"
          placeholder={selected ? selected.label : props.empty}
          value={query ?? selected?.label ?? ''}
          onFocus={() => (setQuery(''), setActive(0))}
          onInput={(e) => (setQuery(e.currentTarget.value), setActive(0))}
          onBlur={() => setQuery(null)}
          onKeyDown={onKeyDown}
        />
        {props.value && (
          <button
            type="button"
            class="clear"
            aria-label={`${t('clear')}: ${props.label}`}
            title={t('clear')}
            onClick={() => pick('')}
          >
            ×
          </button>
        )}
        {query !== null && (
          <ul id={listId} role="listbox" class="search-select-list">
            {shown.map((c, i) => (
              <li
                key={c.value}
                role="option"
                aria-selected={i === active}
                class={i === active ? 'active' : ''}
                onMouseDown={(e) => (e.preventDefault(), pick(c.value))}
              >
                {c.label} {c.detail && <span class="muted">{c.detail}</span>}
              </li>
            ))}
            {shown.length === 0 && <li class="muted">{t('noMatch')}</li>}
            {found.length > SHOWN && <li class="muted">{t('moreMatches', { n: found.length - SHOWN })}</li>}
          </ul>
        )}
      </div>
    </div>
  );
}
