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
import alertsRoutes from './http/routes/alerts/index.js';
import announcementsRoutes from './http/routes/announcements/index.js';
import authRoutes from './http/routes/auth/index.js';
import calendarRoutes from './http/routes/calendar/index.js';
import dossiersRoutes from './http/routes/dossiers/index.js';
import healthRoutes from './http/routes/health/index.js';
import importsRoutes from './http/routes/imports/index.js';
import incidentsRoutes from './http/routes/incidents/index.js';
import modellingRoutes from './http/routes/modelling/index.js';
import notificationTemplatesRoutes from './http/routes/notification-templates/index.js';
import portalRoutes from './http/routes/portal/index.js';
import proceduresRoutes from './http/routes/procedures/index.js';
import reorganisationsRoutes from './http/routes/reorganisations/index.js';
import reportsRoutes from './http/routes/reports/index.js';
import settingsRoutes from './http/routes/settings/index.js';
import tasksRoutes from './http/routes/tasks/index.js';
import unitsRoutes from './http/routes/units/index.js';
import usersRoutes from './http/routes/users/index.js';
import versionsRoutes from './http/routes/versions/index.js';
import { serializerCompiler, validatorCompiler } from './http/validators.js';
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
  app.setSerializerCompiler(serializerCompiler);

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
        usersRoutes,
        unitsRoutes,
        reorganisationsRoutes,
        calendarRoutes,
        settingsRoutes,
        notificationTemplatesRoutes,
        proceduresRoutes,
        announcementsRoutes,
        modellingRoutes,
        versionsRoutes,
        dossiersRoutes,
        portalRoutes,
        tasksRoutes,
        alertsRoutes,
        incidentsRoutes,
        reportsRoutes,
        importsRoutes,
      ]) {
        await api.register(routes);
      }
    },
    { prefix: '/api' },
  );
  await app.register(ui, { root: options.uiRoot });
  return app;
}
