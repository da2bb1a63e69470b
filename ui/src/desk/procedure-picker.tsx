import { t as common } from '../app/messages';
import type { User } from '../app/session';
import { t } from '../casework/messages';
import type { ProcedureSummary } from '../casework/types';

/** The procedures a unit's desk receives: in force, at the unit's level, and a department's own ones at city level. */
export function receivableAt(user: User | null, procedures: ProcedureSummary[]): ProcedureSummary[] {
  return procedures.filter(
    (p) =>
      p.status === 'active' &&
      !!user?.unitLevel &&
      p.levels.includes(user.unitLevel) &&
      (p.departmentCode === null || p.departmentCode === user.unitCode),
  );
}

export function ProcedurePicker(props: {
  procedures: ProcedureSummary[];
  value: string;
  onChange: (code: string) => void;
}) {
  return (
    <label class="procedure-picker">
      {t('chooseProcedure')}
      <select id="f-procedureCode" value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">{common('choose')}</option>
        {props.procedures.map((p) => (
          <option key={p.code} value={p.code}>
            {p.code} — {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
