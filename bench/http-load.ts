import { spawn } from 'node:child_process';
import { text } from 'node:stream/consumers';
import { projectRoot } from '../src/project.js';
import { todayReceipt } from '../test/helpers/fixtures.js';
import { ENGINE_PROCEDURE } from './engine.js';
import type { LoadRequest, LoadResult } from './load-child.js';
import { call, cpuMs, login, type BenchServer } from './server.js';
import { note, round1, round2 } from './stats.js';

export interface LoadFigures {
  completionsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  completions: number;
  completionsNon2xx: number;
  loadConnections: number;
  receiptsPerSec: number;
  serverCpuMsPerCompletion: number;
}

/**
 * Task completions through the real server under load. First `dossiers` birth registrations (the engine figures'
 * process) are received through `POST /api/dossiers` at the desk of Phường Hoàn Kiếm, a few at a time; then a separate
 * process fires `POST /api/tasks/:id/complete` at their first task (the officer's review, no claim needed), each
 * request completing a different dossier's task, over `connections` concurrent keep-alive connections.
 */
export async function httpLoad(server: BenchServer, dossiers: number, connections: number): Promise<LoadFigures> {
  const receipt = todayReceipt(ENGINE_PROCEDURE);
  const officer = await login(server, receipt.officer);
  const taskIds: number[] = [];
  const started = performance.now();
  let sent = 0;
  const receiveNext = async (): Promise<void> => {
    while (sent++ < dossiers)
      taskIds.push((await call(server, officer, 'POST', '/dossiers', receipt.body)).tasks[0].id);
  };
  await Promise.all(Array.from({ length: 4 }, receiveNext));
  const receiptsPerSec = round1(dossiers / ((performance.now() - started) / 1000));
  note(
    `received ${dossiers} dossiers through HTTP (${receiptsPerSec}/s); completing their first task from a separate process`,
  );

  const cpuBefore = cpuMs(server);
  const result = await runLoadChild({ base: server.base, authorization: officer, taskIds, connections });
  const serverCpuMs = cpuMs(server) - cpuBefore;
  return {
    completionsPerSec: round1(result.ok / result.seconds),
    p50Ms: round2(result.p50Ms),
    p99Ms: round2(result.p99Ms),
    completions: result.ok,
    completionsNon2xx: result.non2xx + result.errors,
    loadConnections: connections,
    receiptsPerSec,
    serverCpuMsPerCompletion: round2(serverCpuMs / Math.max(1, result.ok)),
  };
}

async function runLoadChild(request: LoadRequest): Promise<LoadResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load-child.ts'], {
    cwd: projectRoot,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  child.stdin.end(JSON.stringify(request));
  const [output, code] = await Promise.all([text(child.stdout), new Promise((resolve) => child.once('exit', resolve))]);
  if (code !== 0) throw new Error(`the load generator exited with ${code}`);
  const result = JSON.parse(output) as LoadResult;
  if (result.non2xx || result.errors)
    note(
      `load: ${result.non2xx} non-2xx answers ${JSON.stringify(result.statusCodes)}, ${result.errors} errors (${result.timeouts} timeouts)`,
    );
  return result;
}
