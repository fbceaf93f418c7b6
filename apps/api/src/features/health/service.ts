import type { DbClient } from "@onemap/db";
import type { Health } from "@onemap/shared";
import type { FastifyBaseLogger } from "fastify";
import { createHealthRepository } from "./repository";

export function createHealthService({ db, log }: { db: DbClient; log: Pick<FastifyBaseLogger, "warn"> }) {
  const repo = createHealthRepository(db);
  return {
    /** a round trip to the database; an outage is an answer here (a 503 from the route), not an error */
    async checkDatabase(): Promise<Health["database"]> {
      const t0 = performance.now();
      try {
        await repo.ping();
        return { ok: true, latencyMs: Math.round((performance.now() - t0) * 100) / 100 };
      } catch (error) {
        log.warn({ err: error }, "health check: database unreachable");
        return { ok: false, latencyMs: null, error: "database unreachable" };
      }
    },
  };
}
