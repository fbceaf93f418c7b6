// The county-wide posture (社会治安防控等级) and what it demands: a minimum of units patrolling each
// urban grid. Coverage counts the units on patrol whose last position lies inside the grid.
import type { DbClient } from "@onemap/db";
import { MINIMUM_UNITS_PER_URBAN_GRID, pointInPolygon } from "@onemap/domain";
import type { GeoJsonPolygon, Posture, PostureDetail, ResponseTier } from "@onemap/shared";
import type { Actor } from "../../actor";
import type { BoardEvents } from "../../plugins/board-events";
import type { AuditService } from "../audit/service";
import { createPostureRepository } from "./repository";

export function createPostureService({
  db,
  events,
  audit,
}: {
  db: DbClient;
  events?: Pick<BoardEvents, "postureChanged">;
  audit?: AuditService;
}) {
  const repo = createPostureRepository(db);
  async function getPosture(): Promise<Posture> {
    // the row exists once migrations and the seed ran; a blank database reads as routine
    const row = await repo.findPosture();
    return { level: row?.level ?? "ROUTINE", reason: row?.reason ?? null, updatedAt: (row?.updatedAt ?? new Date(0)).toISOString() };
  }

  /** The posture with every urban grid's coverage; `stationId`: only that station's grids (a chief's view). */
  async function getDetail(stationId: string | null = null): Promise<PostureDetail> {
    const [posture, grids, units] = await Promise.all([getPosture(), repo.listUrbanGrids(stationId), repo.listPatrolPositions()]);
    const minimum = MINIMUM_UNITS_PER_URBAN_GRID[posture.level];
    return {
      ...posture,
      minimumUnitsPerUrbanGrid: minimum,
      grids: grids.map((g) => {
        const polygon = g.polygon as unknown as GeoJsonPolygon;
        const patrolling = units.filter((u) => pointInPolygon({ lat: u.lastLat as number, lon: u.lastLon as number }, polygon)).length;
        return { gridId: g.id, name: g.name, stationId: g.stationId, patrolling, minimum, underMinimum: patrolling < minimum };
      }),
    };
  }

  let watcher: NodeJS.Timeout | undefined;
  let lastUnder: string | null = null;
  /** Re-checks coverage and tells the boards when the set of grids under the minimum changes. */
  async function checkCoverage(): Promise<void> {
    const detail = await getDetail();
    const under = detail.grids
      .filter((g) => g.underMinimum)
      .map((g) => g.gridId)
      .join(",");
    const key = `${detail.level}:${under}`;
    if (lastUnder !== null && key !== lastUnder) events?.postureChanged(detail);
    lastUnder = key;
  }

  return {
    getPosture,
    getDetail,
    checkCoverage,
    /** every `everyMs`, a coverage check (each API process runs its own; boards treat the event as state, so a repeat is harmless) */
    watch(everyMs: number, onError: (error: unknown) => void) {
      watcher = setInterval(() => void checkCoverage().catch(onError), everyMs);
      watcher.unref();
    },
    stop() {
      clearInterval(watcher);
    },
    async setPosture(actor: Actor, level: ResponseTier, reason: string, ip: string | null = null): Promise<PostureDetail> {
      await repo.transaction(async (tx) => {
        const before = await repo.findPostureLevel(tx);
        await repo.savePosture({ level, reason, updatedById: actor.userId }, tx);
        await audit?.record(
          { actor, ip, action: "posture.changed", targetType: "posture", targetId: "1", before, after: { level, reason } },
          tx,
        );
      });
      const detail = await getDetail();
      lastUnder = `${detail.level}:${detail.grids
        .filter((g) => g.underMinimum)
        .map((g) => g.gridId)
        .join(",")}`;
      events?.postureChanged(detail);
      return detail;
    },
  };
}

export type PostureService = ReturnType<typeof createPostureService>;
