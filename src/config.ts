/** Runtime configuration, read once from the environment (see README "Configuration"). */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  logLevel: string;
  adminPassword: string;
  demoAccounts: boolean;
  /** Signing secret for bearer tokens; when empty a random one is generated once and kept in the database. */
  jwtSecret: string;
  tokenTtl: string;
}

export const DEFAULT_ADMIN_PASSWORD = 'motcua-admin';

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: toPort(env.PORT ?? '3000'),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL ?? 'sqlite:./data/motcua.sqlite',
    logLevel: env.LOG_LEVEL ?? 'info',
    adminPassword: env.ADMIN_PASSWORD ?? DEFAULT_ADMIN_PASSWORD,
    demoAccounts: !/^(0|false|no|off)$/i.test(env.DEMO_ACCOUNTS ?? 'true'),
    jwtSecret: env.JWT_SECRET ?? '',
    tokenTtl: env.TOKEN_TTL ?? '8h',
  };
}

function toPort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${value}"`);
  return port;
}
