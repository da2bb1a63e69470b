import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { audienceMessage, mayAttempt } from '../../auth/policy.js';
import type { User } from '../../auth/users.js';
import { tokenSecret } from '../../auth/secret.js';
import { Forbidden, Unauthorized } from '../../errors.js';

export interface AuthenticationOptions {
  jwtSecret: string;
  tokenTtl: string;
}

/**
 * Bearer tokens and the one authorization hook: before anything else runs, each request is matched to its
 * user and the route's policy action is checked. A route under /api without an action fails at start-up.
 */
export default fp(
  async function authentication(app: FastifyInstance, options: AuthenticationOptions) {
    const secret = await tokenSecret(app.system.db.knex, options.jwtSecret);
    await app.register(fastifyJwt, { secret, sign: { expiresIn: options.tokenTtl } });

    app.decorateRequest('actor', null);

    app.addHook('onRoute', (route) => {
      if (route.url.startsWith('/api') && !route.config?.action) {
        throw new Error(`${route.method} ${route.url} declares no policy action (route config "action")`);
      }
    });

    app.addHook('onRequest', async (request) => {
      const action = request.routeOptions.config.action;
      if (!action) return;
      request.actor = await actorOf(app, request);
      if (!mayAttempt(request.actor, action))
        throw request.actor ? new Forbidden(audienceMessage(action)) : new Unauthorized();
    });
  },
  { name: 'authentication' },
);

async function actorOf(app: FastifyInstance, request: FastifyRequest): Promise<User | null> {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new Unauthorized('Tiêu đề Authorization phải có dạng "Bearer <mã truy cập>".');
  let subject: string;
  try {
    subject = app.jwt.verify<{ sub: string }>(match[1]!).sub;
  } catch {
    throw new Unauthorized('Mã truy cập không hợp lệ hoặc đã hết hạn, vui lòng đăng nhập lại.');
  }
  const user = await app.system.users.byId(Number(subject));
  if (!user || user.disabled) throw new Unauthorized('Tài khoản không còn hoạt động.');
  return user;
}
