import { t } from '../casework/messages';
import type { ProcedureSummary } from '../casework/types';

export interface InboxFilter {
  procedure: string;
  status: '' | 'open' | 'claimed';
}

/** Filters of the inbox: the procedure and whether someone has claimed the task. */
export function InboxFilters(props: {
  filter: InboxFilter;
  procedures: ProcedureSummary[];
  onChange: (filter: InboxFilter) => void;
}) {
  const { filter, procedures, onChange } = props;
  return (
    <div class="toolbar inbox-filters">
      <label>
        {t('procedure')}
        <select value={filter.procedure} onChange={(e) => onChange({ ...filter, procedure: e.currentTarget.value })}>
          <option value="">{t('allProcedures')}</option>
          {procedures.map((p) => (
            <option key={p.code} value={p.code}>
              {p.code} — {p.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('taskStatus')}
        <select
          value={filter.status}
          onChange={(e) => onChange({ ...filter, status: e.currentTarget.value as InboxFilter['status'] })}
        >
          <option value="">{t('allTasks')}</option>
          <option value="open">{t('openTasks')}</option>
          <option value="claimed">{t('claimedTasks')}</option>
        </select>
      </label>
    </div>
  );
}
