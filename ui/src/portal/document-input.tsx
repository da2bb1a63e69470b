import { FieldError, fieldId } from './field-error';
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
  const id = fieldId(pointer);
  return (
    <div class={`field document-input${error ? ' has-error' : ''}`} data-field={pointer}>
      <label>
        <span class="document-name">
          {label}
          {required && <span class="required"> *</span>}
          {quantity && <small class="muted"> ({quantity})</small>}
        </span>
        <input
          id={id}
          type="file"
          accept={ACCEPT_ATTRIBUTE}
          multiple={multiple}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
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
      <FieldError id={`${id}-error`} message={error} />
      {!error && files.length === 0 && !required && <small class="muted">{t('optional')}</small>}
    </div>
  );
}
