import type { DbClient } from "@onemap/db";
import { Health } from "@onemap/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { createHealthService } from "./service";

const startedAt = Date.now();

export const healthRoutes: FastifyPluginAsyncZod<{
  db: DbClient;
  embeddedDatabase: boolean;
  version: string;
  relay: () => { configured: boolean; ok: boolean };
}> = async (app, opts) => {
  const health = createHealthService({ db: opts.db, log: app.log });
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
      const database = await health.checkDatabase();
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
