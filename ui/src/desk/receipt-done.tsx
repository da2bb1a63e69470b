import { formatDateTime } from '../app/format';
import { Link } from '../app/ui';
import { AttachmentsList } from '../casework/attachments-list';
import { FormButton } from '../casework/form-button';
import { DossierUnits } from '../casework/dossier-units';
import { CLOSED_STATUSES } from '../casework/may-handle';
import { t } from '../casework/messages';
import { StatusBadge } from '../casework/status-badge';
import type { Dossier } from '../casework/types';

/**
 * What the desk recorded: the dossier's code and status, the units that handle and return it when not the desk, the
 * form to print, the dossier page, and its attachments.
 */
export function ReceiptDone({ dossier, onNext }: { dossier: Dossier; onNext?: () => void }) {
  const refused = dossier.statusCode === 3;
  const supplement = dossier.statusCode === 5;
  const headline = refused ? 'doneRefused' : supplement ? 'doneSupplement' : 'doneAccepted';
  const form = refused ? 'refusal' : supplement ? 'supplement-request' : 'receipt';
  const print = refused ? 'printRefusal' : supplement ? 'printSupplement' : 'printReceipt';
  return (
    <div class="panel receipt-done" role="status" data-testid="receipt-done" data-code={dossier.code}>
      <h2>{t(headline, { code: dossier.code })}</h2>
      <p>
        <StatusBadge code={dossier.statusCode} /> {dossier.procedureName}
      </p>
      <DossierUnits dossier={dossier} />
      {dossier.appointmentAt && (
        <p>
          {t('appointment')}: <strong>{formatDateTime(dossier.appointmentAt)}</strong>
        </p>
      )}
      <div class="toolbar">
        <FormButton code={dossier.code} kind={form} label={t(print)} mode="print" primary />
        <FormButton code={dossier.code} kind={form} label={t('open')} mode="open" />
        <Link href={`/ho-so/${encodeURIComponent(dossier.code)}`}>{t('openDossier')}</Link>
        {onNext && (
          <button type="button" onClick={onNext}>
            {t('receiveAnother')}
          </button>
        )}
      </div>
      {/* The desk scans what the applicant brought and attaches it here. */}
      {!CLOSED_STATUSES.includes(dossier.statusCode) && <AttachmentsList code={dossier.code} canAttach />}
    </div>
  );
}
