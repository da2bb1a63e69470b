import { buildApp } from './app.js';
import { readConfig } from './config.js';

const SHUTDOWN_MS = 10_000;

/** `npm start`: serve the system with the configuration from the environment (README "Configuration"). */
async function main(): Promise<void> {
  const config = readConfig();
  const app = await buildApp({
    databaseUrl: config.databaseUrl,
    adminPassword: config.adminPassword,
    demoAccounts: config.demoAccounts,
    jwtSecret: config.jwtSecret,
    tokenTtl: config.tokenTtl,
    publicUrl: config.publicUrl,
    clock: config.clock,
    maxBpmnBytes: config.maxBpmnBytes,
    uploads: config.uploads,
    engineThreads: config.engineThreads,
    engineStepTimeoutMs: config.engineStepTimeoutMs,
    bpmnCheckTimeoutMs: config.bpmnCheckTimeoutMs,
    smtp: config.smtp,
    oidc: config.oidc,
    oidcRedirectBase: config.oidcRedirectBase,
    smpp: config.smpp,
    logger: { level: config.logLevel },
  });

  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (closing) return;
      closing = true;
      app.log.info({ signal }, 'shutting down');
      // Requests under way get a bounded time to finish; a server that cannot close by then exits anyway.
      setTimeout(() => {
        app.log.error({ signal, afterMs: SHUTDOWN_MS }, 'could not close in time; exiting');
        process.exit(1);
      }, SHUTDOWN_MS).unref();
      app.close().then(
        () => process.exit(0),
        (err: unknown) => {
          app.log.error({ err }, 'error while shutting down');
          process.exit(1);
        },
      );
    });
  }

  await app.listen({ port: config.port, host: config.host });
  app.system.startBackground(config.backgroundIntervalMs);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
