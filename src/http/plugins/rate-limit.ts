import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { DomainError } from '../../errors.js';

/** Rate limits for the routes that ask for one (login), counted per node in memory. */
export default fp(
  async function limits(app: FastifyInstance) {
    await app.register(rateLimit, {
      global: false,
      hook: 'preHandler',
      errorResponseBuilder: (_request, context) =>
        new DomainError(
          429,
          'too-many-attempts',
          `Thử quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(context.ttl / 1000)} giây.`,
        ),
    });
  },
  { name: 'rate-limit' },
);
