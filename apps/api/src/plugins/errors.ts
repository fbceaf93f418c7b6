import { type ErrorBody, type ErrorCode, type ErrorIssue, FIELD_MESSAGES, fieldMessageKey } from "@onemap/shared";
import type { FastifyError, FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { BadRequestError, DomainError, ServiceUnavailableError, TooManyRequestsError } from "../errors";

/** fastify's own refusals, named by status */
const FASTIFY_CODES: Record<number, ErrorCode> = {
  404: "not_found",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "too_many_requests",
};

/**
 * One field issue with a stable code: a shared schema's own message becomes `field:<key>`; zod's
 * built-in ones keep their code and facts (minimum, format…) so a board can say them in its language.
 */
function issueOf(path: string, message: string, code: string, params: Record<string, unknown>): ErrorIssue {
  const key = fieldMessageKey(message);
  if (key) return { path, message, code: `field:${key}` };
  const facts = Object.fromEntries(
    Object.entries(params).filter(([k, v]) => k !== "input" && k !== "missingProperty" && (typeof v !== "object" || Array.isArray(v))),
  );
  return { path, message, code, ...(Object.keys(facts).length > 0 ? { params: facts } : {}) };
}

/** true when the request has nothing at `body.a.b` (the path of an issue) */
function absent(request: FastifyRequest, path: string): boolean {
  const [part, ...keys] = path.split(".");
  if (keys.length === 0) return false;
  let at: unknown = (request as unknown as Record<string, unknown>)[part ?? ""];
  for (const key of keys) {
    if (at === null || typeof at !== "object") return false;
    at = (at as Record<string, unknown>)[key];
  }
  return at === undefined;
}

/** The one error handler: domain errors and validation to 4xx with the reason; anything else a 500 that reveals nothing. */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const requestId = request.id;
    if (error.validation) {
      const where = error.validationContext ?? "request";
      const issues = error.validation.map((v) => {
        const path = [
          where,
          ...String(v.instancePath ?? "")
            .split("/")
            .filter(Boolean),
        ].join(".");
        const params = (v.params ?? {}) as Record<string, unknown>;
        const missing = typeof params.missingProperty === "string" ? params.missingProperty : undefined;
        const field = missing ? `${path}.${missing}` : path;
        // a field left out is "required", whatever check it then failed
        if (absent(request, field)) return { path: field, message: FIELD_MESSAGES.required, code: "field:required" };
        return issueOf(field, v.message ?? "invalid", String(v.keyword ?? "custom"), params);
      });
      const body: ErrorBody = {
        statusCode: 400,
        error: "Bad Request",
        message: issues.map((i) => `${i.path}: ${i.message}`).join("; "),
        requestId,
        issues,
        code: "invalid_input",
      };
      return reply.status(400).send(body);
    }
    if (error instanceof DomainError) {
      const body: ErrorBody = { statusCode: error.statusCode, error: error.error, message: error.message, requestId, code: error.code };
      if (error instanceof BadRequestError && error.issues.length > 0)
        body.issues = error.issues.map((i) => (i.code ? i : issueOf(i.path, i.message, "custom", i.params ?? {})));
      if (error.params) body.params = error.params;
      if (error instanceof ServiceUnavailableError || error instanceof TooManyRequestsError)
        reply.header("retry-after", String(error.retryAfterS));
      return reply.status(error.statusCode).send(body);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // fastify's own 4xx (bad JSON, body too large, rate limited…): their messages are safe to show
      const body: ErrorBody = {
        statusCode: status,
        error: error.name === "FastifyError" ? "Bad Request" : (error.code ?? "Error"),
        message: error.message,
        requestId,
        code: FASTIFY_CODES[status] ?? "bad_request",
      };
      return reply.status(status).send(body);
    }
    request.log.error({ err: error }, "unhandled error");
    const body: ErrorBody = {
      statusCode: 500,
      error: "Internal Server Error",
      message: "internal error; quote the request id when reporting it",
      requestId,
    };
    return reply.status(500).send(body);
  });
});
