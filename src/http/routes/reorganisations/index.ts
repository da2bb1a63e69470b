import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problems } from '../../schemas.js';

const RetiringUnit = Type.Object({
  code: Type.String(),
  name: Type.String(),
  successors: Type.Array(Type.String(), { description: 'Every unit that takes over part of it' }),
  primary: Type.String({ description: 'The unit that takes its dossiers, open tasks and staff' }),
  rule: Type.Enum(
    ['marked', 'only', 'whole-population', 'same-name', 'first-listed', 'most-units', 'inferred-from-parent'],
    {
      description: 'How the primary successor was chosen (README "Unit reorganisations")',
    },
  ),
});

const Report = Type.Object({
  id: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Null for a dry run of a reorganisation not loaded yet',
  }),
  name: Type.String(),
  effectiveDate: Type.String({ format: 'date', maxLength: 10 }),
  status: Type.Enum(['dry-run', 'scheduled', 'units-applied', 'applied']),
  created: Type.Integer({ minimum: 0, description: 'Units with a new code' }),
  continuing: Type.Array(Type.Object({ code: Type.String(), before: Type.String(), after: Type.String() }), {
    description: 'Units that keep their code under a new name',
  }),
  retiring: Type.Array(RetiringUnit),
  dossiers: Type.Integer({
    minimum: 0,
    description: 'Unfinished dossiers at retiring units, still to hand over (0 once applied)',
  }),
  staff: Type.Integer({ minimum: 0, description: 'Staff of retiring units, still to move (0 once applied)' }),
});

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { reorganisations } = app.system;

  app.post(
    '/reorganisations',
    {
      config: { action: 'units:reorganise' },
      schema: {
        tags: ['units'],
        summary:
          'Load a unit reorganisation (merges, splits, abolished levels) from CSV; a dry run unless dryRun is false',
        description:
          'Loading records the plan; retiring units stop receiving on the effective date. On that date (at once if it has come) continuing units take their new names, every unfinished dossier at a retiring unit is handed over to its successor (audit event and control-slip line) and staff move. Loading the same files again resumes an interrupted run.',
        body: Type.Object(
          {
            name: Type.String({
              minLength: 1,
              maxLength: 300,
              description: 'e.g. the resolution: Nghị quyết 1656/NQ-UBTVQH15',
            }),
            effectiveDate: Type.String({ format: 'date', maxLength: 10 }),
            unitsCsv: Type.String({
              minLength: 1,
              maxLength: 2_000_000,
              description: 'CSV with columns code,name,kind: the units in force from the date',
            }),
            mergesCsv: Type.String({
              minLength: 1,
              maxLength: 4_000_000,
              description:
                'CSV with columns new_code,old_code,merge_type (full|partial), optional merge_note and primary (yes)',
            }),
            abolishLevels: Type.Array(Type.String({ maxLength: 16 }), {
              maxItems: 10,
              default: [],
              description: 'Unit levels abolished on the date, e.g. ["huyen"]',
            }),
            complete: Type.Boolean({
              default: false,
              description: 'The units file lists every unit of its levels: the others retire',
            }),
            dryRun: Type.Boolean({ default: true }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Report, ...problems(400, 401, 403, 422) },
      },
    },
    async (request) => reorganisations.load(request.actor!.id, request.body),
  );

  app.get(
    '/reorganisations',
    {
      config: { action: 'units:reorganise' },
      schema: {
        tags: ['units'],
        summary: 'Reorganisations loaded so far, with their status',
        response: { 200: Type.Array(Report), ...problems(401, 403) },
      },
    },
    async () => reorganisations.list(),
  );
};

export default routes;
