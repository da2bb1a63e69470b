import { api, apiFile } from '../app/api';
import { ErrorBox, useLoad } from '../app/ui';
import { t } from './messages';
import { openBlob } from './pdf';
import type { Attachment } from './types';
import { useAction } from './use-action';

/** The files uploaded with an online dossier, each opened with the session's token. Nothing for counter dossiers. */
export function AttachmentsList({ code }: { code: string }) {
  const base = `/dossiers/${encodeURIComponent(code)}/attachments`;
  const files = useLoad(() => api<Attachment[]>(base), [base]);
  const action = useAction();
  if (!files.data?.length) return null;
  const open = (file: Attachment) => action.run(async () => openBlob(await apiFile(`${base}/${file.id}`), file.name));
  return (
    <section class="panel attachments" data-testid="attachments">
      <h2>{t('attachmentsTitle')}</h2>
      <ul>
        {files.data.map((file) => (
          <li key={file.id}>
            <button type="button" class="link" disabled={action.busy} onClick={() => open(file)}>
              {file.name}
            </button>
            <div class="small muted">
              {file.document} · {Math.max(1, Math.round(file.size / 1024))} KB
            </div>
          </li>
        ))}
      </ul>
      <ErrorBox error={action.error} />
    </section>
  );
}
