import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      config: { action: 'health:read' },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database check',
        response: { 200: Type.Object({ status: Type.Literal('ok'), db: Type.Enum(['sqlite', 'postgres']) }) },
      },
    },
    async () => {
      await app.system.db.knex.raw('select 1');
      return { status: 'ok' as const, db: app.system.db.dialect };
    },
  );
};

export default routes;
