import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problems } from '../../schemas.js';
import { HeatmapEntry } from './version-schemas.js';

/** Where the dossiers of a process version spend their time. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { audit } = app.system;

  app.get(
    '/procedures/:code/versions/:v/heatmap',
    {
      config: { action: 'procedures:heatmap' },
      schema: {
        tags: ['audit'],
        summary: 'Per activity of a process version: dossiers passed, median and p90 working time, late tasks',
        params: Type.Object({ code: Type.String({ maxLength: 32 }), v: Type.Integer({ minimum: 1, maximum: 100000 }) }),
        response: { 200: Type.Array(HeatmapEntry), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => audit.heatmap(request.params.code, request.params.v),
  );
};

export default routes;
