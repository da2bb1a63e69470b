import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { describeErrors } from '../../../src/validation/messages';
import { APPLICANT_SCHEMA } from './applicant-schema';
import { t } from './messages';
import type { Applicant, FormSchema } from './types';

/** Messages by JSON Pointer of the field they belong to: `/applicant/idNumber`, `/data/childFullName`, `/documents/0`. */
export type FieldErrors = Record<string, string>;

// The server's options (src/catalogue/forms.ts): every error at once, descriptions as hints.
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction>();

/** Checks the applicant and the procedure's form in the browser, with the server's schema and Vietnamese messages. */
export function validateDossier(formSchema: FormSchema | null, applicant: Applicant, data: Record<string, unknown>): FieldErrors {
  const schema = { type: 'object', properties: { applicant: APPLICANT_SCHEMA, data: formSchema ?? { type: 'object' } } };
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  if (validate({ applicant, data })) return {};
  const errors = firstPerField(describeErrors(validate.errors));
  // The applicant types dd/mm/yyyy; the schema's YYYY-MM-DD would only confuse them.
  for (const [name, field] of Object.entries(formSchema?.properties ?? {})) {
    const pointer = `/data/${name}`;
    if (field.format === 'date' && errors[pointer]?.includes('YYYY-MM-DD')) errors[pointer] = t('dateInvalid');
  }
  return errors;
}

/** One message per field, the first ajv found. */
export function firstPerField(errors: { field: string; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) out[e.field] ??= e.message;
  return out;
}
