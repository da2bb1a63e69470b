import { api, apiFile } from '../app/api';
import { ErrorBox, useLoad } from '../app/ui';
import { AttachForm } from './attach-form';
import { t } from './messages';
import { openBlob } from './pdf';
import type { Attachment } from './types';
import { useAction } from './use-action';

/**
 * The dossier's files (the citizen's online upload, the officers' attachments), each opened with the session's token;
 * with `canAttach`, the form to attach more, after which the list (and, by `onAttached`, the page) is read again.
 */
export function AttachmentsList({
  code,
  canAttach,
  onAttached,
}: {
  code: string;
  canAttach?: boolean;
  onAttached?: () => void;
}) {
  const base = `/dossiers/${encodeURIComponent(code)}/attachments`;
  const files = useLoad(() => api<Attachment[]>(base), [base]);
  const action = useAction();
  if (!files.data?.length && !canAttach) return null;
  const attached = () => {
    files.reload();
    onAttached?.();
  };
  const open = (file: Attachment) => action.run(async () => openBlob(await apiFile(`${base}/${file.id}`), file.name));
  return (
    <section class="panel attachments" data-testid="attachments">
      <h2>{t('attachmentsTitle')}</h2>
      <ul>
        {files.data?.map((file) => (
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
      {files.data?.length === 0 && <p class="muted">{t('noAttachments')}</p>}
      <ErrorBox error={action.error ?? files.error} />
      {canAttach && <AttachForm code={code} onDone={attached} />}
    </section>
  );
}
