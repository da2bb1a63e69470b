import type { GeneratedDatabase } from './generate.js';
import { call, login, type BenchServer } from './server.js';
import { note, percentile, round2 } from './stats.js';

export interface QueryFigures {
  inboxP50Ms: number;
  inboxP99Ms: number;
  inboxOpenTasks: number;
  reportYearMs: number;
  reportUnits: number;
}

/**
 * Reads on the generated database, through the running server (client-side wall time, body read):
 * - the inbox (`GET /api/tasks`, first page of 50, most urgent first) of an officer of the unit with the most open
 *   officer tasks, `repetitions` times one after the other after 20 unmeasured;
 * - the on-time report of the receipt year, all units, grouped by unit: the median of 5 after one unmeasured.
 */
export async function queryBench(
  server: BenchServer,
  generated: GeneratedDatabase,
  repetitions = 500,
): Promise<QueryFigures> {
  const officer = await login(server, generated.busiest.officer);
  const inbox = await timed(() => call(server, officer, 'GET', '/tasks'), repetitions, 20);
  const publisher = await login(server, 'vpubnd');
  const report = await timed(
    () => call(server, publisher, 'GET', `/reports/on-time?from=${generated.from}&to=${generated.to}&groupBy=unit`),
    5,
    1,
  );
  const counted = (report.answer as { received: number; refused: number }[]).reduce(
    (sum, row) => sum + row.received + row.refused,
    0,
  );
  if (counted < generated.dossiers)
    throw new Error(`the report counts ${counted} dossiers, ${generated.dossiers} were generated`);
  return {
    inboxP50Ms: round2(percentile(inbox.ms, 50)),
    inboxP99Ms: round2(percentile(inbox.ms, 99)),
    inboxOpenTasks: generated.busiest.openTasks,
    reportYearMs: round2(percentile(report.ms, 50)),
    reportUnits: (report.answer as unknown[]).length,
  };
}

/** The generated rows are what the real code would have written: sampled dossiers verify and replay through the API. */
export async function checkGenerated(server: BenchServer, generated: GeneratedDatabase): Promise<void> {
  const auditor = await login(server, 'thanhtra');
  for (const code of generated.sample) {
    const verify = await call(server, auditor, 'GET', `/dossiers/${code}/audit/verify`);
    const replay = await call(server, auditor, 'GET', `/dossiers/${code}/replay`);
    if (!verify.ok || !replay.ok)
      throw new Error(
        `generated dossier ${code} does not verify or replay: ${JSON.stringify({ verify, divergence: replay.divergence })}`,
      );
  }
  note(`${generated.sample.length} generated dossiers verify and replay through the API`);
}

async function timed(
  request: () => Promise<unknown>,
  times: number,
  warmUp: number,
): Promise<{ ms: number[]; answer: unknown }> {
  let answer: unknown;
  for (let i = 0; i < warmUp; i++) answer = await request();
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    answer = await request();
    ms.push(performance.now() - start);
  }
  return { ms, answer };
}
