import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { NotFound } from '../../errors.js';
import { problems, Unit } from '../schemas.js';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/units',
    {
      config: { action: 'units:read' },
      schema: {
        tags: ['units'],
        summary: 'Units (city, districts, communes, departments), filtered by level and parent',
        querystring: Type.Object(
          {
            level: Type.Optional(Type.String({ maxLength: 16, description: 'tinh, huyen or xa' })),
            parentCode: Type.Optional(Type.String({ maxLength: 16 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(Unit), ...problems(400) },
      },
    },
    async (request) => app.system.units.list(request.query),
  );

  app.get(
    '/units/:code',
    {
      config: { action: 'units:read' },
      schema: {
        tags: ['units'],
        summary: 'One unit',
        params: Type.Object({ code: Type.String({ maxLength: 16 }) }),
        response: { 200: Unit, ...problems(404) },
      },
    },
    async (request) => {
      const unit = app.system.units.get(request.params.code);
      if (!unit) throw new NotFound('unknown-unit', `Không có đơn vị mã "${request.params.code}".`);
      return unit;
    },
  );
};

export default routes;
