import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problems } from '../../schemas.js';
import { Code } from './params.js';
import { Procedure, ProcedureFields, ProcedureSummary } from './schemas.js';

/** The procedure catalogue: read by anyone, added to and changed by VPUBND. */
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

  app.post(
    '/procedures',
    {
      config: { action: 'procedures:edit' },
      schema: {
        tags: ['catalogue'],
        summary: 'Add a procedure to the catalogue (its diagram comes as versions)',
        body: ProcedureFields,
        response: { 201: Procedure, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        ...(await catalogue.create({
          ...request.body,
          timeLimitCases: request.body.timeLimitCases ?? [],
          boundaryFreeFrom: request.body.boundaryFreeFrom ?? null,
          formSchema: request.body.formSchema ?? null,
        })),
        version: null,
      }),
  );

  app.patch(
    '/procedures/:code',
    {
      config: { action: 'procedures:edit' },
      schema: {
        tags: ['catalogue'],
        summary: 'Change a procedure’s metadata',
        params: Code,
        body: Type.Partial(Type.Omit(ProcedureFields, ['code'])),
        response: { 200: Procedure, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const procedure = await catalogue.update(request.params.code, request.body);
      return { ...procedure, version: await catalogue.versionInForceOrNull(procedure.code, app.system.clock()) };
    },
  );
};

export default routes;
