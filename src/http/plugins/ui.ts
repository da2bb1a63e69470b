import { existsSync, readFileSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { fromRoot } from '../../project.js';

export interface UiOptions {
  /** The Vite build of `ui/` (default `dist/ui`). */
  root?: string | undefined;
}

const NOT_BUILT = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Một Cửa</title>
<p>Ứng dụng web chưa được biên dịch: chạy <code>npm run build</code> (việc này tự chạy khi <code>npm start</code>).</p>
<p>The web app is not built: run <code>npm run build</code> (<code>npm start</code> does it). API: <a href="/docs">/docs</a>.</p></html>`;

/**
 * The browser app at `/`: its built assets as static files, and its page for every other path outside `/api` and
 * `/docs`, so addresses such as `/tra-cuu/<code>` printed on receipts open the app at that page.
 */
export default fp(
  async function ui(app: FastifyInstance, options: UiOptions) {
    const root = options.root ?? fromRoot('dist', 'ui');
    const built = existsSync(`${root}/index.html`);
    const page = built ? readFileSync(`${root}/index.html`, 'utf8') : NOT_BUILT;
    if (built) {
      await app.register(fastifyStatic, {
        root,
        wildcard: false,
        index: false,
        maxAge: '1d',
        immutable: true,
        prefix: '/',
      });
    }
    app.get('/*', { config: { action: 'ui:read' }, schema: { hide: true } }, async (request, reply) => {
      if (/^\/(api|docs)(\/|$)/.test(request.url)) return reply.callNotFound();
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page);
    });
  },
  { name: 'ui' },
);
