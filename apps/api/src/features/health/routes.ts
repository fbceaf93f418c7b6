import type { DbClient } from "@onemap/db";
import { Health } from "@onemap/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

const startedAt = Date.now();

export const healthRoutes: FastifyPluginAsyncZod<{
  db: DbClient;
  embeddedDatabase: boolean;
  version: string;
  relay: () => { configured: boolean; ok: boolean };
}> = async (app, opts) => {
  app.get(
    "/api/health",
    {
      schema: {
        tags: ["health"],
        summary: "Liveness, database reachability (503 when the database is down) and the relay between API processes (degraded when down)",
        response: { 200: Health, 503: Health },
      },
    },
    async (_request, reply) => {
      const t0 = performance.now();
      let database: Health["database"];
      try {
        await opts.db.$queryRaw`SELECT 1`;
        database = { ok: true, latencyMs: Math.round((performance.now() - t0) * 100) / 100 };
      } catch (error) {
        app.log.warn({ err: error }, "health check: database unreachable");
        database = { ok: false, latencyMs: null, error: "database unreachable" };
      }
      const relay = opts.relay();
      const body: Health = {
        status: database.ok && relay.ok ? "ok" : "degraded",
        database,
        relay,
        embeddedDatabase: opts.embeddedDatabase,
        version: opts.version,
        uptimeS: Math.round((Date.now() - startedAt) / 1000),
      };
      return reply.status(database.ok ? 200 : 503).send(body);
    },
  );
};
