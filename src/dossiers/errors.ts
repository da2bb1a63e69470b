import { Conflict, NotFound } from '../errors.js';

/** Errors of the dossiers room, each with its stable code and its message in one place. */
export class TaskNotFound extends NotFound {
  constructor(taskId: number) {
    super('unknown-task', `Không có công việc số ${taskId}.`);
  }
}

export class TaskClaimed extends Conflict {
  constructor() {
    super('task-claimed', 'Công việc này đang do cán bộ khác xử lý.');
  }
}

/** Another change kept winning the race for the dossier: the caller may simply try again. */
export class DossierBusy extends Conflict {
  constructor() {
    super('dossier-busy', 'Hồ sơ đang được cập nhật đồng thời, vui lòng thử lại.');
  }
}

/** Another change to the same dossier committed first: the command path decides again on what is stored now. */
export class VersionConflict extends Error {
  override name = 'VersionConflict';

  constructor(dossierId: number) {
    super(`dossier ${dossierId} changed concurrently`);
  }
}
