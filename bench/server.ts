import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { projectRoot } from '../src/project.js';
import { DEMO_PASSWORD } from '../src/seed.js';

/** The real server (`node dist/src/main.js`, as `npm start` runs it) in a child process, on loopback. */
export interface BenchServer {
  child: ChildProcess;
  base: string;
}

/** Compiles the server as `npm run build` does, so the child runs exactly what `npm start` would. */
export function buildServer(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
}

/**
 * Starts the built server on a SQLite file with its production settings (WAL, synchronous=FULL, audit chain, outbox,
 * background timers, JSON logs at `info`, discarded). Resolves once `/api/health` answers. `nodeOptions` go to node
 * (e.g. `--cpu-prof`).
 */
export async function startServer(databaseFile: string, nodeOptions: string[] = []): Promise<BenchServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeOptions, 'dist/src/main.js'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${databaseFile}`,
      LOG_LEVEL: 'info',
      ADMIN_PASSWORD: 'bench-admin',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 100) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before listening`);
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { child, base };
    if (waited > 120_000) throw new Error('the server did not answer /api/health within 2 minutes');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The child's peak resident set size so far (VmHWM; `VmRSS` for the current one), in MB. */
export function peakRssMb(server: BenchServer, field: 'VmHWM' | 'VmRSS' = 'VmHWM'): number {
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
    readFileSync(`/proc/${server.child.pid}/status`, 'utf8'),
  )?.[1];
  return Number(kb) / 1024;
}

/** CPU time the child has used so far, all its threads together (user + system), in ms. */
export function cpuMs(server: BenchServer): number {
  // Fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 10 ms; the command name (field 2) ends at the last ')'.
  const stat = readFileSync(`/proc/${server.child.pid}/stat`, 'utf8');
  const [utime, stime] = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .slice(11, 13)
    .map(Number);
  return (utime! + stime!) * 10;
}

export async function stopServer(server: BenchServer): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = once(server.child, 'exit');
  server.child.kill('SIGTERM');
  await exited;
}

/** Logs in through the API; returns the `authorization` header value. */
export async function login(server: BenchServer, username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(`${server.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return `Bearer ${((await res.json()) as { token: string }).token}`;
}

/** One JSON request; throws unless the answer is 2xx. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bench reads the JSON it just asked for
export async function call(
  server: BenchServer,
  authorization: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<any> {
  const res = await fetch(`${server.base}/api${path}`, {
    method,
    headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
