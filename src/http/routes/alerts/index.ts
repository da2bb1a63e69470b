import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Id, problems } from '../../schemas.js';
import { Alert } from './schemas.js';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { alerts } = app.system;

  app.get(
    '/alerts',
    {
      config: { action: 'alerts:read' },
      schema: {
        tags: ['alerts'],
        summary:
          'Late-risk, overdue, reminder and escalation alerts for the caller’s unit and roles, unacknowledged first',
        querystring: Type.Object(
          { all: Type.Boolean({ default: false, description: 'Include acknowledged alerts' }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(Alert), ...problems(400, 401, 403) },
      },
    },
    async (request) => alerts.forActor(request.actor!, request.query.all),
  );

  app.post(
    '/alerts/:id/acknowledge',
    {
      config: { action: 'alerts:read' },
      schema: {
        tags: ['alerts'],
        summary: 'Mark an alert as seen',
        params: Type.Object({ id: Id }),
        response: { 200: Alert, ...problems(401, 403, 404) },
      },
    },
    async (request) => alerts.acknowledge(request.actor!, request.params.id),
  );
};

export default routes;
