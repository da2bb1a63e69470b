import { t } from '../casework/messages';

/** What the desk received of one document of the procedure. */
export interface ReceivedDocument {
  name: string;
  originals: number;
  copies: number;
}

/** The checklist as it starts: one original of each required document, nothing of the others. */
export function initialChecklist(documents: { name: string; required: boolean }[]): ReceivedDocument[] {
  return documents.map((d) => ({ name: d.name, originals: d.required ? 1 : 0, copies: 0 }));
}

/** What the receipt lists (Mẫu 01): the documents of which something was received. */
export function checklistBody(list: ReceivedDocument[]): ReceivedDocument[] {
  return list.filter((d) => d.originals + d.copies > 0);
}

/**
 * The procedure's documents as a checklist: the officer records how many originals and copies the applicant brought,
 * and the receipt lists what was received.
 */
export function RequiredDocuments({
  documents,
  value,
  onChange,
}: {
  documents: { name: string; quantity?: string; required: boolean }[];
  value: ReceivedDocument[];
  onChange: (next: ReceivedDocument[]) => void;
}) {
  if (!documents.length) return null;
  const set = (i: number, field: 'originals' | 'copies', n: number) =>
    onChange(value.map((d, j) => (j === i ? { ...d, [field]: Math.max(0, Math.min(99, n || 0)) } : d)));
  return (
    <fieldset class="received-documents" data-testid="received-documents">
      <legend>{t('documentsReceived')}</legend>
      <table class="small">
        <thead>
          <tr>
            <th>{t('documentsTitle')}</th>
            <th>{t('originals')}</th>
            <th>{t('copies')}</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((d, i) => (
            <tr key={i}>
              <td>
                {i + 1}. {d.name} {d.quantity && <span class="muted">({d.quantity})</span>}
                {!d.required && <span class="muted"> — {t('documentConditional')}</span>}
              </td>
              {(['originals', 'copies'] as const).map((field) => (
                <td key={field}>
                  <input
                    type="number"
                    min={0}
                    max={99}
                    aria-label={`${t(field)} – ${i + 1}. ${d.name}`}
                    value={value[i]?.[field] ?? 0}
                    onInput={(e) => set(i, field, Number(e.currentTarget.value))}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}
