import { AuditPage, AuditQuery, ErrorBody } from "@onemap/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AuditService } from "./service";

export const auditRoutes: FastifyPluginAsyncZod<{ audit: AuditService }> = async (app, { audit }) => {
  app.get(
    "/api/audit",
    {
      onRequest: app.authorize(["ADMIN"]),
      schema: {
        tags: ["audit"],
        summary: "The audit (administrators): sign-ins, accounts, posture, roster, statuses, devices; newest first, paged",
        querystring: AuditQuery,
        response: { 200: AuditPage, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (request) => audit.list(request.query),
  );
};
