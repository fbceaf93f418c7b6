import multipart from "@fastify/multipart";
import { CountyImportResult, ErrorBody, FIELD_MESSAGES, WorkbookRefusal } from "@onemap/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { BadRequestError, DomainError } from "../../errors";
import { actorOf } from "../../plugins/auth";
import type { CountyService } from "./service";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** a county's workbook is well under 1 MB (the demo county: about 100 KB); 20 MB leaves room for detailed grids */
const MAX_WORKBOOK_BYTES = 20 * 1024 * 1024;

/** The county workbook: administrators only (it holds every officer's phone and every device's identifier). */
export const countyRoutes: FastifyPluginAsyncZod<{ county: CountyService }> = async (app, { county }) => {
  // only here: no other route takes a file
  await app.register(multipart, { limits: { fileSize: MAX_WORKBOOK_BYTES, files: 1, fields: 0, parts: 1 } });
  app.addHook("onRequest", app.authorize(["ADMIN"]));
  const refusals = { 401: ErrorBody, 403: ErrorBody };
  // sent as it is: fastify never serialises a Buffer
  const workbook = { 200: z.custom<Buffer>(() => true).describe("an xlsx workbook"), ...refusals };
  const download = (name: string) => ({
    "content-type": XLSX,
    // the Chinese name for the people who open it, an ASCII one for clients that cannot read RFC 5987
    "content-disposition": `attachment; filename="county-${name}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${name === "template" ? "县局资源导入模板" : "县局资源"}.xlsx`)}`,
  });

  app.get(
    "/api/county/export",
    {
      schema: {
        tags: ["county"],
        summary: "The whole county as one xlsx workbook: a sheet per resource, Chinese headers (devices without tokens)",
        produces: [XLSX],
        response: workbook,
      },
    },
    async (_request, reply) => reply.headers(download("export")).send(await county.exportWorkbook()),
  );
  app.get(
    "/api/county/template",
    {
      schema: {
        tags: ["county"],
        summary: "The county workbook with its headers and no rows: each header's note says what goes in it",
        produces: [XLSX],
        response: workbook,
      },
    },
    async (_request, reply) => reply.headers(download("template")).send(await county.template()),
  );
  app.post(
    "/api/county/import",
    {
      bodyLimit: MAX_WORKBOOK_BYTES + 64 * 1024,
      schema: {
        tags: ["county"],
        summary:
          "Import a county workbook (multipart, one xlsx file): every row is checked first; all is written or nothing. Rows are matched by natural key; nothing is deleted",
        consumes: ["multipart/form-data"],
        response: { 200: CountyImportResult, 400: WorkbookRefusal, ...refusals, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart())
        throw new DomainError(415, "Unsupported Media Type", "send the workbook as multipart/form-data", "unsupported_media_type");
      const part = await request.file();
      if (!part) throw new BadRequestError("attach the workbook as a file", [{ path: "body.file", message: FIELD_MESSAGES.required }]);
      const outcome = await county.importWorkbook(await part.toBuffer(), { actor: actorOf(request), ip: request.ip });
      if (outcome.ok) return outcome.result;
      return reply.status(400).send({
        statusCode: 400,
        error: "Bad Request",
        message: outcome.message,
        requestId: request.id,
        code: outcome.code,
        ...(outcome.code === "workbook_invalid" ? { workbookIssues: outcome.issues } : {}),
      });
    },
  );
};
