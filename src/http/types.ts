import type { Action } from '../auth/policy.js';
import type { User } from '../auth/users.js';
import type { System } from '../system.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The policy action the route performs; every route under /api must name one. */
    action?: Action;
  }
  interface FastifyRequest {
    /** The authenticated user, null for an anonymous request to a public route. */
    actor: User | null;
  }
  interface FastifyInstance {
    system: System;
  }
}
