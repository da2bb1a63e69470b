import type { ProcessDefinition } from '../engine/definitions.js';
import type { StepRunner } from '../engine/steps.js';
import { Conflict } from '../errors.js';
import type { Incidents } from './incidents.js';

/** A step asked of a version that is blocked: nothing runs. */
export class VersionBlocked extends Conflict {
  constructor() {
    super(
      'version-blocked',
      'Phiên bản quy trình của thủ tục này đã bị chặn vì không đạt quy tắc an toàn của hệ thống; hồ sơ chờ Văn phòng UBND công bố phiên bản đã sửa và chuyển hồ sơ sang phiên bản đó.',
    );
  }
}

/** The engine as the dossier rooms use it: a diagram of a blocked version never runs a step (VersionBlocked, 409). */
export function heldWhenBlocked(runner: StepRunner, incidents: Incidents): StepRunner {
  const check = (definition: ProcessDefinition) => {
    if (incidents.isBlocked(definition.sha256)) throw new VersionBlocked();
  };
  return {
    start: async (definition) => (check(definition), runner.start(definition)),
    signal: async (definition, state, signal) => (check(definition), runner.signal(definition, state, signal)),
    fireTimer: async (definition, state, executionId) => (
      check(definition),
      runner.fireTimer(definition, state, executionId)
    ),
  };
}
