import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problems } from '../../schemas.js';
import { Role, User } from './schemas.js';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/users',
    {
      config: { action: 'users:create' },
      schema: {
        tags: ['users'],
        summary: 'Create a user (admin)',
        body: Type.Object(
          {
            username: Type.String({
              pattern: '^[A-Za-z0-9._-]{3,64}$',
              maxLength: 64,
              description: '3–64 chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới',
            }),
            password: Type.String({ minLength: 8, maxLength: 200 }),
            fullName: Type.String({ minLength: 1, maxLength: 200 }),
            unitCode: Type.Optional(Type.Union([Type.String({ maxLength: 16 }), Type.Null()])),
            roles: Type.Array(Role, { minItems: 1, maxItems: 7, uniqueItems: true }),
          },
          { additionalProperties: false },
        ),
        response: { 201: User, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await app.system.users.create(request.body)),
  );

  app.get(
    '/users/me',
    {
      config: { action: 'users:me' },
      schema: { tags: ['users'], summary: 'The logged-in user', response: { 200: User, ...problems(401) } },
    },
    async (request) => request.actor!,
  );
};

export default routes;
