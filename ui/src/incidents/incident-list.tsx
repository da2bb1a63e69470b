import { api } from '../app/api';
import type { Incident } from '../app/api-types';
import { formatDateTime } from '../app/format';
import { useLoad } from '../app/ui';
import { t } from './messages';
import './incidents.css';

const KIND_LABEL = {
  'version-blocked': t('kind_version_blocked'),
  'step-timeout': t('kind_step_timeout'),
  'step-failed': t('kind_step_failed'),
  'dossier-held': t('kind_dossier_held'),
} as const;

/**
 * The open incidents the caller may see (VPUBND: all; a department: its procedures; a unit: its dossiers), or those
 * of one dossier. Shows nothing when there are none.
 */
export function IncidentList({ dossierCode }: { dossierCode?: string }) {
  const loaded = useLoad(() => api<Incident[]>('/incidents?open=true'), []);
  const shown = (loaded.data ?? []).filter((i) => !dossierCode || i.dossierCode === dossierCode);
  if (!shown.length) return null;
  return (
    <section class="incidents panel" role="alert">
      <h2>{t('title')}</h2>
      <ul>
        {shown.map((i) => (
          <li key={i.id} data-kind={i.kind}>
            <strong>{KIND_LABEL[i.kind]}</strong>
            {i.procedureCode && (
              <span>
                {' '}
                · {i.procedureCode}
                {i.versionNumber !== null && ` (${t('version', { n: String(i.versionNumber) })})`}
              </span>
            )}
            {i.dossierCode && <span> · {i.dossierCode}</span>}
            <p>{i.message}</p>
            <small>
              {t('raisedAt')} {formatDateTime(i.raisedAt)}
            </small>
          </li>
        ))}
      </ul>
    </section>
  );
}
