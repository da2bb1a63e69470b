/**
 * Errors the domain raises on purpose. Each carries its HTTP status and a message a person can act on
 * (Vietnamese, the language of the system's users); the HTTP layer turns them into problem+json.
 */
/** What a problem can carry besides its message: field errors of a form, findings of a diagram. */
export interface ProblemExtras {
  errors?: { field: string; message: string }[];
  findings?: { rule: string; elementId: string | null; message: string; messageEn?: string; severity: string }[];
}

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ProblemExtras,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequest extends DomainError {
  constructor(code: string, message: string, details?: ProblemExtras) {
    super(400, code, message, details);
  }
}

export class Unauthorized extends DomainError {
  constructor(message = 'Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn.') {
    super(401, 'unauthorized', message);
  }
}

export class Forbidden extends DomainError {
  constructor(message = 'Bạn không có quyền thực hiện thao tác này.') {
    super(403, 'forbidden', message);
  }
}

export class NotFound extends DomainError {
  constructor(code: string, message: string) {
    super(404, code, message);
  }
}

/** A dossier that does not exist, or that the caller may not see: the same answer for both, so codes cannot be probed. */
export class DossierNotFound extends NotFound {
  constructor(code: string) {
    super('unknown-dossier', `Không tìm thấy hồ sơ mã "${code}".`);
  }
}

export class Conflict extends DomainError {
  constructor(code: string, message: string) {
    super(409, code, message);
  }
}

export class Unprocessable extends DomainError {
  constructor(code: string, message: string, details?: ProblemExtras) {
    super(422, code, message, details);
  }
}

export class PayloadTooLarge extends DomainError {
  constructor(code: string, message: string) {
    super(413, code, message);
  }
}

export class UnsupportedMediaType extends DomainError {
  constructor(code: string, message: string) {
    super(415, code, message);
  }
}
