import { api, upload } from '../app/api';
import type { Attachment } from '../app/api-types';
import { formatDateTime } from '../app/format';
import { ErrorBox, useLoad } from '../app/ui';
import type { Dossier } from '../casework/types';
import { useAction } from '../casework/use-action';
import { ACCEPT_ATTRIBUTE } from '../portal/file-checks';
import '../app/forms/forms.css';
import { t } from './digitisation-messages';

/**
 * What the desk received, document by document, and its digitisation: the officer attaches each document's scan
 * under its name and confirms it (POST …/documents/:index/digitised); once all are, the dossier is digitised.
 */
export function DigitisationPanel({
  dossier,
  canHandle,
  onChanged,
}: {
  dossier: Dossier;
  canHandle: boolean;
  onChanged: () => void;
}) {
  const base = `/dossiers/${encodeURIComponent(dossier.code)}`;
  const files = useLoad(() => api<Attachment[]>(`${base}/attachments`), [base, dossier.version]);
  const action = useAction();
  const documents = dossier.receivedDocuments ?? [];
  if (!documents.length) return null;
  const done = documents.filter((d) => d.digitisedAt).length;
  const scansOf = (name: string) => (files.data ?? []).filter((f) => f.document === name).length;
  const attach = (name: string, chosen: FileList | null) => {
    if (!chosen?.length) return;
    const form = new FormData();
    form.append('document', name);
    for (const file of chosen) form.append('files', file, file.name);
    void action.run(() => upload(`${base}/attachments`, form, () => undefined)).then(onChanged);
  };
  const confirm = (index: number) =>
    void action.run(() => api(`${base}/documents/${index}/digitised`, { body: { json: {} } })).then(onChanged);
  return (
    <section class="panel digitisation" data-testid="digitisation">
      <h2>{t('title')}</h2>
      <p class={dossier.digitisedAt ? 'ok' : 'muted'}>
        {dossier.digitisedAt
          ? t('complete', { at: formatDateTime(dossier.digitisedAt) })
          : t('partial', { done, all: documents.length })}
      </p>
      <ol class="small">
        {documents.map((d, i) => (
          <li key={i} data-document={i}>
            <span>{d.name}</span>{' '}
            <span class="muted">
              ({d.originals} {t('originals')}, {d.copies} {t('copies')}, {scansOf(d.name) || d.files} {t('scans')})
            </span>{' '}
            {d.digitisedAt ? (
              <strong>{t('digitisedAt', { at: formatDateTime(d.digitisedAt) })}</strong>
            ) : (
              <span>{t('notDigitised')}</span>
            )}
            {canHandle && !d.digitisedAt && (
              <span class="toolbar">
                <label class="file-picker">
                  <input
                    type="file"
                    class="visually-hidden"
                    accept={ACCEPT_ATTRIBUTE}
                    multiple
                    aria-label={`${t('attachScan')} ${i + 1}. ${d.name}`}
                    onChange={(e) => attach(d.name, e.currentTarget.files)}
                  />
                  <span class="file-button">{action.busy ? t('uploading') : t('attachScan')}</span>
                </label>
                <button
                  type="button"
                  disabled={action.busy || scansOf(d.name) === 0}
                  title={scansOf(d.name) ? undefined : t('scanFirst')}
                  onClick={() => confirm(i)}
                >
                  {t('confirm')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ol>
      <ErrorBox error={action.error} />
    </section>
  );
}
