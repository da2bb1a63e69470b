import { NotFound } from '../errors.js';

/** Errors of the catalogue room, each with its stable code and its message in one place. */
export class ProcedureNotFound extends NotFound {
  constructor(code: string) {
    super('unknown-procedure', `Không có thủ tục hành chính mã "${code}".`);
  }
}

export class VersionNotFound extends NotFound {
  constructor(procedureCode: string, number: number) {
    super('unknown-version', `Thủ tục "${procedureCode}" không có phiên bản quy trình số ${number}.`);
  }
}
