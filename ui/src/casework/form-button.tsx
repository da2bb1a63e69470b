import { useState } from 'preact/hooks';
import { ErrorBox } from '../app/ui';
import { t } from './messages';
import { fetchForm, formFileName, openBlob, printBlob, type FormKind } from './pdf';
import { useAction } from './use-action';

/** A button that fetches a form of the dossier as PDF (with the token) and prints or opens it (downloads it if blocked). */
export function FormButton(props: {
  code: string;
  kind: FormKind;
  label: string;
  mode: 'print' | 'open';
  primary?: boolean;
}) {
  const action = useAction();
  const [downloaded, setDownloaded] = useState(false);
  const go = () =>
    action.run(async () => {
      const blob = await fetchForm(props.code, props.kind);
      const name = formFileName(props.code, props.kind);
      setDownloaded((props.mode === 'print' ? printBlob(blob, name) : openBlob(blob, name)) === 'downloaded');
    });
  return (
    <span class="form-button">
      <button
        type="button"
        class={props.primary ? 'primary' : ''}
        disabled={action.busy}
        onClick={go}
        data-form={props.kind}
      >
        {action.busy ? (props.mode === 'print' ? t('printing') : t('opening')) : props.label}
      </button>
      {downloaded && <span class="small muted">{t('popupBlocked')}</span>}
      <ErrorBox error={action.error} />
    </span>
  );
}
