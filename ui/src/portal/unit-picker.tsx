import { useEffect, useState } from 'preact/hooks';
import { fieldAttributes, FieldError } from '../app/forms/field-error';
import { ErrorBox, Spinner } from '../app/ui';
import { levelLabel } from './levels';
import { t } from './messages';
import { containsPhrase } from './text-match';
import type { Procedure } from './types';
import { useUnits } from './use-units';

interface Props {
  procedure: Procedure;
  level: string;
  unitCode: string;
  error: string | undefined;
  onLevel: (level: string) => void;
  onUnit: (code: string) => void;
}

/**
 * The unit to submit to: the level when the procedure has several, then a select narrowed by typing part of the name.
 * A commune-level procedure asks for the ward or commune of residence (or of the object), whose committee handles it.
 */
export function UnitPicker({ procedure, level, unitCode, error, onLevel, onUnit }: Props) {
  const units = useUnits(procedure, level);
  const [query, setQuery] = useState('');
  const commune = level === 'xa';
  const shown = (units.data ?? []).filter((u) => u.code === unitCode || containsPhrase(`${u.label} ${u.code}`, query));
  useEffect(() => {
    if (units.data?.length === 1 && !unitCode) onUnit(units.data[0]!.code);
  }, [units.data]);
  const search = (text: string) => {
    setQuery(text);
    const found = (units.data ?? []).filter((u) => containsPhrase(`${u.label} ${u.code}`, text));
    if (found.length === 1) onUnit(found[0]!.code);
  };
  return (
    <div class={`field unit-picker${error ? ' has-error' : ''}`} data-field="/unitCode">
      {procedure.levels.length > 1 && (
        <label>
          {t('level')}
          <select value={level} onChange={(e) => (onLevel((e.currentTarget as HTMLSelectElement).value), onUnit(''))}>
            {procedure.levels.map((l) => (
              <option key={l} value={l}>
                {levelLabel(l)}
              </option>
            ))}
          </select>
        </label>
      )}
      <ErrorBox error={units.error} />
      {units.loading && !units.data ? (
        <Spinner label={t('loadingUnits')} />
      ) : (
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
              {t(commune ? 'commune' : 'unit')}
              <span class="required"> *</span>
            </span>
            <select
              {...fieldAttributes('/unitCode', error)}
              value={unitCode}
              onChange={(e) => onUnit((e.currentTarget as HTMLSelectElement).value)}
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
      )}
      {commune && <p class="muted">{t('communeNote')}</p>}
      <FieldError pointer="/unitCode" message={error} />
    </div>
  );
}
