import type { FieldErrors } from '../app/forms/field-error';
import { DocumentInput } from './document-input';
import { MAX_FILE_BYTES, megabytes } from './file-checks';
import { t } from './messages';
import type { ProcedureDocument } from './types';

/** Files chosen per document of the procedure (by index), and the extra files the applicant adds. */
export interface ChosenFiles {
  documents: File[][];
  extras: File[];
}

/** The pointers of the inputs whose files differ between two choices: `/documents/1`, `/extras`. */
export function changedDocuments(before: ChosenFiles, after: ChosenFiles): string[] {
  const documents = after.documents.flatMap((chosen, i) => (chosen === before.documents[i] ? [] : [`/documents/${i}`]));
  return after.extras === before.extras ? documents : [...documents, '/extras'];
}

/** One file input per document of the procedure, then one for anything else the applicant wants to add. */
export function DocumentInputs({
  documents,
  files,
  errors,
  onChange,
}: {
  documents: ProcedureDocument[];
  files: ChosenFiles;
  errors: FieldErrors;
  onChange: (files: ChosenFiles) => void;
}) {
  return (
    <div class="document-inputs">
      <p class="muted">{t('fileRules', { limit: megabytes(MAX_FILE_BYTES) })}</p>
      {documents.map((d, i) => (
        <DocumentInput
          key={i}
          pointer={`/documents/${i}`}
          label={d.name}
          quantity={d.quantity}
          required={d.required}
          files={files.documents[i] ?? []}
          error={errors[`/documents/${i}`]}
          onChange={(chosen) =>
            onChange({ ...files, documents: files.documents.map((old, j) => (j === i ? chosen : old)) })
          }
        />
      ))}
      <DocumentInput
        pointer="/extras"
        label={t('extraFiles')}
        required={false}
        multiple
        files={files.extras}
        error={errors['/extras']}
        onChange={(extras) => onChange({ ...files, extras })}
      />
    </div>
  );
}
