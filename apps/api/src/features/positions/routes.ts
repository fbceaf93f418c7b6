import { DevicePositionsBody, DevicePositionsResult, ErrorBody, IdParams, IngestStats, Track, TrackQuery } from "@onemap/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf, bearerOf } from "../../plugins/auth";
import type { PositionPipeline } from "./pipeline";
import type { IngestService } from "./service";
import type { TrackService } from "./track";

const ingestErrors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 413: ErrorBody, 429: ErrorBody, 503: ErrorBody };

/** Device ingest. Devices are known by their token (DEVICE_AUTH=token), not by a session. */
export const ingestRoutes: FastifyPluginAsyncZod<{ ingest: IngestService }> = async (app, { ingest }) => {
  // The OsmAnd endpoint takes whatever the clients send (query string with an empty body, a form,
  // or JSON) and parses it itself; this parser applies inside this plugin only.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "string", bodyLimit: 64 * 1024 }, (_request, body, done) => done(null, body));

  for (const method of ["GET", "POST"] as const) {
    app.route({
      method,
      url: "/ingest/osmand",
      schema: {
        tags: ["devices"],
        summary:
          "One fix in the OsmAnd / Traccar Client protocol (query string, form body, or Traccar Client JSON); the device's token as `key` in the query string, or Authorization: Bearer",
        response: { 200: DevicePositionsResult, ...ingestErrors },
      },
      handler: async (request) =>
        ingest.ingestOsmAnd({
          query: request.query as Record<string, string | string[] | undefined>,
          contentType: request.headers["content-type"],
          body: typeof request.body === "string" ? request.body : undefined,
          bearer: bearerOf(request),
        }),
    });
  }
};

export const devicePositionRoutes: FastifyPluginAsyncZod<{ ingest: IngestService; pipeline: PositionPipeline }> = async (
  app,
  { ingest, pipeline },
) => {
  app.post(
    "/api/devices/positions",
    {
      bodyLimit: 512 * 1024,
      schema: {
        tags: ["devices"],
        summary: "A batch of fixes from a device or gateway (Authorization: Bearer <token>; at most 1000; all stored or none)",
        body: DevicePositionsBody,
        response: { 200: DevicePositionsResult, ...ingestErrors },
      },
    },
    async (request) => ingest.ingestBatch(request.body.positions, bearerOf(request)),
  );

  app.get(
    "/api/devices/ingest-stats",
    {
      onRequest: app.authorize(["ADMIN"]),
      schema: {
        tags: ["devices"],
        summary: "This process's ingest counters, with the unknown device ids that tried to report (administrators)",
        response: { 200: IngestStats, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async () => ingest.stats(pipeline.pending, pipeline.stats.overloaded),
  );
};

export const trackRoutes: FastifyPluginAsyncZod<{ track: TrackService }> = async (app, { track }) => {
  app.get(
    "/api/units/:id/track",
    {
      onRequest: app.authorize(),
      schema: {
        tags: ["resources"],
        summary: "A unit's position history for playback (thinned evenly in time beyond maxPoints)",
        params: IdParams,
        querystring: TrackQuery,
        response: { 200: Track, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => track.track(actorOf(request), request.params.id, request.query),
  );
};
