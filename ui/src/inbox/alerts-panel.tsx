import { api } from '../app/api';
import { formatDateTime } from '../app/format';
import { ErrorBox, Link, useLoad } from '../app/ui';
import { t } from '../casework/messages';
import type { Alert } from '../casework/types';

const TONE = { 'late-risk': 'warn', overdue: 'bad', reminder: '', escalation: 'bad' } as const;

/** The unacknowledged alerts of the user's unit and roles (late risk, overdue, reminders); "Đã xem" dismisses one. */
export function AlertsPanel({ version }: { version: number }) {
  const alerts = useLoad(() => api<Alert[]>('/alerts'), [version]);
  const unseen = (alerts.data ?? []).filter((a) => !a.acknowledgedAt);
  if (alerts.error) return <ErrorBox error={alerts.error} />;
  if (!unseen.length) return null;
  const acknowledge = async (id: number) => {
    await api(`/alerts/${id}/acknowledge`, { method: 'POST', body: { json: {} } }).catch(() => undefined);
    alerts.reload();
  };
  return (
    <section class="panel alerts" data-testid="alerts">
      <h2>{t('alertsTitle')}</h2>
      <ul>
        {unseen.map((a) => (
          <li key={a.id}>
            <span class={`badge ${TONE[a.kind]}`}>
              {t(`alert_${a.kind.replace('-', '_')}` as Parameters<typeof t>[0])}
            </span>{' '}
            <Link href={`/ho-so/${encodeURIComponent(a.dossierCode)}`}>{a.dossierCode}</Link> {a.message}{' '}
            <span class="muted small">{formatDateTime(a.raisedAt)}</span>{' '}
            <button type="button" class="small" onClick={() => acknowledge(a.id)}>
              {t('acknowledge')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
