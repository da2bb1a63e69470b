import { upload } from '../app/api';
import type { Applicant, SubmittedDossier } from './types';

export interface OnlineDossier {
  procedureCode: string;
  unitCode: string;
  applicant: Applicant;
  data: Record<string, unknown>;
}

/** A file and the multipart field naming the document it is. */
export interface FilePart {
  document: string;
  file: File;
}

/**
 * POST /api/portal/dossiers as multipart/form-data: the field `dossier` (JSON) first, then one part per file whose
 * field name is the document's name; `onProgress` follows the upload.
 */
export function submitDossier(
  dossier: OnlineDossier,
  files: FilePart[],
  onProgress: (fraction: number) => void,
): Promise<SubmittedDossier> {
  const body = new FormData();
  body.append('dossier', JSON.stringify(dossier));
  for (const part of files) body.append(fieldName(part.document), part.file, part.file.name);
  return upload<SubmittedDossier>('/portal/dossiers', body, onProgress);
}

/** Browsers escape `"` and line breaks in multipart names; keep the document's name readable instead. */
function fieldName(document: string): string {
  return document.replace(/["\r\n]+/g, ' ').trim();
}
