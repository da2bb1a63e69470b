import { formatDateTime } from '../app/format';
import { Link } from '../app/ui';
import { t } from './messages';
import { StatusBadge } from './status-badge';
import type { SubmittedDossier } from './types';

/** After submission: the dossier's code, to keep, and where to follow it. */
export function SubmittedReceipt({ dossier, procedureName }: { dossier: SubmittedDossier; procedureName: string }) {
  const track = `/tra-cuu/${encodeURIComponent(dossier.code)}`;
  return (
    <div class="panel submitted" role="status">
      <h2>{t('submittedTitle')}</h2>
      <p>{t('submittedText', { procedure: procedureName })}</p>
      <p class="dossier-code">
        {t('dossierCode')}: <strong data-testid="dossier-code">{dossier.code}</strong>
      </p>
      <p>
        {t('status')}: <StatusBadge code={dossier.statusCode} label={dossier.statusLabel} />
        {dossier.appointmentAt && ` · ${t('appointment')}: ${formatDateTime(dossier.appointmentAt)}`}
      </p>
      <p class="muted">{t('keepCode')}</p>
      <p class="actions">
        <Link href={track} class="button primary">
          {t('trackThis')}
        </Link>
        <Link href="/ho-so-cua-toi" class="button">
          {t('myDossiersTitle')}
        </Link>
      </p>
    </div>
  );
}
