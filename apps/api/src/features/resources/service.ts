// Reads of the county's resources, scoped in the query: a station chief's `where` always carries
// their station, so another station's rows never leave the database.
import type { DbClient } from "@onemap/db";
import { distanceMeters } from "@onemap/domain";
import type { CamerasQuery, Near, OfficersQuery, StationsQuery, UnitsQuery } from "@onemap/shared";
import { type Actor, stationScope } from "../../actor";
import { NotFoundError } from "../../errors";
import { toCamera, toGrid, toOfficer, toStation, toUnit } from "./mappers";
import { createResourceRepository } from "./repository";

/** The exact circle after the bounding-box pre-filter, nearest first. */
function withinCircle<T>(rows: T[], near: Near | undefined, at: (row: T) => { lat: number; lon: number } | null): T[] {
  if (!near) return rows;
  return rows
    .map((row) => ({ row, p: at(row) }))
    .map(({ row, p }) => ({ row, d: p ? distanceMeters(near, p) : Number.POSITIVE_INFINITY }))
    .filter(({ d }) => d <= near.radiusM)
    .sort((a, b) => a.d - b.d)
    .map(({ row }) => row);
}

/** a page of what the exact circle kept (with `near`, the database cannot page) */
const pageOf = <T>(rows: T[], query: { limit?: number | undefined; offset: number }) =>
  rows.slice(query.offset, query.limit === undefined ? undefined : query.offset + query.limit);

export function createResourceService({ db }: { db: DbClient }) {
  const repo = createResourceRepository(db);
  /** For a chief asking about another station: a 404 that does not reveal the station exists. */
  const assertStationVisible = (actor: Actor, stationId: string | undefined) => {
    const scope = stationScope(actor);
    if (scope && stationId && stationId !== scope) throw new NotFoundError("station");
  };

  return {
    /** one page (every station without `limit`) and the count of every match */
    async listStations(actor: Actor, query: StationsQuery) {
      const [rows, total] = await repo.listStations(stationScope(actor), query);
      return { rows: rows.map(toStation), total };
    },

    async getStation(actor: Actor, id: string) {
      const row = await repo.findStation(id, stationScope(actor));
      if (!row) throw new NotFoundError("station");
      return toStation(row);
    },

    async listGrids(actor: Actor, query: { station?: string | undefined; retired?: boolean | undefined }) {
      assertStationVisible(actor, query.station);
      return (await repo.listGrids(stationScope(actor), query.station, query.retired)).map(toGrid);
    },

    async getGrid(actor: Actor, id: string) {
      const row = await repo.findGrid(id, stationScope(actor));
      if (!row) throw new NotFoundError("grid");
      return toGrid(row);
    },

    /** one page and the count of every match */
    async listOfficers(actor: Actor, query: OfficersQuery) {
      assertStationVisible(actor, query.station);
      const [rows, total] = await repo.listOfficers(stationScope(actor), query);
      return { rows: rows.map(toOfficer), total };
    },

    async listUnits(actor: Actor, query: UnitsQuery) {
      assertStationVisible(actor, query.station);
      const [rows, total] = await repo.listUnits(stationScope(actor), query);
      if (!query.near) return { rows: rows.map(toUnit), total };
      const near = withinCircle(rows, query.near, (u) =>
        u.lastLat !== null && u.lastLon !== null ? { lat: u.lastLat, lon: u.lastLon } : null,
      );
      return { rows: pageOf(near, query).map(toUnit), total: near.length };
    },

    async getUnit(actor: Actor, id: string) {
      const row = await repo.findUnit(id, stationScope(actor));
      if (!row) throw new NotFoundError("unit");
      return toUnit(row);
    },

    async listCameras(actor: Actor, query: CamerasQuery) {
      assertStationVisible(actor, query.station);
      const [rows, total] = await repo.listCameras(stationScope(actor), query);
      if (!query.near) return { rows: rows.map(toCamera), total };
      const near = withinCircle(rows, query.near, (c) => c);
      return { rows: pageOf(near, query).map(toCamera), total: near.length };
    },

    async getCamera(actor: Actor, id: string) {
      const row = await repo.findCamera(id, stationScope(actor));
      if (!row) throw new NotFoundError("camera");
      return toCamera(row);
    },
  };
}

export type ResourceService = ReturnType<typeof createResourceService>;
