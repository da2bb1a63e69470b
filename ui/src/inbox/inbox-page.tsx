import { useState } from 'preact/hooks';
import { api } from '../app/api';
import { ErrorBox, Spinner, useLoad } from '../app/ui';
import type { PageProps } from '../shell/routes';
import { AlertsPanel } from './alerts-panel';
import { InboxFilters, type InboxFilter } from './inbox-filters';
import { t } from '../casework/messages';
import { Pager } from './pager';
import { TaskRow } from './task-row';
import type { InboxItem, ProcedureSummary } from '../casework/types';
import { useWorkingCalendar } from '../casework/urgency';
import '../casework/casework.css';

const PAGE_SIZE = 50;

/** The officer's and leader's inbox (/hop-viec): open tasks of their unit and roles, the earliest due first. */
export default function InboxPage({ user }: PageProps) {
  const [filter, setFilter] = useState<InboxFilter>({ procedure: '', status: '' });
  const [offset, setOffset] = useState(0);
  const [flash, setFlash] = useState<string | null>(null);
  const calendar = useWorkingCalendar();
  const query = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(offset) });
  if (filter.procedure) query.set('procedure', filter.procedure);
  if (filter.status) query.set('status', filter.status);
  const tasks = useLoad(() => api<InboxItem[]>(`/tasks?${query}`), [query.toString()]);
  const procedures = useLoad(() => api<ProcedureSummary[]>('/procedures'), []);
  const changeFilter = (next: InboxFilter) => {
    setFilter(next);
    setOffset(0);
  };
  const items = tasks.data ?? [];
  return (
    <section class="inbox-page">
      <h1>{t('inboxTitle')}</h1>
      <p class="muted">{t('inboxIntro')}</p>
      <AlertsPanel version={items.length} />
      <InboxFilters filter={filter} procedures={procedures.data ?? []} onChange={changeFilter} />
      {flash && (
        <p class="flash" role="status">
          {flash}
        </p>
      )}
      <ErrorBox error={tasks.error} />
      {tasks.loading && !tasks.data ? (
        <Spinner label={t('loadingTasks')} />
      ) : items.length === 0 ? (
        <p class="panel muted">{t('noTasks')}</p>
      ) : (
        <table class="tasks" data-testid="inbox">
          <thead>
            <tr>
              <th>{t('due')}</th>
              <th>{t('dossier')}</th>
              <th>{t('applicant')}</th>
              <th>{t('step')}</th>
              <th>{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <TaskRow
                key={item.id}
                item={item}
                user={user}
                calendar={calendar}
                onClaimed={tasks.reload}
                onCompleted={(done) => {
                  setFlash(t('completed', { step: done.name, code: done.dossierCode }));
                  tasks.reload();
                }}
              />
            ))}
          </tbody>
        </table>
      )}
      <Pager offset={offset} pageSize={PAGE_SIZE} count={items.length} onChange={setOffset} />
    </section>
  );
}
