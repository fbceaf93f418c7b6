import type { ErrorBody } from "@onemap/shared";
import type { FastifyError, FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { BadRequestError, DomainError, ServiceUnavailableError, TooManyRequestsError } from "../errors";

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
        const missing = (v.params as { missingProperty?: string } | undefined)?.missingProperty;
        return { path: missing ? `${path}.${missing}` : path, message: v.message ?? "invalid" };
      });
      const body: ErrorBody = {
        statusCode: 400,
        error: "Bad Request",
        message: issues.map((i) => `${i.path}: ${i.message}`).join("; "),
        requestId,
        issues,
      };
      return reply.status(400).send(body);
    }
    if (error instanceof DomainError) {
      const body: ErrorBody = { statusCode: error.statusCode, error: error.error, message: error.message, requestId };
      if (error instanceof BadRequestError && error.issues.length > 0) body.issues = error.issues;
      if (error.code) body.code = error.code;
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
