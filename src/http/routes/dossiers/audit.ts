import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { FreeObject, problems } from '../../schemas.js';
import { Replay, TimelineEntry, Verification } from './audit-schemas.js';
import { DossierParams } from './params.js';

/** A dossier's history, the verification of its event log, its replay and its audit bundle. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { audit } = app.system;

  app.get(
    '/dossiers/:code/history',
    {
      config: { action: 'dossiers:read' },
      schema: {
        tags: ['audit'],
        summary: 'The dossier’s history, one Vietnamese sentence per event',
        params: DossierParams,
        querystring: Type.Object(
          {
            detail: Type.Boolean({
              default: false,
              description: 'Include every engine event (nodes entered, flows taken)',
            }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(TimelineEntry), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => audit.history(request.actor!, request.params.code, request.query),
  );

  app.get(
    '/dossiers/:code/audit/verify',
    {
      config: { action: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'Verify the hash chain of the dossier’s event log',
        params: DossierParams,
        response: { 200: Verification, ...problems(401, 403, 404) },
      },
    },
    async (request) => audit.verify(request.params.code),
  );

  app.get(
    '/dossiers/:code/replay',
    {
      config: { action: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary:
          'Re-execute the dossier’s process from its record and compare; ?at=<seq> gives the state at that event',
        params: DossierParams,
        querystring: Type.Object(
          { at: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })) },
          { additionalProperties: false },
        ),
        response: { 200: Replay, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => audit.replay(request.params.code, { at: request.query.at }),
  );

  app.get(
    '/dossiers/:code/audit/bundle',
    {
      config: { action: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'The dossier’s events, BPMN and verification in one JSON file, re-verifiable with the documented rule',
        params: DossierParams,
        response: { 200: FreeObject, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const bundle = await audit.bundle(request.params.code);
      const filename = `${bundle.dossier.code.replace(/[^\w.-]/g, '_')}-audit.json`;
      return reply
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(bundle as unknown as Record<string, unknown>);
    },
  );
};

export default routes;
