import type { DbClient } from "@onemap/db";
import { chinaDate, OPEN_INCIDENT_STATUSES } from "@onemap/domain";
import type { LiveStats } from "@onemap/shared";
import { type Actor, stationScope } from "../../actor";

export function createStatsService({ db, now = () => new Date() }: { db: DbClient; now?: () => Date }) {
  return {
    async live(actor: Actor): Promise<LiveStats> {
      const scope = stationScope(actor);
      const day = chinaDate(now());
      // the day in China Standard Time, as UTC instants
      const from = new Date(`${day}T00:00:00+08:00`);
      const to = new Date(from.getTime() + 86_400_000);
      const [open, units, timings] = await Promise.all([
        db.incident.findMany({
          where: { status: { in: [...OPEN_INCIDENT_STATUSES] }, ...(scope ? { stationId: scope } : {}) },
          select: { status: true, tier: true, category: true },
        }),
        db.unit.groupBy({ by: ["status"], where: scope ? { homeStationId: scope } : {}, _count: { _all: true } }),
        db.$queryRaw<{ incidents: number; dispatched: number; median: number | null; p90: number | null }[]>`
          SELECT count(*)::int AS incidents, count("dispatchedAt")::int AS dispatched,
                 percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "dispatchedAt" - "callStartedAt")) AS median,
                 percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM "dispatchedAt" - "callStartedAt")) AS p90
            FROM "Incident"
           WHERE "reportedAt" >= ${from} AND "reportedAt" < ${to} AND (${scope}::text IS NULL OR "stationId" = ${scope})`,
      ]);
      const count = <K extends string>(rows: { [key in K]: string }[], key: K) =>
        rows.reduce<Record<string, number>>((acc, r) => {
          acc[r[key]] = (acc[r[key]] ?? 0) + 1;
          return acc;
        }, {});
      const byStatus = Object.fromEntries(units.map((u) => [u.status, u._count._all]));
      const t = timings[0];
      const round = (n: number | null | undefined) => (n === null || n === undefined ? null : Math.round(Number(n)));
      return {
        openIncidents: {
          total: open.length,
          byStatus: count(open, "status"),
          byTier: count(open, "tier"),
          byCategory: count(open, "category"),
        },
        units: { available: byStatus.AVAILABLE ?? 0, byStatus },
        today: {
          date: day,
          incidents: t?.incidents ?? 0,
          dispatched: t?.dispatched ?? 0,
          medianCallToDispatchS: round(t?.median),
          p90CallToDispatchS: round(t?.p90),
        },
      };
    },
  };
}
