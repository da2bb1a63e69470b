import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { engineBench } from './engine.js';
import { generateDatabase } from './generate.js';
import { httpLoad } from './http-load.js';
import { checkGenerated, queryBench } from './queries.js';
import { replayVerify } from './replay-verify.js';
import { buildServer, peakRssMb, startServer, stopServer, type BenchServer } from './server.js';
import { note, round1, round2 } from './stats.js';

/**
 * `npm run bench [-- --dossiers N --completions M --connections C --keep]`: runs every benchmark once, prints a table, then
 * one line of JSON with every figure. See bench/README.md for what each figure measures.
 */
const TARGETS: Record<string, { limit: number; better: 'lower' | 'higher' }> = {
  completionsPerSec: { limit: 500, better: 'higher' },
  p99Ms: { limit: 50, better: 'lower' },
  ratio: { limit: 1.5, better: 'higher' },
  inboxP99Ms: { limit: 10, better: 'lower' },
  reportYearMs: { limit: 1000, better: 'lower' },
  replayVerifyMedianMs: { limit: 50, better: 'lower' },
  rssMb: { limit: 300, better: 'lower' },
};

const { values: flags } = parseArgs({
  options: {
    dossiers: { type: 'string', default: '20000' },
    completions: { type: 'string', default: '1000' },
    connections: { type: 'string', default: '10' },
    keep: { type: 'boolean', default: false },
  },
});
const count = (name: keyof typeof flags) => {
  const n = Number(String(flags[name]).replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
};

const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-'));
let server: BenchServer | undefined;
// Interrupted: the database may be tens of GB, and the server must not outlive the bench.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server?.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
    process.exit(130);
  });
}
const figures: Record<string, number | string> = {
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
  date: new Date().toISOString().slice(0, 10),
};
try {
  note('engine: in memory, then recovering the state at every step');
  Object.assign(figures, await engineBench());

  note(`generating a database of ${count('dossiers')} dossiers`);
  const database = join(dir, 'motcua.sqlite');
  const generated = await generateDatabase(database, count('dossiers'));
  Object.assign(figures, {
    dossiers: generated.dossiers,
    dossiersOpen: generated.open,
    dossiersLate: generated.finishedLate,
    eventsPerDossier: round1(generated.events / generated.dossiers),
    generateSeconds: generated.seconds,
    databaseMb: Math.round(statSync(database).size / 2 ** 20),
  });

  buildServer();
  // e.g. BENCH_SERVER_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile the server under load.
  server = await startServer(database, (process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean));
  try {
    const peak = (phase: string) => note(`server peak RSS after ${phase}: ${round1(peakRssMb(server!))} MB`);
    peak('starting');
    await checkGenerated(server, generated);
    peak('the honesty check');
    Object.assign(figures, await httpLoad(server, count('completions'), count('connections')));
    peak('the load');
    figures.ratio = round2(Number(figures.completionsPerSec) / Number(figures.engineStepsPerSec));
    note('inbox and report on the generated database');
    Object.assign(figures, await queryBench(server, generated));
    figures.rssMb = round1(peakRssMb(server));
  } finally {
    await stopServer(server);
  }

  note('replay and verification');
  Object.assign(figures, await replayVerify(Number(process.env.BENCH_DOSSIERS ?? 200)));
} finally {
  if (flags.keep) note(`kept the generated database in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

for (const [name, value] of Object.entries(figures)) {
  const target = TARGETS[name];
  const verdict =
    !target || typeof value !== 'number'
      ? ''
      : (target.better === 'lower' ? value < target.limit : value >= target.limit)
        ? `meets ${target.better === 'lower' ? '<' : '≥'} ${target.limit}`
        : `MISSES ${target.better === 'lower' ? '<' : '≥'} ${target.limit}`;
  console.log(`${name.padEnd(32)} ${String(value).padStart(12)}  ${verdict}`);
}
console.log(JSON.stringify(figures));
