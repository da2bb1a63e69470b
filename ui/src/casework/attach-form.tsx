import { useState } from 'preact/hooks';
import { upload } from '../app/api';
import { fieldAttributes, FieldError } from '../app/forms/field-error';
import { FilePicker } from '../app/forms/file-picker';
import { ErrorBox } from '../app/ui';
import { ACCEPT_ATTRIBUTE } from '../portal/file-checks';
import { UploadProgress } from '../portal/upload-progress';
import { placeErrors } from './field-errors';
import { t } from './messages';
import type { Attachment } from './types';
import { useAction } from './use-action';

const POINTERS = ['/document', '/files'];

/** Attaches files to the dossier as one document (“Biên bản thẩm định”): its name, the files, the upload's progress. */
export function AttachForm({ code, onDone }: { code: string; onDone: (added: Attachment[]) => void }) {
  const [document, setDocument] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData();
    form.append('document', document.trim());
    for (const file of files) form.append('files', file, file.name);
    setProgress(0);
    const added = await action.run(() =>
      upload<Attachment[]>(`/dossiers/${encodeURIComponent(code)}/attachments`, form, setProgress),
    );
    setProgress(null);
    if (!added) return;
    setDocument('');
    setFiles([]);
    onDone(added);
  };
  const failure = action.error ? placeErrors(action.error, (pointer) => POINTERS.includes(pointer)) : null;
  const errors = failure?.fields ?? {};
  // Two forms may share a page (the desk's receipt and an online one): ids are scoped by the dossier's code.
  const scoped = (pointer: string) => `/attach/${code}${pointer}`;
  return (
    <form class="attach-form" onSubmit={submit} noValidate data-testid="attach-form">
      <h3>{t('attachTitle')}</h3>
      <div data-field="/document">
        <label>
          {t('attachDocument')}
          <input
            value={document}
            maxLength={500}
            placeholder={t('attachDocumentHint')}
            onInput={(e) => setDocument(e.currentTarget.value)}
            {...fieldAttributes(scoped('/document'), errors['/document'])}
          />
        </label>
        <FieldError pointer={scoped('/document')} message={errors['/document']} />
      </div>
      <div data-field="/files">
        <FilePicker
          pointer={scoped('/files')}
          label={t('attachFiles')}
          files={files}
          error={errors['/files']}
          accept={ACCEPT_ATTRIBUTE}
          multiple
          onChange={setFiles}
        />
        <FieldError pointer={scoped('/files')} message={errors['/files']} />
      </div>
      {progress !== null && <UploadProgress fraction={progress} />}
      <ErrorBox error={failure?.rest} />
      <button type="submit" class="primary" disabled={action.busy || !document.trim() || files.length === 0}>
        {action.busy ? t('sending') : t('attachSubmit')}
      </button>
    </form>
  );
}
