import { Type } from 'typebox';
import { FreeObject, Instant, Nullable } from '../../schemas.js';

const TimeLimitCase = Type.Object(
  {
    field: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'A property of the application form (formSchema)',
    }),
    equals: Type.String({ minLength: 1, maxLength: 500, description: 'The answer that makes the case' }),
    hours: Type.Number({ exclusiveMinimum: 0, maximum: 8760, description: 'Working hours (8 per working day)' }),
    text: Type.String({ minLength: 1, maxLength: 1000, description: 'The law’s words for the case' }),
  },
  { additionalProperties: false },
);

const TimeLimitCases = Type.Array(TimeLimitCase, {
  maxItems: 20,
  description:
    'Limits the law sets for cases of the procedure, told apart by an answer of the form; the first that matches a dossier applies, otherwise timeLimitHours',
});

export const ProcedureSummary = Type.Object({
  code: Type.String({ description: 'National procedure code, e.g. 1.001193' }),
  name: Type.String(),
  field: Type.String(),
  levels: Type.Array(Type.String()),
  departmentCode: Nullable(Type.String()),
  ownerCode: Nullable(Type.String()),
  timeLimitHours: Nullable(Type.Number({ description: 'Legal time limit in working hours (8 per working day)' })),
  timeLimitCases: TimeLimitCases,
  sameDay: Type.Boolean({ description: 'Due at the end of the working day on which counting starts' }),
  cutoffTime: Nullable(
    Type.String({ description: 'Received at or after this time (HH:MM), counting starts the next working day' }),
  ),
  timeLimitText: Nullable(Type.String()),
  onlineLevel: Nullable(Type.String()),
  boundaryFreeFrom: Nullable(
    Type.String({
      description:
        'Local day (YYYY-MM-DD) from which any branch of the service centre or any ward/commune desk may receive it for the competent unit (receipt regardless of administrative boundary); null: only the competent unit receives it',
    }),
  ),
  status: Type.Enum(['active', 'abolished']),
  validTo: Nullable(Type.String({ description: 'Abolished from this instant' })),
});

const Document = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 2000 }),
    quantity: Type.Optional(Type.String({ maxLength: 200 })),
    required: Type.Optional(
      Type.Boolean({
        description: 'Whether an online applicant must attach it; when absent, read from the quantity and the wording',
      }),
    ),
  },
  { additionalProperties: true },
);

/** What VPUBND sets of a procedure. */
export const ProcedureFields = Type.Object(
  {
    code: Type.String({
      pattern: '^[0-9A-Za-z.]{1,32}$',
      maxLength: 32,
      description: 'National code, e.g. 1.001193 (local variants add a suffix)',
    }),
    name: Type.String({ minLength: 1, maxLength: 500 }),
    field: Type.String({ minLength: 1, maxLength: 200 }),
    levels: Type.Array(Type.Enum(['tinh', 'huyen', 'xa']), { minItems: 1, maxItems: 3, uniqueItems: true }),
    departmentCode: Nullable(
      Type.String({ maxLength: 16, description: 'The department that receives it, for city-level procedures' }),
    ),
    ownerCode: Nullable(
      Type.String({ maxLength: 16, description: 'The department that owns its process and models it' }),
    ),
    agency: Nullable(Type.String({ maxLength: 1000 })),
    timeLimitHours: Nullable(Type.Number({ exclusiveMinimum: 0, maximum: 8760 })),
    timeLimitCases: Type.Optional(TimeLimitCases),
    sameDay: Type.Boolean(),
    cutoffTime: Nullable(Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', maxLength: 5 })),
    timeLimitText: Nullable(Type.String({ maxLength: 4000 })),
    fee: Nullable(Type.String({ maxLength: 4000 })),
    onlineLevel: Nullable(Type.Enum(['toan_trinh', 'mot_phan'])),
    boundaryFreeFrom: Type.Optional(
      Nullable(
        Type.String({
          format: 'date',
          maxLength: 10,
          description:
            'Receipt regardless of administrative boundary from this local day (YYYY-MM-DD); null or absent: not opened',
        }),
      ),
    ),
    documents: Type.Array(Document, { maxItems: 100 }),
    formSchema: Type.Optional(Nullable(FreeObject)),
  },
  { additionalProperties: false },
);

export const Procedure = Type.Object({
  ...ProcedureSummary.properties,
  agency: Nullable(Type.String()),
  fee: Nullable(Type.String()),
  documents: Type.Array(
    Type.Object(
      {
        name: Type.String(),
        quantity: Type.Optional(Type.String()),
        required: Type.Boolean({ description: 'An online submission without it is refused (422)' }),
      },
      { additionalProperties: true },
    ),
  ),
  formSchema: Nullable(FreeObject),
  version: Nullable(
    Type.Object({
      number: Type.Integer(),
      sha256: Type.String(),
      processId: Type.String(),
      validFrom: Nullable(Instant),
      publishedAt: Nullable(Instant),
    }),
    'The published version new dossiers bind to now; null before the first publication or after abolition',
  ),
});
