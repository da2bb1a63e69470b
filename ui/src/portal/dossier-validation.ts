import { api } from '../app/api';
import type { FieldErrors } from '../app/forms/field-error';
import type { Applicant } from './types';

/**
 * Checks the applicant and the procedure's form with the server, which validates exactly as the submission will
 * (POST /api/portal/dossiers/check: nothing is stored). The browser compiles no schema: the page's Content-Security-Policy
 * lets no code be generated at run time, and one validator serves both.
 */
export async function validateDossier(
  procedureCode: string,
  applicant: Applicant,
  data: Record<string, unknown>,
): Promise<FieldErrors> {
  const { errors } = await api<{ errors: { field: string; message: string }[] }>('/portal/dossiers/check', {
    body: { json: { procedureCode, applicant, data } },
  });
  return firstPerField(errors);
}

/** One message per field, the first the server found. */
export function firstPerField(errors: { field: string; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) out[e.field] ??= e.message;
  return out;
}
