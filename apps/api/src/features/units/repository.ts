import type { DbClient, UnitStatus } from "@onemap/db";
import { unitInclude } from "../resources/mappers";

export function createUnitRepository(db: DbClient) {
  return {
    findUnit: (unitId: string, scope: string | null) =>
      db.unit.findFirst({ where: { id: unitId, ...(scope ? { homeStationId: scope } : {}) } }),
    getUnit: (unitId: string) => db.unit.findUniqueOrThrow({ where: { id: unitId }, include: unitInclude }),
    /** only at the version the caller saw; false when someone changed the unit since */
    async setUnitStatus(unitId: string, version: number, status: UnitStatus): Promise<boolean> {
      const result = await db.unit.updateMany({ where: { id: unitId, version }, data: { status, version: { increment: 1 } } });
      return result.count > 0;
    },
  };
}
