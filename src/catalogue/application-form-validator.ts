import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { BadRequest } from '../errors.js';
import { describeErrors, type FieldError } from '../validation/messages.js';
import type { Procedure } from './catalogue.js';

const addFormats = addFormatsModule.default;

/** Checks a dossier's form data against its procedure's JSON Schema (the same schema the portal renders). */
export class FormValidator {
  private readonly ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    addFormats(this.ajv);
  }

  /** Throws a 400 listing every field in error; a procedure without a schema accepts any object. */
  assertValid(procedure: Procedure, data: unknown): void {
    const errors = this.errorsOf(procedure, data);
    if (errors.length) throw new BadRequest('invalid-form', 'Thông tin trong tờ khai chưa hợp lệ.', { errors });
  }

  /** Every field of the form in error (`/data/…`), with its Vietnamese message; none for a procedure without a schema. */
  errorsOf(procedure: Procedure, data: unknown): FieldError[] {
    if (!procedure.formSchema) return [];
    const key = `${procedure.code}:${JSON.stringify(procedure.formSchema)}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(procedure.formSchema);
      this.compiled.set(key, validate);
    }
    return validate(data) ? [] : describeErrors(validate.errors, '/data');
  }
}
