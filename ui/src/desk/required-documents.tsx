import { t } from '../casework/messages';

/** The documents the procedure requires, folded: the officer checks them against what the applicant brought. */
export function RequiredDocuments({ documents }: { documents: { name: string; quantity?: string }[] }) {
  if (!documents.length) return null;
  return (
    <details class="required-documents">
      <summary>
        {t('documentsTitle')} ({documents.length})
      </summary>
      <ol>
        {documents.map((d, i) => (
          <li key={i}>
            {d.name} {d.quantity && <span class="muted small">({d.quantity})</span>}
          </li>
        ))}
      </ol>
    </details>
  );
}
