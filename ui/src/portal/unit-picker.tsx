import { FieldError } from '../app/forms/field-error';
import { levelLabel } from './levels';
import { t } from './messages';
import type { Procedure } from './types';
import { UnitSearch } from './unit-search';
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
  const commune = level === 'xa';
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
      <UnitSearch
        units={units}
        value={unitCode}
        pointer="/unitCode"
        error={error}
        commune={commune}
        label={t(commune ? 'commune' : 'unit')}
        onChange={onUnit}
      />
      {commune && <p class="muted">{t('communeNote')}</p>}
      <FieldError pointer="/unitCode" message={error} />
    </div>
  );
}
