import { DEFAULT_ADMIN_PASSWORD } from './auth/demo.js';
import type { IdentityProviderConfig, IdentityProviderId } from './auth/oidc.js';
import { DEFAULT_CHECK_TIMEOUT_MS } from './catalogue/diagram-checks.js';
import { DEFAULT_STEP_TIMEOUT_MS, defaultEngineThreads } from './engine/threads.js';
import type { SmppOptions } from './notifications/smpp-transport.js';

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
  /** The address citizens reach the system at, printed (as a QR code) on the forms. */
  publicUrl: string;
  /** Set only when PUBLIC_URL is: the identity providers send the browser back there (else where the request came). */
  oidcRedirectBase: string | undefined;
  /** SMTP server for e-mail notifications; without it notifications are written to the log. */
  smtp: { url: string; from: string } | undefined;
  /** Sign-in through OpenID Connect: VNeID for citizens, the city's single sign-on for officers (each optional). */
  oidc: Partial<Record<IdentityProviderId, IdentityProviderConfig>>;
  /** The SMSC for SMS notifications, over SMPP; without it SMS are written to the log. */
  smpp: SmppOptions | undefined;
  /** How often this node looks for due timers and notifications to send, in milliseconds. */
  backgroundIntervalMs: number;
  /** The largest BPMN diagram accepted, in bytes. */
  maxBpmnBytes: number;
  /** The largest file, the most files and the most bytes of one upload, and the bytes an account may upload a day. */
  uploads: { maxFileBytes: number; maxFiles: number; maxTotalBytes: number; dailyBytes: number };
  /** Worker threads that run engine steps beside the main thread (at least one). */
  engineThreads: number;
  /** The time limit of one engine step, in milliseconds. */
  engineStepTimeoutMs: number;
  /** The time limit of checking one uploaded diagram, in milliseconds. */
  bpmnCheckTimeoutMs: number;
  /** The system's clock: real time, or (CLOCK_START, for training and tests) real time shifted to start at an instant. */
  clock: () => Date;
}

export { DEFAULT_ADMIN_PASSWORD };

