import { DomainError, type ProblemExtras } from '../errors.js';

/**
 * A code that names no unit, with one code and message: 404 where the unit is what was asked for, 422 where a request
 * names it (receipt, import, a procedure's department), 400 in an account.
 */
export class UnknownUnit extends DomainError {
  constructor(code: string, status: 400 | 404 | 422 = 422, details?: ProblemExtras) {
    super(status, 'unknown-unit', `Không có đơn vị mã "${code}".`, details);
  }
}
