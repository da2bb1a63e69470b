import { useEffect, useState } from 'preact/hooks';
import { fieldAttributes } from '../app/forms/field-error';
import { ErrorBox, Spinner, type Loaded } from '../app/ui';
import { t } from './messages';
import { containsPhrase } from './text-match';
import type { UnitChoice } from './use-units';
import './unit-search.css';

const matches = (unit: UnitChoice, query: string) => containsPhrase(`${unit.label} ${unit.code}`, query);

interface Props {
  units: Loaded<UnitChoice[]>;
  /** The chosen unit's code, '' for none. */
  value: string;
  /** The JSON Pointer of the field the server names in its refusals: `/unitCode`, `/competentUnitCode`. */
  pointer: string;
  error: string | undefined;
  /** The search box asks for a ward or commune rather than any unit. */
  commune: boolean;
  label: string;
  onChange: (code: string) => void;
}

/**
 * A unit among many: a select narrowed by typing part of its name or code, with or without accents; the only match, or
 * the only unit, is chosen at once.
 */
export function UnitSearch({ units, value, pointer, error, commune, label, onChange }: Props) {
  const [query, setQuery] = useState('');
  const all = units.data ?? [];
  const shown = all.filter((u) => u.code === value || matches(u, query));
  useEffect(() => {
    if (units.data?.length === 1 && !value) onChange(units.data[0]!.code);
  }, [units.data]);
  const search = (text: string) => {
    setQuery(text);
    const found = all.filter((u) => matches(u, text));
    if (found.length === 1) onChange(found[0]!.code);
  };
  if (units.loading && !units.data) return <Spinner label={t('loadingUnits')} />;
  return (
    <>
      <ErrorBox error={units.error} />
      <div class="unit-row">
        <label>
          {t(commune ? 'findCommune' : 'findUnit')}
          <input
            type="search"
            value={query}
            placeholder={t(commune ? 'findCommuneHint' : 'findUnitHint')}
            onInput={(e) => search((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <label class="grow">
          <span>
            {label}
            <span class="required"> *</span>
          </span>
          <select
            {...fieldAttributes(pointer, error)}
            value={value}
            onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}
          >
            <option value="">{t('chooseUnit', { n: shown.length })}</option>
            {shown.map((u) => (
              <option key={u.code} value={u.code}>
                {u.label}
              </option>
            ))}
          </select>
        </label>
      </div>
    </>
  );
}
