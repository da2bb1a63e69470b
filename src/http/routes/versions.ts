import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ProcedureSummary, problems, Version } from '../schemas.js';

const VersionBrief = Type.Omit(Version, ['findings']);

/** Lists across procedures for the people who model and publish diagrams. */
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
          200: Type.Array(Type.Object({ ...ProcedureSummary.properties, versions: Type.Array(VersionBrief) })),
          ...problems(401, 403),
        },
      },
    },
    async (request) => versions.workbench(request.actor!),
  );

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
          200: Type.Array(
            Type.Object({ procedureCode: Type.String(), procedureName: Type.String(), ...Version.properties }),
          ),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => versions.withStatus(request.actor!, request.query.status),
  );
};

export default routes;
