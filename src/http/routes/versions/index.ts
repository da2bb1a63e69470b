import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problems } from '../../schemas.js';
import { VersionOfProcedure } from '../procedures/version-schemas.js';

/** Versions across procedures in one status, for the people who publish diagrams. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { versions } = app.system;

  app.get(
    '/versions',
    {
      config: { action: 'procedures:versions' },
      schema: {
        tags: ['catalogue'],
        summary: 'Versions in one status across the procedures you may see, e.g. ?status=submitted: what awaits VPUBND',
        querystring: Type.Object(
          { status: Type.Enum(['draft', 'submitted', 'published', 'retired']) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Array(VersionOfProcedure),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => versions.withStatus(request.actor!, request.query.status),
  );
};

export default routes;
