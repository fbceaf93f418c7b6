import type { DbClient } from "@onemap/db";
import { chinaDate } from "@onemap/domain";
import type { LiveStats } from "@onemap/shared";
import { type Actor, stationScope } from "../../actor";
import { createStatsRepository } from "./repository";

export function createStatsService({ db, now = () => new Date() }: { db: DbClient; now?: () => Date }) {
  const repository = createStatsRepository(db);
  return {
    async live(actor: Actor): Promise<LiveStats> {
      const scope = stationScope(actor);
      const day = chinaDate(now());
      // the day in China Standard Time, as UTC instants
      const from = new Date(`${day}T00:00:00+08:00`);
      const to = new Date(from.getTime() + 86_400_000);
      const [open, units, t] = await Promise.all([
        repository.openIncidents(scope),
        repository.unitsByStatus(scope),
        repository.callTimings(scope, from, to),
      ]);
      const count = <K extends string>(rows: { [key in K]: string }[], key: K) =>
        rows.reduce<Record<string, number>>((acc, r) => {
          acc[r[key]] = (acc[r[key]] ?? 0) + 1;
          return acc;
        }, {});
      const byStatus = Object.fromEntries(units.map((u) => [u.status, u._count._all]));
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
