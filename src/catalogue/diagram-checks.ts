import { BoundedThreads, JobTimeout, ThreadStopped, workerModule } from '../engine/bounded-threads.js';
import { DomainError, Unprocessable } from '../errors.js';
import type { DiagramJob } from './diagram-thread.js';
import type { DiagramDiff } from './diff.js';
import type { Finding, ValidationOptions } from './validation.js';

/** How long reading, checking or laying out one uploaded diagram may take (BPMN_CHECK_TIMEOUT_MS). */
export const DEFAULT_CHECK_TIMEOUT_MS = 30_000;

/**
 * Parsing, validation, auto-layout and diff of uploaded diagrams run on a thread of their own, never on the main
 * thread, each under a time limit: a diagram built to be slow stops its thread (422 `bpmn-check-timeout`) and nobody
 * else waits for it. The thread is shared by the process and stops after a minute without work.
 */
export class DiagramChecks {
  constructor(private readonly timeoutMs = DEFAULT_CHECK_TIMEOUT_MS) {}

  /** The diagram to store (drawn when it had no drawing) and its findings; 4xx when it cannot be stored at all. */
  prepare(xml: string, options: ValidationOptions): Promise<{ xml: string; findings: Finding[] }> {
    return this.run({ op: 'prepare', xml, options });
  }

  validate(xml: string, options: ValidationOptions): Promise<Finding[]> {
    return this.run({ op: 'validate', xml, options });
  }

  diff(before: string, after: string): Promise<DiagramDiff> {
    return this.run({ op: 'diff', before, after });
  }

  private run<T>(job: DiagramJob): Promise<T> {
    return thread.run<T>(job as Record<string, unknown>, this.timeoutMs).catch((err: Error) => {
      throw rebuild(err, this.timeoutMs);
    });
  }
}

const thread = new BoundedThreads(workerModule(import.meta.url, 'diagram-thread'), 1, { idleMs: 60_000, heapMb: 1024 });

/** A refusal made on the thread keeps its status and code; a diagram that took too long or too much memory is refused. */
function rebuild(
  err: Error & { status?: number; code?: string; details?: DomainError['details'] },
  timeoutMs: number,
): Error {
  if (err instanceof JobTimeout) {
    return new Unprocessable(
      'bpmn-check-timeout',
      `Kiểm tra sơ đồ quá ${Math.round(timeoutMs / 1000)} giây và đã bị dừng: sơ đồ quá phức tạp để hệ thống xử lý.`,
    );
  }
  if (err instanceof ThreadStopped)
    return new Unprocessable('bpmn-too-complex', 'Sơ đồ cần quá nhiều bộ nhớ để kiểm tra và đã bị từ chối.');
  if (typeof err.status === 'number' && typeof err.code === 'string')
    return new DomainError(err.status, err.code, err.message, err.details);
  return err;
}
