import { AuditExportQuery, AuditPage, AuditQuery, ErrorBody } from "@onemap/shared";
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

  app.get(
    "/api/audit/export",
    {
      onRequest: app.authorize(["ADMIN"]),
      schema: {
        tags: ["audit"],
        summary: "The audit as an .xlsx (administrators): the list's filters, newest first, at most 50,000 entries (the newest)",
        querystring: AuditExportQuery,
        // 200 is the workbook's bytes, not JSON
        response: { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (request, reply) => {
      const file = await audit.exportWorkbook(request.query);
      return (
        reply
          .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .header("content-disposition", `attachment; filename="${file.filename}"`)
          .header("cache-control", "no-store")
          .header("x-audit-rows", String(file.rows))
          .header("x-audit-truncated", String(file.truncated))
          // the typed send knows the JSON refusals only; a Buffer goes out as it is, never through the serializer
          .send(file.body as never)
      );
    },
  );
};
