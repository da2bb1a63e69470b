import { DossierUnits } from '../casework/dossier-units';
import { t } from '../casework/messages';
import { StatusBadge } from '../casework/status-badge';
import type { Dossier } from '../casework/types';

const CHANNELS = new Set(['direct', 'online', 'post']);

/** The dossier's code and status (national code and label), its procedure and applicant, and the units it goes to. */
export function DossierHeader({ dossier }: { dossier: Dossier }) {
  const channel = CHANNELS.has(dossier.channel)
    ? t(`channel_${dossier.channel}` as Parameters<typeof t>[0])
    : dossier.channel;
  return (
    <header class="dossier-header">
      <h1>
        {t('dossierTitle', { code: dossier.code })} <StatusBadge code={dossier.statusCode} />
        {dossier.lateRisk && dossier.onTime === null && <span class="badge warn">{t('lateRisk')}</span>}
      </h1>
      <p class="muted">
        {dossier.procedureCode} · {dossier.procedureName}
        <br />
        {t('applicant')}: <strong>{dossier.applicant.fullName}</strong> ({dossier.applicant.idNumber}
        {dossier.applicant.phone ? `, ${dossier.applicant.phone}` : ''}) · {channel} ·{' '}
        {t('receivedBy', { unit: dossier.unitName })}
      </p>
      <DossierUnits dossier={dossier} class="muted" />
    </header>
  );
}
