import { fieldAttributes, FieldError } from '../app/forms/field-error';
import { ACCEPT_ATTRIBUTE, fileSize } from './file-checks';
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

/** One document of the dossier: its name, a file chooser, the chosen file(s), and what is wrong with them. */
export function DocumentInput({ pointer, label, quantity, required, multiple, files, error, onChange }: Props) {
  return (
    <div class={`field document-input${error ? ' has-error' : ''}`} data-field={pointer}>
      <label>
        <span class="document-name">
          {label}
          {required && <span class="required"> *</span>}
          {quantity && <small class="muted"> ({quantity})</small>}
        </span>
        <input
          {...fieldAttributes(pointer, error)}
          type="file"
          accept={ACCEPT_ATTRIBUTE}
          multiple={multiple}
          onChange={(e) => onChange([...((e.currentTarget as HTMLInputElement).files ?? [])])}
        />
      </label>
      {files.length > 0 && (
        <ul class="chosen-files">
          {files.map((f) => (
            <li key={f.name}>
              {f.name} <span class="muted">({fileSize(f.size)})</span>
            </li>
          ))}
        </ul>
      )}
      <FieldError pointer={pointer} message={error} />
      {!error && files.length === 0 && !required && <small class="muted">{t('optional')}</small>}
    </div>
  );
}
