import { parentPort } from 'node:worker_threads';
import { serveJobs } from './bounded-threads.js';
import { DefinitionCache, outlineOf, parseDefinition } from './definitions.js';
import { replayCauses } from './replayer.js';
import { ProcessRunner } from './runner.js';
import type { ReplayCause, Signal } from './steps.js';

/** A job asked of an engine thread (see threads.ts): a step of a stored process, an outline, a replay. */
export type EngineJob =
  | ({ sha256: string; xml: string } & (
      | { op: 'start' }
      | { op: 'signal'; state: string; signal: Signal }
      | { op: 'fireTimer'; state: string; executionId: string }
      | { op: 'outline' }
    ))
  | { op: 'replay'; xmlByHash: Record<string, string>; causes: ReplayCause[] };

const definitions = new DefinitionCache((xml) => parseDefinition(xml));
const runner = new ProcessRunner();

async function run(job: EngineJob): Promise<unknown> {
  if (job.op === 'replay') {
    return replayCauses(runner, (sha256) => definitions.get(job.xmlByHash[sha256] ?? '', sha256), job.causes);
  }
  const definition = await definitions.get(job.xml, job.sha256);
  if (job.op === 'outline') return outlineOf(definition);
  if (job.op === 'start') return runner.start(definition);
  if (job.op === 'signal') return runner.signal(definition, job.state, job.signal);
  return runner.fireTimer(definition, job.state, job.executionId);
}

serveJobs(parentPort, (request) => run(request as EngineJob));
