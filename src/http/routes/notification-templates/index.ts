import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problems } from '../../schemas.js';
import { TemplateKind, TemplateText, TemplateView } from './schemas.js';

const Kind = Type.Object({ kind: TemplateKind });

/** The texts of the messages to applicants, which the administrator edits (placeholders such as {code}, {reason}). */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { templates } = app.system;

  app.get(
    '/notification-templates',
    {
      config: { action: 'notifications:templates' },
      schema: {
        tags: ['notifications'],
        summary: 'The templates of the messages to applicants, with their placeholders and shipped texts',
        response: { 200: Type.Array(TemplateView), ...problems(401, 403) },
      },
    },
    async () => templates.list(),
  );

  app.put(
    '/notification-templates/:kind',
    {
      config: { action: 'notifications:templates' },
      schema: {
        tags: ['notifications'],
        summary: 'Change a message’s template (400 unknown-placeholder for a placeholder the message does not have)',
        params: Kind,
        body: TemplateText,
        response: { 200: TemplateView, ...problems(400, 401, 403) },
      },
    },
    async (request) => templates.update(request.params.kind, request.body),
  );

  app.delete(
    '/notification-templates/:kind',
    {
      config: { action: 'notifications:templates' },
      schema: {
        tags: ['notifications'],
        summary: 'Return a message to its shipped text',
        params: Kind,
        response: { 200: TemplateView, ...problems(400, 401, 403) },
      },
    },
    async (request) => templates.reset(request.params.kind),
  );
};

export default routes;
