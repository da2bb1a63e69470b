import { formatDateTime } from '../app/format';
import { Link } from '../app/ui';
import { replayHref } from './audit-api';
import { t } from './messages';
import { OnTimeBadge } from '../app/on-time-badge';
import type { DossierSummary } from './types';

/** Dossiers found, newest first; the code opens the replay. */
export function DossierTable({ items }: { items: DossierSummary[] }) {
  if (items.length === 0) return <p class="muted">{t('noDossiers')}</p>;
  return (
    <table class="dossier-table" data-testid="dossier-table">
      <thead>
        <tr>
          <th>{t('code')}</th>
          <th>{t('procedure')}</th>
          <th>{t('applicant')}</th>
          <th>{t('unit')}</th>
          <th>{t('status')}</th>
          <th>{t('receivedAt')}</th>
          <th>{t('finishedAt')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {items.map((d) => (
          <tr key={d.code}>
            <td>
              <Link href={replayHref(d.code)}>{d.code}</Link>
            </td>
            <td>
              {d.procedureName}{' '}
              <span class="muted">
                ({d.procedureCode}, {t('version', { n: d.procedureVersion })})
              </span>
            </td>
            <td>{d.applicantName}</td>
            <td>{d.unitName}</td>
            <td>{d.statusLabel}</td>
            <td>{formatDateTime(d.receivedAt)}</td>
            <td>{formatDateTime(d.finishedAt)}</td>
            <td>
              <OnTimeBadge onTime={d.onTime} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
