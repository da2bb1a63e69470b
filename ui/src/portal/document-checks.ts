import type { FieldErrors } from '../app/forms/field-error';
import type { ChosenFiles } from './document-inputs';
import { fileProblem } from './file-checks';
import { t } from './messages';
import type { ProcedureDocument } from './types';

/** A missing required document, a refused kind of file, a file too big: one message per document input. */
export async function checkDocuments(documents: ProcedureDocument[], files: ChosenFiles): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  for (const [i, d] of documents.entries()) {
    const chosen = files.documents[i] ?? [];
    const problem = await firstProblem(chosen);
    if (problem) errors[`/documents/${i}`] = problem;
    else if (chosen.length === 0 && d.required) errors[`/documents/${i}`] = t('documentMissing');
  }
  const extra = await firstProblem(files.extras);
  if (extra) errors['/extras'] = extra;
  return errors;
}

async function firstProblem(files: File[]): Promise<string | null> {
  for (const file of files) {
    const problem = await fileProblem(file);
    if (problem) return problem;
  }
  return null;
}
