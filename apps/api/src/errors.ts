// Typed domain errors. Services throw them; the one error handler (plugins/errors.ts) maps them to HTTP.
/** A refusal's stable name and facts, sent beside the English message (see ErrorBody). */
export interface ErrorCode {
  code: string;
  params?: Record<string, string | number>;
}

export class DomainError extends Error {
  readonly statusCode: number;
  readonly error: string;
  code?: string;
  params?: Record<string, string | number>;
  constructor(statusCode: number, error: string, message: string) {
    super(message);
    this.statusCode = statusCode;
    this.error = error;
  }

  /** names the refusal: `throw new ConflictError("…").coded("unit_taken", { … })` */
  coded(code: string, params?: Record<string, string | number>): this {
    this.code = code;
    if (params) this.params = params;
    return this;
  }
}

export class BadRequestError extends DomainError {
  readonly issues: { path: string; message: string }[];
  constructor(message: string, issues: { path: string; message: string }[] = []) {
    super(400, "Bad Request", message);
    this.issues = issues;
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = "sign in first") {
    super(401, "Unauthorized", message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "your role may not do this") {
    super(403, "Forbidden", message);
  }
}

/** Also what a station chief gets for another station's object: it does not reveal that the object exists. */
export class NotFoundError extends DomainError {
  constructor(what: string) {
    super(404, "Not Found", `${what} not found`);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super(409, "Conflict", message);
  }
}

export class LockedError extends DomainError {
  constructor(message: string) {
    super(423, "Locked", message);
  }
}

/** Overload or a passing failure: the client should retry after `retryAfterS`. */
export class ServiceUnavailableError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterS: number,
  ) {
    super(503, "Service Unavailable", message);
  }
}

/** Too many requests from this client (a device reporting too often, sign-in back-off): retry after `retryAfterS`. */
export class TooManyRequestsError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterS: number,
  ) {
    super(429, "Too Many Requests", message);
  }
}
