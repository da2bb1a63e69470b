import { Ajv } from 'ajv';
import { BadRequest } from '../errors.js';
import { describeErrors } from '../validation/messages.js';
import { clean } from './export-file.js';

/**
 * How the old application's words become ours: its procedure names or codes → our procedure codes, its statuses →
 * national status codes 1–10, and per (our) procedure its step names → activity ids of the published BPMN.
 */
export interface LegacyMapping {
  procedures: Record<string, string>;
  statuses: Record<string, number>;
  steps: Record<string, Record<string, string>>;
}

const TEXT = { type: 'string', minLength: 1, maxLength: 500 } as const;

const SCHEMA = {
  type: 'object',
  required: ['procedures', 'statuses'],
  additionalProperties: false,
  properties: {
    description: { type: 'string' },
    procedures: { type: 'object', additionalProperties: { type: 'string', minLength: 1, maxLength: 32 } },
    statuses: { type: 'object', additionalProperties: { type: 'integer', minimum: 1, maximum: 10 } },
    steps: { type: 'object', additionalProperties: { type: 'object', additionalProperties: TEXT } },
  },
} as const;

const validate = new Ajv({ allErrors: true, strict: false }).compile(SCHEMA);

/** Checks a mapping (the parsed JSON of the mapping file) and keys it for lookup; a 400 lists every field in error. */
export function readMapping(value: unknown): LegacyMapping {
  if (!validate(value)) {
    throw new BadRequest('invalid-mapping', 'Bảng ánh xạ không hợp lệ.', {
      errors: describeErrors(validate.errors, '/mapping'),
    });
  }
  const mapping = value as Partial<LegacyMapping>;
  const steps = Object.fromEntries(
    Object.entries(mapping.steps ?? {}).map(([procedure, map]) => [clean(procedure), keyed(map)]),
  );
  return { procedures: keyed(mapping.procedures ?? {}), statuses: keyed(mapping.statuses ?? {}), steps };
}

/** The mapped value of an old word: compared trimmed, in composed Unicode, without regard to case or repeated spaces. */
export function lookUp<T>(map: Record<string, T>, word: string): T | undefined {
  return Object.hasOwn(map, lookupKey(word)) ? map[lookupKey(word)] : undefined;
}

function keyed<T>(map: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(map).map(([word, value]) => [lookupKey(word), value]));
}

const lookupKey = (word: string) => clean(word).replace(/\s+/g, ' ').toLocaleLowerCase('vi');
