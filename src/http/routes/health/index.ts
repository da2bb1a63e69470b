import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

/** An engine whose every thread has been on one step longer than this does not answer. */
const ENGINE_ANSWER_MS = 2000;

const Health = Type.Object({
  status: Type.Enum(['ok', 'degraded']),
  db: Type.Enum(['sqlite', 'postgres']),
  engine: Type.Enum(['ok', 'unresponsive'], {
    description: `unresponsive when every engine thread has been held by one step for more than ${ENGINE_ANSWER_MS / 1000} s (a step is stopped at ENGINE_STEP_TIMEOUT_MS)`,
  }),
});

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      config: { action: 'health:read' },
      schema: {
        tags: ['system'],
        summary:
          'Liveness: the database answers and the engine takes work; 503 when every engine thread is held by one step',
        response: { 200: Health, 503: Health },
      },
    },
    async (_request, reply) => {
      await app.system.db.knex.raw('select 1');
      const answers = !app.system.engine.stalled(ENGINE_ANSWER_MS);
      const body = {
        status: answers ? ('ok' as const) : ('degraded' as const),
        db: app.system.db.dialect,
        engine: answers ? ('ok' as const) : ('unresponsive' as const),
      };
      return reply.code(answers ? 200 : 503).send(body);
    },
  );
};

export default routes;
