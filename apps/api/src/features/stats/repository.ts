// All of the stats feature's SQL: counts over the open incidents, the units and the day's calls.
import type { DbClient } from "@onemap/db";
import { OPEN_INCIDENT_STATUSES } from "@onemap/shared";

export function createStatsRepository(db: DbClient) {
  return {
    openIncidents(scope: string | null) {
      return db.incident.findMany({
        where: { status: { in: [...OPEN_INCIDENT_STATUSES] }, ...(scope ? { stationId: scope } : {}) },
        select: { status: true, tier: true, category: true },
      });
    },

    unitsByStatus(scope: string | null) {
      return db.unit.groupBy({
        by: ["status"],
        where: { retiredAt: null, ...(scope ? { homeStationId: scope } : {}) },
        _count: { _all: true },
      });
    },

    /** calls taken in [from, to), how many were dispatched, and the median and 90th percentile of call → dispatch (s) */
    async callTimings(scope: string | null, from: Date, to: Date) {
      const [t] = await db.$queryRaw<{ incidents: number; dispatched: number; median: number | null; p90: number | null }[]>`
        SELECT count(*)::int AS incidents, count("dispatchedAt")::int AS dispatched,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "dispatchedAt" - "callStartedAt")) AS median,
               percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM "dispatchedAt" - "callStartedAt")) AS p90
          FROM "Incident"
         WHERE "reportedAt" >= ${from} AND "reportedAt" < ${to} AND (${scope}::text IS NULL OR "stationId" = ${scope})`;
      return t;
    },
  };
}
