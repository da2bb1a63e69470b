import { defaultEngineThreads } from './engine/threads.js';

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
  /** SMTP server for e-mail notifications; without it notifications are written to the log. */
  smtp: { url: string; from: string } | undefined;
  /** How often this node looks for due timers and notifications to send, in milliseconds. */
  backgroundIntervalMs: number;
  /** The largest BPMN diagram accepted, in bytes. */
  maxBpmnBytes: number;
  /** The largest file, and the most files, a citizen may upload with an online dossier. */
  uploads: { maxFileBytes: number; maxFiles: number };
  /** Worker threads that run engine steps beside the main thread (0: on the main thread). */
  engineThreads: number;
  /** The system's clock: real time, or (CLOCK_START, for training and tests) real time shifted to start at an instant. */
  clock: () => Date;
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
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? '3000'}`).replace(/\/+$/, ''),
    smtp: env.SMTP_URL ? { url: env.SMTP_URL, from: env.SMTP_FROM ?? 'Một Cửa <no-reply@motcua.local>' } : undefined,
    backgroundIntervalMs: Number(env.BACKGROUND_INTERVAL_MS ?? 1000),
    maxBpmnBytes: Number(env.BPMN_MAX_BYTES ?? 5 * 1024 * 1024),
    uploads: { maxFileBytes: Number(env.UPLOAD_MAX_BYTES ?? 10 * 1024 * 1024), maxFiles: Number(env.UPLOAD_MAX_FILES ?? 20) },
    engineThreads: env.ENGINE_THREADS === undefined ? defaultEngineThreads() : toCount('ENGINE_THREADS', env.ENGINE_THREADS),
    clock: shiftedClock(env.CLOCK_START),
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
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new Error(`${name} must be a whole number from 0 to 64, got "${value}"`);
  return n;
}

function toPort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${value}"`);
  return port;
}
