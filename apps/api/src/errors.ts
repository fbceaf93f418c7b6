// Typed domain errors. Services throw them; the one error handler (plugins/errors.ts) maps them to HTTP.
// Every one carries a stable code (packages/shared ERROR_CODES) the board translates: a class gives
// its generic one, `.coded()` names the particular refusal.
import type { ErrorCode, ErrorIssue } from "@onemap/shared";

export class DomainError extends Error {
  readonly statusCode: number;
  readonly error: string;
  code: ErrorCode;
  params?: Record<string, string | number>;
  constructor(statusCode: number, error: string, message: string, code: ErrorCode) {
    super(message);
    this.statusCode = statusCode;
    this.error = error;
    this.code = code;
  }

  /** names the refusal: `throw new ConflictError("…").coded("unit_taken", { … })` */
  coded(code: ErrorCode, params?: Record<string, string | number>): this {
    this.code = code;
    if (params) this.params = params;
    return this;
  }
}

export class BadRequestError extends DomainError {
  readonly issues: ErrorIssue[];
  constructor(message: string, issues: ErrorIssue[] = []) {
    super(400, "Bad Request", message, "invalid_input");
    this.issues = issues;
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = "sign in first") {
    super(401, "Unauthorized", message, "unauthorized");
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "your role may not do this") {
    super(403, "Forbidden", message, "forbidden");
  }
}

/** Also what a station chief gets for another station's object: it does not reveal that the object exists. */
export class NotFoundError extends DomainError {
  /** `what`: incident, unit, station… (the board names it in its language) */
  constructor(what: string, detail?: string) {
    super(404, "Not Found", `${what}${detail ? ` ${detail}` : ""} not found`, "not_found");
    this.params = { what };
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super(409, "Conflict", message, "conflict");
  }
}

/** Overload or a passing failure: the client should retry after `retryAfterS`. */
export class ServiceUnavailableError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterS: number,
  ) {
    super(503, "Service Unavailable", message, "unavailable");
  }
}

/** Too many requests from this client (a device reporting too often, sign-in back-off): retry after `retryAfterS`. */
export class TooManyRequestsError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterS: number,
  ) {
    super(429, "Too Many Requests", message, "too_many_requests");
  }
}
