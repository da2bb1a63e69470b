import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app.js';
import { DEMO_PASSWORD } from '../src/seed.js';
import { RECEIPTS, STAFF, todayReceipt } from '../test/helpers/fixtures.js';
import { percentile, round2 } from './stats.js';

export interface ReplayVerifyFigures {
  replayVerifyMedianMs: number;
  replayVerifyP90Ms: number;
  replayVerifyDossiers: number;
  replayVerifyEventsPerDossier: number;
}

/**
 * Median time to verify the hash chain of one finished dossier and replay it in bpmn-engine, through the HTTP API
 * (`GET …/audit/verify` then `GET …/replay`), over dossiers of every shipped procedure on a SQLite file.
 */
export async function replayVerify(dossiers = 200): Promise<ReplayVerifyFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-'));
  const app = await buildApp({ databaseUrl: `sqlite:${join(dir, 'bench.sqlite')}`, adminPassword: 'bench-admin' });
  try {
    const tokens = new Map<string, string>();
    const as = async (username: string) => {
      if (!tokens.has(username)) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username, password: DEMO_PASSWORD },
        });
        tokens.set(username, `Bearer ${res.json().token}`);
      }
      return { authorization: tokens.get(username)! };
    };
    const codes: string[] = [];
    const procedures = Object.keys(RECEIPTS);
    for (let i = 0; i < dossiers; i++) {
      const receipt = todayReceipt(procedures[i % procedures.length]!);
      let dossier = (
        await app.inject({
          method: 'POST',
          url: '/api/dossiers',
          headers: await as(receipt.officer),
          payload: receipt.body,
        })
      ).json();
      const done = new Set<string>();
      while (dossier.tasks.length) {
        const task = dossier.tasks[0];
        // Loop-backs ("return", "returned", …) are taken on the first pass only: an activity met again takes its first
        // outcome, so every dossier ends.
        const chosen: string | undefined =
          task.outcomes[done.has(task.activityId) ? 0 : i % Math.max(1, task.outcomes.length)];
        done.add(task.activityId);
        const res = await app.inject({
          method: 'POST',
          url: `/api/tasks/${task.id}/complete`,
          headers: await as(STAFF[`${task.role}@${task.unitCode}`]!),
          payload: chosen ? { outcome: chosen } : {},
        });
        dossier = res.json().dossier;
      }
      codes.push(dossier.code);
    }
    const auditor = await as('thanhtra');
    const times: number[] = [];
    let events = 0;
    for (const round of [0, 1]) {
      for (const code of codes) {
        const start = performance.now();
        const verify = await app.inject({ method: 'GET', url: `/api/dossiers/${code}/audit/verify`, headers: auditor });
        const replay = await app.inject({ method: 'GET', url: `/api/dossiers/${code}/replay`, headers: auditor });
        const elapsed = performance.now() - start;
        if (!verify.json().ok || !replay.json().ok) throw new Error(`${code} does not verify or replay`);
        if (round === 1) {
          times.push(elapsed); // the first round warms the JIT and the definition cache
          events += verify.json().events;
        }
      }
    }
    return {
      replayVerifyMedianMs: round2(percentile(times, 50)),
      replayVerifyP90Ms: round2(percentile(times, 90)),
      replayVerifyDossiers: codes.length,
      replayVerifyEventsPerDossier: round2(events / codes.length),
    };
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
