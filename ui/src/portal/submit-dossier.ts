import { ApiError } from '../app/api';
import { clearSession, currentSession } from '../app/session';
import { t } from './messages';
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
 * field name is the document's name. XMLHttpRequest rather than fetch, for the upload's progress.
 */
export function submitDossier(dossier: OnlineDossier, files: FilePart[], onProgress: (fraction: number) => void): Promise<SubmittedDossier> {
  const body = new FormData();
  body.append('dossier', JSON.stringify(dossier));
  for (const part of files) body.append(fieldName(part.document), part.file, part.file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/portal/dossiers');
    const token = currentSession()?.token;
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, 'network', t('networkError')));
    xhr.onload = () => {
      const payload = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) return resolve(payload as SubmittedDossier);
      if (xhr.status === 401) clearSession();
      reject(toApiError(xhr.status, payload));
    };
    xhr.send(body);
  });
}

/** Browsers escape `"` and line breaks in multipart names; keep the document's name readable instead. */
function fieldName(document: string): string {
  return document.replace(/["\r\n]+/g, ' ').trim();
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function toApiError(status: number, payload: unknown): ApiError {
  const p = (payload ?? {}) as { detail?: string; code?: string; errors?: ApiError['errors'] };
  return new ApiError(status, p.code ?? 'error', p.detail ?? t('serverError', { status }), p.errors ?? []);
}
