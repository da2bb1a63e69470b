import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problems } from '../../schemas.js';
import { ModellingProcedure } from '../procedures/version-schemas.js';

/** The modeler's workbench: the procedures whose diagrams they may work on. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { versions } = app.system;

  app.get(
    '/modelling/procedures',
    {
      config: { action: 'procedures:versions' },
      schema: {
        tags: ['catalogue'],
        summary:
          'The procedures whose diagrams you may work on (a modeler: those of their department or handled at their level), with their versions',
        response: {
          200: Type.Array(ModellingProcedure),
          ...problems(401, 403),
        },
      },
    },
    async (request) => versions.workbench(request.actor!),
  );
};

export default routes;
