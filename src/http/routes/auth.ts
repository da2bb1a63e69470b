import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Unauthorized } from '../../errors.js';
import { problems, User } from '../schemas.js';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/auth/login',
    {
      config: {
        action: 'auth:login',
        // Guessing passwords: 10 attempts per 5 minutes for one account from one address.
        rateLimit: { max: 10, timeWindow: '5 minutes', keyGenerator: (request) => `${request.ip}|${loginName(request.body)}` },
      },
      schema: {
        tags: ['auth'],
        summary: 'Log in; returns a bearer token',
        body: Type.Object(
          { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ token: Type.String(), expiresAt: Type.String({ format: 'date-time' }), user: User }),
          ...problems(400, 401, 429),
        },
      },
    },
    async (request) => {
      const user = await app.system.users.authenticate(request.body.username, request.body.password);
      if (!user) throw new Unauthorized('Tên đăng nhập hoặc mật khẩu không đúng.');
      const token = app.jwt.sign({ sub: String(user.id) });
      const { exp } = app.jwt.decode<{ exp: number }>(token)!;
      return { token, expiresAt: new Date(exp * 1000).toISOString(), user };
    },
  );
};

function loginName(body: unknown): string {
  return String((body as { username?: unknown } | undefined)?.username ?? '').trim().toLowerCase();
}

export default routes;
