import { FieldError } from '../app/forms/field-error';
import { FilePicker } from '../app/forms/file-picker';
import { ACCEPT_ATTRIBUTE } from './file-checks';
import { t } from './messages';

interface Props {
  pointer: string;
  label: string;
  quantity?: string | undefined;
  required: boolean;
  multiple?: boolean;
  files: File[];
  error: string | undefined;
  onChange: (files: File[]) => void;
}

/** One document of the dossier: its name, a file chooser saying what was chosen, and what is wrong with it. */
export function DocumentInput({ pointer, label, quantity, required, multiple, files, error, onChange }: Props) {
  return (
    <div class={`field document-input${error ? ' has-error' : ''}`} data-field={pointer}>
      <FilePicker
        pointer={pointer}
        label={
          <span class="document-name">
            {label}
            {required && <span class="required"> *</span>}
            {quantity && <small class="muted"> ({quantity})</small>}
          </span>
        }
        files={files}
        error={error}
        accept={ACCEPT_ATTRIBUTE}
        multiple={multiple}
        onChange={onChange}
      />
      <FieldError pointer={pointer} message={error} />
      {!error && files.length === 0 && !required && <small class="muted">{t('optional')}</small>}
    </div>
  );
}
