// One scoped snapshot of everything a board draws at first paint. Queries run in parallel; each
// carries the caller's station scope.
import type { DbClient } from "@onemap/db";
import type { Board } from "@onemap/shared";
import { type Actor, stationScope } from "../../actor";
import type { DutyService } from "../duty/service";
import type { PostureService } from "../posture/service";
import { gridInclude, toCamera, toGrid, toIncidentSummary, toStation, toUnit, unitInclude } from "../resources/mappers";

const OPEN_STATUSES = ["NEW", "DISPATCHED", "ON_SCENE"] as const;

export function createBoardService(deps: { db: DbClient; duty: DutyService; posture: PostureService }) {
  const { db } = deps;
  return {
    async snapshot(actor: Actor): Promise<Board> {
      const scope = stationScope(actor);
      const [stations, departments, grids, cameras, units, incidents, posture, duty] = await Promise.all([
        db.station.findMany({ where: { kind: "POLICE_STATION", ...(scope ? { id: scope } : {}) }, orderBy: { code: "asc" } }),
        scope ? Promise.resolve([]) : db.station.findMany({ where: { kind: "HQ_UNIT" }, orderBy: { code: "asc" } }),
        db.grid.findMany({ where: scope ? { stationId: scope } : {}, include: gridInclude, orderBy: { code: "asc" } }),
        db.camera.findMany({ where: scope ? { stationId: scope } : {}, orderBy: { code: "asc" } }),
        db.unit.findMany({ where: scope ? { homeStationId: scope } : {}, include: unitInclude, orderBy: { callsign: "asc" } }),
        db.incident.findMany({
          where: { status: { in: [...OPEN_STATUSES] }, ...(scope ? { stationId: scope } : {}) },
          orderBy: { reportedAt: "desc" },
          take: 500,
        }),
        deps.posture.getPosture(),
        deps.duty.getDuty(),
      ]);
      return {
        stations: stations.map(toStation),
        departments: departments.map(toStation),
        grids: grids.map(toGrid),
        cameras: cameras.map(toCamera),
        units: units.map(toUnit),
        incidents: incidents.map(toIncidentSummary),
        posture,
        duty,
        generatedAt: new Date().toISOString(),
      };
    },
  };
}

export type BoardService = ReturnType<typeof createBoardService>;
