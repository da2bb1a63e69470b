import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { refuseHostile } from '../hostile-input.js';

/**
 * What every answer and every request gets, whatever the route:
 * - security headers (@fastify/helmet): a Content-Security-Policy that lets only this origin's scripts run and
 *   nobody frame the app, `nosniff`, `Referrer-Policy: no-referrer`, HSTS when served over HTTPS;
 * - `Cache-Control: no-store` on the API's answers, which carry personal data (a route may set its own);
 * - requests refused before any route reads them (400): text with a NUL character (PostgreSQL stores none) and JSON
 *   nested deeper than MAX_DEPTH levels.
 */
export default fp(
  async function security(app: FastifyInstance) {
    await app.register(helmet, {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // bpmn-js and Chart.js set style attributes on what they draw.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameSrc: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
      referrerPolicy: { policy: 'no-referrer' },
      crossOriginEmbedderPolicy: false,
    });

    app.addHook('onSend', async (request, reply) => {
      if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
        reply.header('cache-control', 'no-store');
    });

    app.addHook('preValidation', async (request) => {
      refuseHostile(request.body, '');
      refuseHostile(request.query, 'querystring');
      refuseHostile(request.params, 'params');
    });
  },
  { name: 'security' },
);
