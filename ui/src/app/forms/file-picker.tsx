import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../messages';
import { fieldAttributes } from './field-error';
import './forms.css';

interface Props {
  /** The field's JSON Pointer: the input's id, and its message's. */
  pointer: string;
  label: ComponentChildren;
  files: File[];
  error: string | undefined;
  accept: string;
  multiple?: boolean | undefined;
  onChange: (files: File[]) => void;
}

/**
 * A file input that speaks the page's language, not the browser's: the input itself is visually hidden (still focused
 * by Tab, opened by Enter or Space, and named by the label), a button-like “Chọn tệp…” opens it, and a line says what
 * was chosen.
 */
export function FilePicker({ pointer, label, files, error, accept, multiple, onChange }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const attributes = fieldAttributes(pointer, error);
  const chosenId = `${attributes.id}-chosen`;
  // Emptied by the form (after an upload): the input forgets its files too, so the same ones can be chosen again.
  useEffect(() => {
    if (files.length === 0 && input.current?.files?.length) input.current.value = '';
  }, [files.length]);
  return (
    <div class="file-picker">
      <label class="file-picker-label">
        {label}
        <input
          {...attributes}
          ref={input}
          class="visually-hidden"
          type="file"
          accept={accept}
          multiple={multiple}
          aria-describedby={[chosenId, attributes['aria-describedby']].filter(Boolean).join(' ')}
          onChange={(e) => onChange([...(e.currentTarget.files ?? [])])}
        />
        <span class="file-button" aria-hidden="true">
          {t(multiple ? 'chooseFiles' : 'chooseFile')}
        </span>
      </label>
      <span class="file-chosen" id={chosenId} aria-live="polite" data-testid="file-chosen">
        {files.length === 0
          ? t('noFileChosen')
          : t(files.length === 1 ? 'fileChosen' : 'filesChosen', {
              n: files.length,
              names: files.map((f) => f.name).join(', '),
            })}
      </span>
    </div>
  );
}
