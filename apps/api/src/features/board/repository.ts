import type { DbClient } from "@onemap/db";
import { OPEN_INCIDENT_STATUSES } from "@onemap/shared";
import { gridInclude, unitInclude } from "../resources/mappers";

/** Every read carries the caller's station scope (null: the whole county). Retired resources are not drawn. */
export function createBoardRepository(db: DbClient) {
  return {
    listPoliceStations: (scope: string | null) =>
      db.station.findMany({
        where: { kind: "POLICE_STATION", retiredAt: null, ...(scope ? { id: scope } : {}) },
        orderBy: { code: "asc" },
      }),
    listDepartments: () => db.station.findMany({ where: { kind: "HQ_UNIT", retiredAt: null }, orderBy: { code: "asc" } }),
    listGrids: (scope: string | null) =>
      db.grid.findMany({
        where: { retiredAt: null, ...(scope ? { stationId: scope } : {}) },
        include: gridInclude,
        orderBy: { code: "asc" },
      }),
    listCameras: (scope: string | null) =>
      db.camera.findMany({ where: { retiredAt: null, ...(scope ? { stationId: scope } : {}) }, orderBy: { code: "asc" } }),
    listUnits: (scope: string | null) =>
      db.unit.findMany({
        where: { retiredAt: null, ...(scope ? { homeStationId: scope } : {}) },
        include: unitInclude,
        orderBy: { callsign: "asc" },
      }),
    listOpenIncidents: (scope: string | null) =>
      db.incident.findMany({
        where: { status: { in: [...OPEN_INCIDENT_STATUSES] }, ...(scope ? { stationId: scope } : {}) },
        orderBy: { reportedAt: "desc" },
        take: 500,
      }),
  };
}
