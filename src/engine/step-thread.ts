import { parentPort } from 'node:worker_threads';
import { DefinitionCache } from './definitions.js';
import { ProcessRunner, type Signal, type StepResult } from './runner.js';

/** A step asked of an engine thread (see threads.ts): the definition it runs on, and what to do. */
export type StepAsk = { sha256: string; xml: string } & (
  | { op: 'start' }
  | { op: 'signal'; state: string; signal: Signal }
  | { op: 'fireTimer'; state: string; executionId: string }
);

export type StepRequest = StepAsk & { id: number };

export type StepReply = { id: number; result: StepResult } | { id: number; error: { name: string; message: string } };

const definitions = new DefinitionCache();
const runner = new ProcessRunner();

async function step(request: StepRequest): Promise<StepResult> {
  const definition = await definitions.get(request.xml, request.sha256);
  if (request.op === 'start') return runner.start(definition);
  if (request.op === 'signal') return runner.signal(definition, request.state, request.signal);
  return runner.fireTimer(definition, request.state, request.executionId);
}

parentPort?.on('message', (request: StepRequest) => {
  step(request).then(
    (result) => parentPort!.postMessage({ id: request.id, result } satisfies StepReply),
    (err: Error) => parentPort!.postMessage({ id: request.id, error: { name: err.name, message: err.message } } satisfies StepReply),
  );
});
