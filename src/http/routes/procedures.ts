import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Procedure, ProcedureSummary, problems } from '../schemas.js';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { catalogue } = app.system;

  app.get(
    '/procedures',
    {
      config: { action: 'procedures:read' },
      schema: {
        tags: ['procedures'],
        summary: 'The procedure catalogue',
        response: { 200: Type.Array(ProcedureSummary) },
      },
    },
    async () => catalogue.list(),
  );

  app.get(
    '/procedures/:code',
    {
      config: { action: 'procedures:read' },
      schema: {
        tags: ['procedures'],
        summary: 'A procedure with its documents, fee, form schema and the version in force',
        params: Type.Object({ code: Type.String({ maxLength: 32 }) }),
        response: { 200: Procedure, ...problems(404) },
      },
    },
    async (request) => {
      const procedure = await catalogue.get(request.params.code);
      return { ...procedure, version: await catalogue.versionInForceOrNull(procedure.code, app.system.clock()) };
    },
  );
};

export default routes;
