import { formatDateTime } from '../app/format';
import { Link } from '../app/ui';
import { fileSize } from './file-checks';
import { t } from './messages';
import { StatusBadge } from './status-badge';
import { TrackingQr } from './tracking-qr';
import type { SubmittedDossier } from './types';
import './submitted-receipt.css';

/**
 * After submission: a confirmation to keep or print — the dossier's code, where and when it was submitted, the files
 * sent, and the tracking address with its QR code.
 */
export function SubmittedReceipt({ dossier, procedureName }: { dossier: SubmittedDossier; procedureName: string }) {
  const track = `/tra-cuu/${encodeURIComponent(dossier.code)}`;
  const trackUrl = `${location.origin}${track}`;
  return (
    <div class="panel submitted submitted-receipt" role="status" data-testid="submitted-receipt">
      <h2>{t('submittedTitle')}</h2>
      <p class="no-print">{t('submittedText', { procedure: procedureName })}</p>
      <div class="confirmation-head">
        <div>
          <p class="dossier-code">
            {t('dossierCode')}: <strong data-testid="dossier-code">{dossier.code}</strong>
          </p>
          <dl class="facts" data-testid="submitted-facts">
            <dt>{t('procedureName')}</dt>
            <dd>{dossier.procedureName || procedureName}</dd>
            <dt>{t('submittedTo')}</dt>
            <dd data-testid="submitted-unit">{dossier.receivingUnitName}</dd>
            {dossier.unitName !== dossier.receivingUnitName && (
              <>
                <dt>{t('handlingUnit')}</dt>
                <dd>{dossier.unitName}</dd>
              </>
            )}
            <dt>{t('submittedAt')}</dt>
            <dd data-testid="submitted-at">{t('hanoiTime', { time: formatDateTime(dossier.receivedAt) })}</dd>
            <dt>{t('status')}</dt>
            <dd>
              <StatusBadge code={dossier.statusCode} label={dossier.statusLabel} />
              {dossier.appointmentAt && ` · ${t('appointment')}: ${formatDateTime(dossier.appointmentAt)}`}
            </dd>
            <dt>{t('trackAt')}</dt>
            <dd class="track-url">{trackUrl}</dd>
          </dl>
        </div>
        <TrackingQr url={trackUrl} />
      </div>
      <h3>{t('submittedFiles', { n: dossier.attachments.length })}</h3>
      <table class="submitted-files" data-testid="submitted-files">
        <thead>
          <tr>
            <th>{t('documentName')}</th>
            <th>{t('fileName')}</th>
            <th>{t('fileSize')}</th>
          </tr>
        </thead>
        <tbody>
          {dossier.attachments.map((a) => (
            <tr key={a.id}>
              <td>{a.document}</td>
              <td class="file-name">{a.name}</td>
              <td class="nowrap">{fileSize(a.size)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">{t('keepCode')}</p>
      <p class="actions no-print">
        <button type="button" class="primary" onClick={() => print()}>
          {t('printConfirmation')}
        </button>
        <Link href={track} class="button">
          {t('trackThis')}
        </Link>
        <Link href="/ho-so-cua-toi" class="button">
          {t('myDossiersTitle')}
        </Link>
      </p>
    </div>
  );
}
