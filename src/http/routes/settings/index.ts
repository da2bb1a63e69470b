import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problems } from '../../schemas.js';
import { Rules } from './schemas.js';

/** The city's working hours and alert leads (changing them reloads the calendars). */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { calendars, settings } = app.system;

  app.get(
    '/settings',
    {
      config: { action: 'settings:read' },
      schema: {
        tags: ['calendar'],
        summary: 'Working hours and alert leads',
        response: { 200: Rules, ...problems(401, 403) },
      },
    },
    async () => settings.rules,
  );

  app.put(
    '/settings',
    {
      config: { action: 'settings:edit' },
      schema: {
        tags: ['calendar'],
        summary: 'Change working hours and alert leads',
        body: Type.Partial(Rules, { additionalProperties: false }),
        response: { 200: Rules, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const rules = await settings.update(request.body);
      await calendars.reload();
      return rules;
    },
  );
};

export default routes;
