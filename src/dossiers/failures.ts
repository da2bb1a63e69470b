import { VersionConflict } from '../audit/log.js';
import { EngineFailure, NotWaiting } from '../engine/runner.js';
import { Conflict, Unprocessable } from '../errors.js';

/** Turns a failure of the engine or a lost race into the error the caller sees (use as a `.catch` handler). */
export function engineFailure(err: unknown): never {
  if (err instanceof VersionConflict || err instanceof NotWaiting) {
    throw new Conflict('dossier-busy', 'Hồ sơ đang được cập nhật đồng thời, vui lòng thử lại.');
  }
  if (err instanceof EngineFailure) {
    throw new Unprocessable('process-failed', `Quy trình của thủ tục không thực hiện được bước tiếp theo: ${err.message}`);
  }
  throw err;
}
