import { formatDate, formatDateTime } from '../app/format';
import { ErrorBox, Link, Spinner, useLoad } from '../app/ui';
import type { PageProps } from '../shell/routes';
import { t } from './messages';
import { myDossiers } from './portal-api';
import { StatusBadge } from './status-badge';
import './portal.css';

/** /ho-so-cua-toi (citizens): the dossiers this account submitted online, newest first, each leading to its tracking. */
export default function MyDossiersPage(_props: PageProps) {
  const loaded = useLoad(myDossiers, []);
  const list = [...(loaded.data ?? [])].sort((a, b) => (b.receivedAt ?? '').localeCompare(a.receivedAt ?? ''));
  return (
    <section class="portal my-dossiers">
      <h1>{t('myDossiersTitle')}</h1>
      <ErrorBox error={loaded.error} />
      {loaded.loading && !loaded.data && <Spinner label={t('loading')} />}
      {loaded.data && list.length === 0 && (
        <p class="notice">
          {t('noDossiers')} <Link href="/thu-tuc">{t('findProcedure')}</Link>
        </p>
      )}
      {list.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t('dossierCode')}</th>
              <th>{t('procedure')}</th>
              <th>{t('receivedAt')}</th>
              <th>{t('status')}</th>
              <th>{t('appointment')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((d) => (
              <tr key={d.code}>
                <td class="nowrap">
                  <Link href={`/tra-cuu/${encodeURIComponent(d.code)}`}>{d.code}</Link>
                </td>
                <td>{d.procedureName}</td>
                <td class="nowrap">{formatDateTime(d.receivedAt)}</td>
                <td>
                  <StatusBadge code={d.statusCode} label={d.statusLabel} />
                </td>
                <td class="nowrap">{formatDate(d.appointmentAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
