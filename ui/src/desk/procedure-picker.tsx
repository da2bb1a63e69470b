import { t as common } from '../app/messages';
import { t } from '../casework/messages';
import type { ProcedureSummary } from '../casework/types';

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