/** OIDC_<NAME>_ISSUER, _CLIENT_ID, _CLIENT_SECRET, _SCOPES and _CLAIM; nothing when the issuer is not set. */
function identityProvider(
  env: NodeJS.ProcessEnv,
  name: string,
  id: IdentityProviderId,
  claim: string,
): Partial<Record<IdentityProviderId, IdentityProviderConfig>> {
  const issuer = env[`OIDC_${name}_ISSUER`];
  if (!issuer) return {};
  const clientId = env[`OIDC_${name}_CLIENT_ID`];
  if (!clientId) throw new Error(`OIDC_${name}_ISSUER is set: OIDC_${name}_CLIENT_ID must be set too`);
  return {
    [id]: {
      issuer,
      clientId,
      clientSecret: env[`OIDC_${name}_CLIENT_SECRET`] ?? '',
      scopes: env[`OIDC_${name}_SCOPES`] ?? 'openid profile',
      claim: env[`OIDC_${name}_CLAIM`] ?? claim,
    },
  };
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: toPort(env.PORT ?? '3000'),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL ?? 'sqlite:./data/motcua.sqlite',
    logLevel: env.LOG_LEVEL ?? 'info',
    adminPassword: env.ADMIN_PASSWORD ?? DEFAULT_ADMIN_PASSWORD,
    // A demo unless told otherwise only on the embedded default database: a deployment names its own.
    demoAccounts: !/^(0|false|no|off)$/i.test(env.DEMO_ACCOUNTS ?? (env.DATABASE_URL ? 'false' : 'true')),
    jwtSecret: env.JWT_SECRET ?? '',
    tokenTtl: env.TOKEN_TTL ?? '8h',
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? '3000'}`).replace(/\/+$/, ''),
    oidcRedirectBase: env.PUBLIC_URL?.replace(/\/+$/, ''),
    smtp: env.SMTP_URL ? { url: env.SMTP_URL, from: env.SMTP_FROM ?? 'Một Cửa <no-reply@motcua.local>' } : undefined,
    oidc: {
      ...identityProvider(env, 'CITIZEN', 'citizen', 'sub'),
      ...identityProvider(env, 'STAFF', 'staff', 'preferred_username'),
    },
    smpp: readSmpp(env),
    backgroundIntervalMs: Number(env.BACKGROUND_INTERVAL_MS ?? 1000),
    maxBpmnBytes: Number(env.BPMN_MAX_BYTES ?? 5 * 1024 * 1024),
    uploads: {
      maxFileBytes: Number(env.UPLOAD_MAX_BYTES ?? 10 * 1024 * 1024),
      maxFiles: Number(env.UPLOAD_MAX_FILES ?? 20),
      maxTotalBytes: Number(env.UPLOAD_MAX_TOTAL_BYTES ?? 50 * 1024 * 1024),
      dailyBytes: Number(env.UPLOAD_DAILY_BYTES ?? 200 * 1024 * 1024),
    },
    engineThreads:
      env.ENGINE_THREADS === undefined ? defaultEngineThreads() : toCount('ENGINE_THREADS', env.ENGINE_THREADS),
    engineStepTimeoutMs: Number(env.ENGINE_STEP_TIMEOUT_MS ?? DEFAULT_STEP_TIMEOUT_MS),
    bpmnCheckTimeoutMs: Number(env.BPMN_CHECK_TIMEOUT_MS ?? DEFAULT_CHECK_TIMEOUT_MS),
    clock: shiftedClock(env.CLOCK_START),
  };
}

/** The SMSC from SMPP_URL (smpp://[system_id:password@]host[:port], ssmpp:// for TLS) or SMPP_HOST and SMPP_PORT. */
function readSmpp(env: NodeJS.ProcessEnv): SmppOptions | undefined {
  if (!env.SMPP_URL && !env.SMPP_HOST) return undefined;
  const url = env.SMPP_URL ? new URL(env.SMPP_URL) : undefined;
  if (url && url.protocol !== 'smpp:' && url.protocol !== 'ssmpp:')
    throw new Error(`SMPP_URL must be smpp://host:port (ssmpp:// for TLS), got "${env.SMPP_URL}"`);
  const tls = url?.protocol === 'ssmpp:';
  const host = url ? url.hostname : env.SMPP_HOST!;
  const port = toPort(url ? url.port || (tls ? '3550' : '2775') : (env.SMPP_PORT ?? '2775'));
  const systemId = env.SMPP_SYSTEM_ID ?? (url?.username ? decodeURIComponent(url.username) : '');
  const password = env.SMPP_PASSWORD ?? (url?.password ? decodeURIComponent(url.password) : '');
  if (!host) throw new Error('SMPP_URL or SMPP_HOST must name the SMSC host');
  if (!systemId || systemId.length > 15)
    throw new Error('SMPP_SYSTEM_ID (or the user of SMPP_URL) is required with SMPP, at most 15 characters');
  const sourceAddr = env.SMPP_SOURCE_ADDR ?? '';
  if (!/^[A-Za-z0-9 ._-]{1,11}$/.test(sourceAddr))
    throw new Error(
      `SMPP_SOURCE_ADDR must be the registered brand name: 1 to 11 letters, digits, spaces or . _ -, got "${sourceAddr}"`,
    );
  return {
    host,
    port,
    tls,
    systemId,
    password,
    systemType: env.SMPP_SYSTEM_TYPE ?? '',
    sourceAddr,
    timeoutMs: Number(env.SMPP_TIMEOUT_MS ?? 10_000),
  };
}

function shiftedClock(start: string | undefined): () => Date {
  if (!start) return () => new Date();
  const startMs = Date.parse(start);
  if (Number.isNaN(startMs)) throw new Error(`CLOCK_START must be an ISO-8601 instant, got "${start}"`);
  const shift = startMs - Date.now();
  return () => new Date(Date.now() + shift);
}

function toCount(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new Error(
      `${name} must be a whole number from 1 to 64 (engine steps always run on their own threads), got "${value}"`,
    );
  return n;
}

function toPort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${value}"`);
  return port;
}
