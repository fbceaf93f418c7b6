// The reads and writes of grids drawn on the map and imported as GeoJSON (issue 12): every grid in
// service with its polygon, and what a GeoJSON feature names by code (station, owner, grid).
import type { GeoJsonPolygon } from "@onemap/shared";
import type { Tx } from "../../database";

/** a grid in service as the overlap, gap and placement rules read it */
export type GridShape = { id: string; code: string; name: string; polygon: GeoJsonPolygon };

const inService = { retiredAt: null };

/** each read runs in the caller's transaction (AdministrationRepository.transaction) */
export const gridsRepository = {
  /**
   * every grid in service, polygons included, read in the transaction that saves a grid: its warnings
   * must see another process's edit of a moment ago, which the grid cache may not yet
   */
  gridsInService: async (tx: Tx): Promise<GridShape[]> =>
    (
      await tx.grid.findMany({ where: inService, select: { id: true, code: true, name: true, polygon: true }, orderBy: { code: "asc" } })
    ).map((g) => ({ ...g, polygon: g.polygon as unknown as GeoJsonPolygon })),
  /** the export: every grid in service with its station's code and its owner's badge number */
  gridsForExport: (tx: Tx) =>
    tx.grid.findMany({
      where: inService,
      select: { code: true, name: true, polygon: true, station: { select: { code: true } }, owner: { select: { badgeNo: true } } },
      orderBy: { code: "asc" },
    }),
  /** the grids (in service or retired: a code is the county's once) with these codes */
  gridsByCode: (tx: Tx, codes: readonly string[]) =>
    tx.grid.findMany({
      where: { code: { in: [...codes] } },
      select: { id: true, code: true, name: true, ownerOfficerId: true, retiredAt: true },
    }),
  policeStationsByCode: (tx: Tx, codes: readonly string[]) =>
    tx.station.findMany({ where: { code: { in: [...codes] }, kind: "POLICE_STATION", ...inService }, select: { id: true, code: true } }),
  officersByBadge: (tx: Tx, badges: readonly string[]) =>
    tx.officer.findMany({
      where: { badgeNo: { in: [...badges] }, ...inService },
      select: { id: true, badgeNo: true, name: true, stationId: true },
    }),
  /** the grid (in service or retired: the owner is unique over both) each of these officers owns */
  gridsOwnedBy: (tx: Tx, officerIds: readonly string[]) =>
    tx.grid.findMany({ where: { ownerOfficerId: { in: [...officerIds] } }, select: { code: true, ownerOfficerId: true } }),
};
