import { formatDateTime } from '../app/format';
import { ErrorBox, Link, Spinner, useLoad } from '../app/ui';
import { t } from './messages';
import { fetchAtRisk } from './report-api';

const LIMIT = 20;

/** The unfinished dossiers already late (red) or at risk of lateness (amber), the earliest due first. */
export function AtRiskList() {
  const { data, error, loading, reload } = useLoad(() => fetchAtRisk(LIMIT), []);
  return (
    <section class="panel at-risk" data-testid="at-risk">
      <header class="toolbar">
        <h2 class="grow">{t('atRiskTitle')}</h2>
        {loading && <Spinner label={t('loading')} />}
        {data && data.total > 0 && (
          <span class="muted">{t('atRiskCount', { shown: data.items.length, total: data.total })}</span>
        )}
        <button type="button" onClick={reload} disabled={loading}>
          {t('refresh')}
        </button>
      </header>
      <ErrorBox error={error} />
      {data && data.items.length === 0 && <p class="muted">{t('atRiskNone')}</p>}
      {data && data.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t('code')}</th>
              <th>{t('procedure')}</th>
              <th>{t('receivingUnit')}</th>
              <th>{t('applicant')}</th>
              <th>{t('status')}</th>
              <th>{t('dueAt')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((d) => (
              <tr key={d.code} data-code={d.code} class={d.late ? 'is-late' : 'is-at-risk'}>
                <td class="nowrap">
                  <Link href={`/ho-so/${encodeURIComponent(d.code)}`}>{d.code}</Link>
                </td>
                <td>{d.procedureName}</td>
                <td>{d.unitName}</td>
                <td>{d.applicantName}</td>
                <td>{d.statusLabel}</td>
                <td class="nowrap">
                  {formatDateTime(d.dueAt)}{' '}
                  <span class={`badge ${d.late ? 'bad' : 'warn'}`}>{d.late ? t('isLate') : t('atRisk')}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
