// One scoped snapshot of everything a board draws at first paint. Queries run in parallel; each
// carries the caller's station scope.
import type { DbClient } from "@onemap/db";
import type { Board } from "@onemap/shared";
import { type Actor, stationScope } from "../../actor";
import type { DutyService } from "../duty/service";
import type { PostureService } from "../posture/service";
import { toCamera, toGrid, toIncidentSummary, toStation, toUnit } from "../resources/mappers";
import { createBoardRepository } from "./repository";

export function createBoardService(deps: { db: DbClient; duty: DutyService; posture: PostureService }) {
  const repo = createBoardRepository(deps.db);
  return {
    async snapshot(actor: Actor): Promise<Board> {
      const scope = stationScope(actor);
      const [stations, departments, grids, cameras, units, incidents, posture, duty] = await Promise.all([
        repo.listPoliceStations(scope),
        scope ? Promise.resolve([]) : repo.listDepartments(),
        repo.listGrids(scope),
        repo.listCameras(scope),
        repo.listUnits(scope),
        repo.listOpenIncidents(scope),
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
