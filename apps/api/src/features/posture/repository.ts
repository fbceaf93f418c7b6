import type { DbClient, ResponseTier } from "@onemap/db";
import type { Tx } from "../../database";

// one county, one posture: the row with id 1
const COUNTY = 1;

export function createPostureRepository(db: DbClient) {
  return {
    /** runs `work` in one transaction; hand its `tx` to every write that must commit with the others */
    transaction: <T>(work: (tx: Tx) => Promise<T>) => db.$transaction(work),
    findPosture: () => db.posture.findUnique({ where: { id: COUNTY } }),
    findPostureLevel: (tx: Tx) => tx.posture.findUnique({ where: { id: COUNTY }, select: { level: true, reason: true } }),
    async savePosture(posture: { level: ResponseTier; reason: string; updatedById: string }, tx: Tx): Promise<void> {
      await tx.posture.upsert({ where: { id: COUNTY }, create: { id: COUNTY, ...posture }, update: posture });
    },
    /** `stationId`: only that station's grids */
    listUrbanGrids: (stationId: string | null) =>
      db.grid.findMany({
        where: { retiredAt: null, station: { urban: true }, ...(stationId ? { stationId } : {}) },
        select: { id: true, name: true, stationId: true, polygon: true },
        orderBy: { code: "asc" },
      }),
    /** where the units on patrol last reported from */
    listPatrolPositions: () =>
      db.unit.findMany({
        where: { status: "AVAILABLE", retiredAt: null, lastLat: { not: null }, lastLon: { not: null } },
        select: { lastLat: true, lastLon: true },
      }),
  };
}
