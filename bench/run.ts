import { cpus } from 'node:os';
import { replayVerify } from './replay-verify.js';

/** `npm run bench`: runs every benchmark once, prints a table, then one line of JSON with every figure. */
const TARGETS: Record<string, { limit: number; better: 'lower' | 'higher' }> = {
  replayVerifyMedianMs: { limit: 50, better: 'lower' },
};

const figures: Record<string, number | string> = {
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
  ...(await replayVerify(Number(process.env.BENCH_DOSSIERS ?? 200))),
};

for (const [name, value] of Object.entries(figures)) {
  const target = TARGETS[name];
  const verdict = !target || typeof value !== 'number' ? '' : (target.better === 'lower' ? value < target.limit : value >= target.limit) ? `meets ${target.better === 'lower' ? '<' : '≥'} ${target.limit}` : `MISSES ${target.better === 'lower' ? '<' : '≥'} ${target.limit}`;
  console.log(`${name.padEnd(32)} ${String(value).padStart(12)}  ${verdict}`);
}
console.log(JSON.stringify(figures));
