import { FieldError, type FieldErrors } from '../app/forms/field-error';
import { formatDate } from '../app/format';
import { t } from '../casework/messages';
import type { Procedure } from '../casework/types';
import { UnitSearch } from '../portal/unit-search';
import { useUnits } from '../portal/use-units';
import { competentLevel, competentUnit, RESULT_RETURNS, type Competence } from './competence';
import type { Desk } from './receivable';

const POINTER = '/competentUnitCode';

/**
 * A receipt for another unit (at a branch of the service centre, or a ward receiving regardless of boundary): why, the
 * unit competent to handle it, searched by name with or without accents, and where the result is returned.
 */
export function CompetenceFields(props: {
  desk: Desk;
  procedure: Procedure;
  value: Competence;
  errors: FieldErrors;
  onChange: (value: Competence) => void;
}) {
  const { desk, procedure, value, errors, onChange } = props;
  const level = competentLevel(procedure);
  const units = useUnits(procedure, level);
  const error = errors[POINTER];
  return (
    <fieldset class="competence-fields" data-testid="competence-fields">
      <legend>{t('competenceTitle')}</legend>
      {procedure.boundaryFreeFrom && (
        <p class="muted small">{t('boundaryFreeSince', { date: formatDate(procedure.boundaryFreeFrom) })}</p>
      )}
      <div class={`field${error ? ' has-error' : ''}`} data-field={POINTER}>
        <UnitSearch
          units={units}
          value={competentUnit(value, desk, procedure)}
          pointer={POINTER}
          error={error}
          commune={level === 'xa'}
          label={t('competentUnit')}
          onChange={(unitCode) => onChange({ ...value, unitCode })}
        />
        <FieldError pointer={POINTER} message={error} />
      </div>
      <div class="choices" role="radiogroup" aria-label={t('resultReturn')} data-field="/resultReturn">
        <span>{t('resultReturn')}:</span>
        {RESULT_RETURNS.map((choice) => (
          <label key={choice} class="choice">
            <input
              type="radio"
              name="resultReturn"
              value={choice}
              checked={value.resultReturn === choice}
              onChange={() => onChange({ ...value, resultReturn: choice })}
            />
            {t(`resultReturn_${choice}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
