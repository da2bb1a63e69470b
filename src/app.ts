import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import './http/types.js';
import { clientErrorHandler, frameworkErrors, registerErrorHandling } from './http/errors.js';
import authentication from './http/plugins/authentication.js';
import boundedInputs from './http/plugins/bounded-inputs.js';
import security from './http/plugins/security.js';
import docs from './http/plugins/docs.js';
import limits from './http/plugins/rate-limit.js';
import ui from './http/plugins/ui.js';
import auditRoutes from './http/routes/audit.js';
import authRoutes from './http/routes/auth.js';
import catalogueRoutes from './http/routes/catalogue.js';
import alertRoutes from './http/routes/alerts.js';
import attachmentRoutes from './http/routes/attachments.js';
import calendarRoutes from './http/routes/calendar.js';
import dossierRoutes from './http/routes/dossiers.js';
import formRoutes from './http/routes/forms.js';
import healthRoutes from './http/routes/health.js';
import incidentRoutes from './http/routes/incidents.js';
import portalRoutes from './http/routes/portal.js';
import importRoutes from './http/routes/imports.js';
import procedureRoutes from './http/routes/procedures.js';
import reorganisationRoutes from './http/routes/reorganisations.js';
import reportRoutes from './http/routes/reports.js';
import taskRoutes from './http/routes/tasks.js';
import unitRoutes from './http/routes/units.js';
import userRoutes from './http/routes/users.js';
import versionRoutes from './http/routes/versions.js';
import { validatorCompiler } from './http/validators.js';
import { openSystem, type System, type SystemOptions } from './system.js';

export interface AppOptions extends SystemOptions {
  jwtSecret?: string;
  tokenTtl?: string;
  logger?: FastifyServerOptions['logger'];
  /** The built web app to serve at `/` (default `dist/ui`). */
  uiRoot?: string;
  /** An already opened system (tests share one); otherwise the app opens its own and closes it on close. */
  system?: System;
}

/** Builds the HTTP application without listening: external plugins, then the domain, then routes. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    clientErrorHandler,
    frameworkErrors,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);

  const system = options.system ?? (await openSystem({ ...options, log: app.log }));
  app.decorate('system', system);
  if (!options.system) app.addHook('onClose', () => system.close());

  registerErrorHandling(app);
  await app.register(docs);
  await app.register(boundedInputs);
  await app.register(security);
  await app.register(limits);
  await app.register(authentication, { jwtSecret: options.jwtSecret ?? '', tokenTtl: options.tokenTtl ?? '8h' });
  await app.register(
    async (api) => {
      for (const routes of [
        healthRoutes,
        authRoutes,
        userRoutes,
        unitRoutes,
        reorganisationRoutes,
        calendarRoutes,
        procedureRoutes,
        catalogueRoutes,
        versionRoutes,
        dossierRoutes,
        portalRoutes,
        attachmentRoutes,
        formRoutes,
        taskRoutes,
        alertRoutes,
        incidentRoutes,
        reportRoutes,
        auditRoutes,
        importRoutes,
      ]) {
        await api.register(routes);
      }
    },
    { prefix: '/api' },
  );
  await app.register(ui, { root: options.uiRoot });
  return app;
}
