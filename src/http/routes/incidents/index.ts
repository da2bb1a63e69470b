import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { NotFound } from '../../../errors.js';
import { incidentScope } from '../../../incidents/scope.js';
import { Id, problems } from '../../schemas.js';
import { Incident } from './schemas.js';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { incidents, catalogue } = app.system;

  app.get(
    '/incidents',
    {
      config: { action: 'incidents:read' },
      schema: {
        tags: ['incidents'],
        summary:
          'Steps stopped and versions blocked that the caller may see (VPUBND, auditors: all; modelers: their procedures; staff: their unit’s dossiers), open first',
        querystring: Type.Object(
          { open: Type.Boolean({ default: false, description: 'Only those not yet dealt with' }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(Incident), ...problems(400, 401, 403) },
      },
    },
    async (request) =>
      incidents.list(incidentScope(request.actor!, await catalogue.list()), { open: request.query.open }),
  );

  app.post(
    '/incidents/:id/resolve',
    {
      config: { action: 'incidents:resolve' },
      schema: {
        tags: ['incidents'],
        summary:
          'Mark an incident dealt with (a blocked version is released only when it passes the safety rules again)',
        params: Type.Object({ id: Id }),
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      if (!(await incidents.resolve(request.params.id)))
        throw new NotFound(
          'unknown-incident',
          `Không có sự cố số ${request.params.id} đang mở (một phiên bản bị chặn chỉ được gỡ khi đạt lại quy tắc an toàn).`,
        );
      return reply.code(204).send(null);
    },
  );
};

export default routes;
