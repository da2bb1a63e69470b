import { useState } from 'preact/hooks';
import type { FieldErrors } from '../app/forms/field-error';
import { t } from '../casework/messages';
import type { Procedure } from '../casework/types';
import { competenceBody, competentUnit, DEFAULT_COMPETENCE, type Competence } from './competence';
import type { Desk } from './receivable';

export const COMPETENCE_POINTERS = ['/competentUnitCode', '/resultReturn'];

/** The receipt's competent unit and return of the result, when the desk receives this procedure for another unit. */
export function useCompetence(desk: Desk, procedure: Procedure | null, namesCompetentUnit: boolean) {
  const [value, setValue] = useState<Competence>(DEFAULT_COMPETENCE);
  const [checked, setChecked] = useState(false);
  const applying = namesCompetentUnit ? procedure : null;
  const missing = !!applying && !competentUnit(value, desk, applying);
  const errors: FieldErrors = checked && missing ? { '/competentUnitCode': t('competentMissing') } : {};
  return {
    applies: applying !== null,
    value,
    setValue,
    errors,
    reset: () => (setValue(DEFAULT_COMPETENCE), setChecked(false)),
    /** Whether the receipt may be sent; a missing competent unit is then said under its field. */
    check: () => (setChecked(true), !missing),
    body: () => (applying ? competenceBody(value, desk, applying) : {}),
  };
}
