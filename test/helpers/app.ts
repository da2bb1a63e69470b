import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Test } from 'tap';
import { buildApp, type AppOptions } from '../../src/app.js';
import { DEMO_PASSWORD } from '../../src/seed.js';
import { TestClock } from './clock.js';
import { seededDatabase } from './database.js';

export const ADMIN_PASSWORD = 'admin-test-password';

export interface TestApp {
  app: FastifyInstance;
  clock: TestClock;
  databaseUrl: string;
  /** Logs a demo (or admin) account in and returns its bearer token. */
  login(username: string, password?: string): Promise<string>;
  /** `app.inject` with the token of `as` (a username) when given. */
  request(options: InjectOptions & { as?: string }): Promise<LightMyRequestResponse>;
  /** Creates a user through the admin API; the password is the demo one. */
  user(username: string, unitCode: string, roles: string[]): Promise<void>;
}

/** The real application on a fresh database seeded like a new installation, with a clock the test controls. */
export async function testApp(t: Test, options: { start?: string } & Partial<AppOptions> = {}): Promise<TestApp> {
  // Monday 19 November 2018, 09:00 in Hà Nội: the first working day of the shared system's second week.
  const { start, ...appOptions } = options;
  const clock = new TestClock(start ?? '2018-11-19T09:00:00+07:00');
  const settings = { adminPassword: ADMIN_PASSWORD, ...appOptions };
  const database = await seededDatabase({
    adminPassword: settings.adminPassword,
    demoAccounts: settings.demoAccounts ?? true,
    clock: clock.now,
  });
  const app = await buildApp({ databaseUrl: database.url, clock: clock.now, ...settings });
  t.teardown(async () => {
    await app.close();
    await database.drop();
  });
  const tokens = new Map<string, string>();
  const login = async (username: string, password = username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD) => {
    const cached = tokens.get(username);
    if (cached) return cached;
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    const token = res.json().token as string;
    tokens.set(username, token);
    return token;
  };
  const request = async ({ as, ...options }: InjectOptions & { as?: string }) => {
    const headers = { ...(options.headers ?? {}), ...(as ? { authorization: `Bearer ${await login(as)}` } : {}) };
    return app.inject({ ...options, headers });
  };
  const user = async (username: string, unitCode: string, roles: string[]) => {
    const res = await request({
      method: 'POST',
      url: '/api/users',
      as: 'admin',
      payload: { username, password: DEMO_PASSWORD, fullName: username, unitCode, roles },
    });
    if (res.statusCode !== 201) throw new Error(`creating ${username}: ${res.body}`);
  };
  return { app, clock, databaseUrl: database.url, login, request, user };
}
