import autocannon from 'autocannon';
import { text } from 'node:stream/consumers';

/**
 * The load generator, in its own process (`node --import tsx bench/load-child.ts`): reads `{base, authorization,
 * taskIds, connections}` on stdin and completes each task once with `POST /api/tasks/:id/complete` over `connections`
 * keep-alive connections, through autocannon; writes autocannon's figures as JSON on stdout.
 */
export interface LoadRequest {
  base: string;
  authorization: string;
  taskIds: number[];
  connections: number;
}

export interface LoadResult {
  /** From the first request to the last answer. */
  seconds: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** Latencies of the 2xx answers, ms. */
  p50Ms: number;
  p99Ms: number;
}

const { base, authorization, taskIds, connections } = JSON.parse(await text(process.stdin)) as LoadRequest;
let next = 0;
const started = performance.now();
let lastAnswer = started;
const run = autocannon({
  url: base,
  connections,
  // Each connection builds its next request before it knows the run is over: keep an id in reserve for each.
  amount: taskIds.length - connections,
  timeout: 30,
  excludeErrorStats: true,
  method: 'POST',
  headers: { authorization, 'content-type': 'application/json' },
  body: '{}',
  requests: [{ setupRequest: (request) => ({ ...request, path: `/api/tasks/${taskIds[next++]}/complete` }) }],
});
// autocannon's own `duration` is only known at its next one-second sample, up to a second after the last answer.
run.on('response', () => void (lastAnswer = performance.now()));
const result = await run;
const answer: LoadResult = {
  seconds: (lastAnswer - started) / 1000,
  ok: result['2xx'],
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  statusCodes: Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, Number(count)]),
  ),
  p50Ms: result.latency.p50,
  p99Ms: result.latency.p99,
};
process.stdout.write(JSON.stringify(answer));
