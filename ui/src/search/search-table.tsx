import type { DossierSummary } from '../app/api-types';
import { Link } from '../app/ui';
import { statusText } from '../casework/status-badge';
import { When } from '../register/register-table';
import { t } from './messages';

/** Statuses after which a dossier is no longer handled though it has no finishing time: refused, withdrawn, stopped. */
const ENDED = [3, 7, 8];

/**
 * Late (red) once it passed its legal due time; at risk (amber) while still being handled with the late-risk alert
 * raised.
 */
export function LateBadge({ dossier }: { dossier: DossierSummary }) {
  if (dossier.late) return <span class="badge bad">{t('late')}</span>;
  if (dossier.lateRisk && dossier.finishedAt === null && !ENDED.includes(dossier.statusCode))
    return <span class="badge warn">{t('lateRisk')}</span>;
  return null;
}

/** A page of found dossiers, in the API's order, each code leading to the dossier's page. */
export function SearchTable({ items }: { items: DossierSummary[] }) {
  return (
    <div class="register-scroll">
      <table class="register-table search-table" data-testid="search-table">
        <thead>
          <tr>
            <th>{t('colCode')}</th>
            <th>{t('colProcedure')}</th>
            <th>{t('colApplicant')}</th>
            <th>{t('colStatus')}</th>
            <th>{t('colReceived')}</th>
            <th>{t('colDue')}</th>
            <th>{t('colDesk')}</th>
            <th>{t('colAlert')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.code} data-code={d.code}>
              <td class="code">
                <Link href={`/ho-so/${encodeURIComponent(d.code)}`}>{d.code}</Link>
              </td>
              <td class="procedure">{d.procedureName}</td>
              <td class="applicant">{d.applicantName}</td>
              <td class="status" data-status={d.statusCode}>
                {statusText(d.statusCode)}
              </td>
              <td class="when">
                <When iso={d.receivedAt} />
              </td>
              <td class="when">
                <When iso={d.dueAt} />
              </td>
              <td class="desk">{d.deskUnitName}</td>
              <td class="alert">
                <LateBadge dossier={d} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
