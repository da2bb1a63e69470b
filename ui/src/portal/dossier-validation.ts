import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { describeErrors } from '../../../src/validation/messages';
import type { FieldErrors } from '../app/forms/field-error';
import type { FormSchema } from '../app/forms/form-schema';
import { APPLICANT_SCHEMA } from './applicant-schema';
import type { Applicant } from './types';

// The server's options (src/catalogue/forms.ts): every error at once, descriptions as hints.
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction>();

/** Checks the applicant and the procedure's form in the browser, with the server's schema and Vietnamese messages. */
export function validateDossier(
  formSchema: FormSchema | null,
  applicant: Applicant,
  data: Record<string, unknown>,
): FieldErrors {
  const schema = {
    type: 'object',
    properties: { applicant: APPLICANT_SCHEMA, data: formSchema ?? { type: 'object' } },
  };
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  return validate({ applicant, data }) ? {} : firstPerField(describeErrors(validate.errors));
}

/** One message per field, the first ajv found. */
export function firstPerField(errors: { field: string; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) out[e.field] ??= e.message;
  return out;
}
