import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { GROUPINGS, onTimeCsv } from '../../../reports/on-time.js';
import { authorize, seesAllReports, type Actor } from '../../../auth/policy.js';
import { problems } from '../../schemas.js';

const Count = Type.Integer({ minimum: 0 });

const OnTimeRow = Type.Object({
  key: Type.String({ description: 'Unit code, level code, procedure code or YYYY-MM' }),
  label: Type.String(),
  received: Type.Integer({ minimum: 0, description: 'Received at this desk (for itself or for a competent unit)' }),
  handled: Type.Integer({
    minimum: 0,
    description:
      'Within this unit’s competence, wherever received: the dossiers whose outcome (resolved, on time, late, in progress, paused, withdrawn) counts here (a reorganisation’s hand-over does not move it; rollUp does)',
  }),
  resolved: Count,
  onTime: Type.Integer({ minimum: 0, description: 'Resolved by the legal due time; includes early' }),
  early: Type.Integer({ minimum: 0, description: 'Resolved before the due day' }),
  late: Count,
  inProgress: Type.Integer({ minimum: 0, description: 'handled − resolved − paused − withdrawn' }),
  paused: Type.Integer({ minimum: 0, description: 'Statuses 5, 6, 8' }),
  withdrawn: Count,
  refused: Type.Integer({ minimum: 0, description: 'Not received (status 3); not counted in received' }),
  onTimeRate: Type.Union([Type.Number(), Type.Null()], { description: 'onTime / resolved' }),
  lateAttributed: Type.Optional(
    Type.Integer({
      minimum: 0,
      description: 'groupBy=unit: late dossiers attributed to this unit (the unit holding them at their due time)',
    }),
  ),
});

const Day = Type.String({ format: 'date', maxLength: 10, description: 'Local day, YYYY-MM-DD' });

/**
 * The filter as the actor may run it: a leader's report is about their own unit (named, or implied when the request
 * names none); another unit is 403. VPUBND, auditors and administrators run it as asked.
 */
function scoped<F extends { unitCode?: string | undefined }>(actor: Actor, filter: F): F {
  const unitCode = filter.unitCode ?? (seesAllReports(actor) ? undefined : (actor.unitCode ?? ''));
  authorize(actor, 'reports:read', { unitCode: unitCode ?? null });
  return { ...filter, unitCode };
}

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { reports } = app.system;

  app.get(
    '/reports/on-time',
    {
      config: { action: 'reports:read' },
      schema: {
        tags: ['reports'],
        summary:
          'On-time report over the dossiers received in a period; JSON, or CSV with Accept: text/csv or format=csv. A leader gets their own unit only (unitCode defaults to it; another is 403); VPUBND (publisher), auditors and administrators any unit',
        querystring: Type.Object(
          {
            from: Day,
            to: Day,
            level: Type.Optional(Type.String({ maxLength: 16 })),
            unitCode: Type.Optional(Type.String({ maxLength: 16 })),
            procedureCode: Type.Optional(Type.String({ maxLength: 32 })),
            groupBy: Type.Enum([...GROUPINGS], { default: 'unit' }),
            rollUp: Type.Optional(
              Type.Boolean({
                description:
                  'Count the dossiers of units retired by a reorganisation under the units that succeeded them (unit groups and the unitCode filter); without it, past periods show the units of their time',
              }),
            ),
            format: Type.Optional(Type.Enum(['json', 'csv'])),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(OnTimeRow), ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { format, ...asked } = request.query;
      const filter = scoped(request.actor!, asked);
      const rows = await reports.onTime.run(filter);
      if (format === 'csv' || (format === undefined && request.headers.accept?.includes('text/csv'))) {
        const name = `dung-han_${filter.from}_${filter.to}_${filter.groupBy}.csv`;
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(onTimeCsv(rows, filter.groupBy) as never);
      }
      return rows;
    },
  );

  app.get(
    '/reports/digitisation',
    {
      config: { action: 'reports:read' },
      schema: {
        tags: ['reports'],
        summary:
          'The digitisation rate per receiving desk over the dossiers received in a period: received (not refused), digitised (every document received has its scan checked; online submissions are), rate. A leader gets their own unit only, as for the on-time report',
        querystring: Type.Object(
          { from: Day, to: Day, unitCode: Type.Optional(Type.String({ maxLength: 16 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Array(
            Type.Object({
              unitCode: Type.String(),
              unitName: Type.String(),
              received: Count,
              digitised: Count,
              rate: Type.Union([Type.Number(), Type.Null()], { description: 'digitised / received' }),
            }),
          ),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => reports.digitisation.run(scoped(request.actor!, request.query)),
  );
};

export default routes;
