import { useState } from 'preact/hooks';
import type { FieldErrors } from '../app/forms/field-error';
import { todayInHanoi } from '../app/format';
import { t } from '../casework/messages';
import type { Procedure } from '../casework/types';
import { competenceBody, competentUnit, DEFAULT_COMPETENCE, type Competence } from './competence';
import { namesCompetentUnit, type Desk } from './receivable';

export const COMPETENCE_POINTERS = ['/competentUnitCode', '/resultReturn'];

/** The receipt's competent unit and return of the result, when the desk receives this procedure for another unit. */
export function useCompetence(desk: Desk, procedure: Procedure | null) {
  const [value, setValue] = useState<Competence>(DEFAULT_COMPETENCE);
  const [checked, setChecked] = useState(false);
  const applies = !!procedure && namesCompetentUnit(desk, procedure, todayInHanoi());
  const missing = applies && !competentUnit(value, desk, procedure);
  const errors: FieldErrors = checked && missing ? { '/competentUnitCode': t('competentMissing') } : {};
  return {
    applies,
    value,
    setValue,
    errors,
    reset: () => (setValue(DEFAULT_COMPETENCE), setChecked(false)),
    /** Whether the receipt may be sent; a missing competent unit is then said under its field. */
    check: () => (setChecked(true), !missing),
    body: () => (applies ? competenceBody(value, desk, procedure) : {}),
  };
}
