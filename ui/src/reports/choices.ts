import { formatDate } from '../app/format';
import type { ProcedureSummary, Unit } from '../app/api-types';
import { t } from './messages';
import type { Choice } from './search-select';

/** Units to pick from, of the chosen level if any; a unit retired by a reorganisation says since when. */
export function unitChoices(units: readonly Unit[], level: string): Choice[] {
  return units
    .filter((u) => !level || u.level === level)
    .map((u) => ({
      value: u.code,
      label: u.name,
      detail: u.validTo ? `${u.code}, ${t('retiredSince', { date: formatDate(u.validTo) })}` : u.code,
    }));
}

/** Procedures to pick from, of the chosen level if any, by name with their national code. */
export function procedureChoices(procedures: readonly ProcedureSummary[], level: string): Choice[] {
  return procedures
    .filter((p) => !level || p.levels.includes(level))
    .map((p) => ({ value: p.code, label: p.name, detail: p.code }));
}
