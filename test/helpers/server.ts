import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { projectRoot } from '../../src/project.js';
import { DEMO_PASSWORD } from '../../src/seed.js';

export interface Server {
  child: ChildProcess;
  base: string;
  /** Every log line the server wrote so far (JSON). */
  logs: string[];
}

/** Starts the real server (`src/main.ts`) as a child process; resolves once it listens. */
export async function startServer(env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DEMO_ACCOUNTS: 'true', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const logs: string[] = [];
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    logs.push(line);
    const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
    if (match) {
      lines.on('line', (next) => logs.push(next));
      return { child, base: match[1]!, logs };
    }
  }
  throw new Error('server exited before listening');
}

/** Stops the server gracefully (SIGTERM) and waits for it to exit. */
export async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = once(server.child, 'exit');
  server.child.kill('SIGTERM');
  await exited;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the JSON they just asked for
export async function call(
  server: Server,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.base}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json() };
}

export async function login(server: Server, username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(`${server.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return ((await res.json()) as { token: string }).token;
}
