import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ACTIONS } from '../../auth/policy.js';

/** OpenAPI 3.1 of every route, generated from the route schemas: UI at /docs, JSON at /docs/json. */
export default fp(
  async function docs(app: FastifyInstance) {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Một Cửa — hệ thống một cửa điện tử dùng chung',
          description:
            'API of the shared one-stop system for administrative-procedure dossiers. Errors are RFC 9457 problem details ' +
            '(application/problem+json) with a Vietnamese `detail` and, for invalid input, `errors` per field. ' +
            'Authenticate with POST /api/auth/login and send `Authorization: Bearer <token>`.',
          version: '0.1.0',
        },
        components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      },
      transform: ({ schema, url, route }) => {
        const action = route.config?.action;
        const isPublic = !action || ACTIONS[action] === 'public';
        return { schema: { ...schema, ...(isPublic ? {} : { security: [{ bearer: [] }] }) } as typeof schema, url };
      },
    });
    await app.register(swaggerUi, { routePrefix: '/docs' });
  },
  { name: 'docs' },
);
