// Reads of the county's resources, scoped in the query: a station chief's `where` always carries
// their station, so another station's rows never leave the database.
import type { DbClient, Prisma } from "@onemap/db";
import { boundingBox, distanceMeters } from "@onemap/domain";
import type { CamerasQuery, Near, OfficersQuery, UnitsQuery } from "@onemap/shared";
import { type Actor, stationScope } from "../../actor";
import { NotFoundError } from "../../errors";
import { gridInclude, toCamera, toGrid, toOfficer, toStation, toUnit, unitInclude } from "./mappers";

function nearWhere(near: Near | undefined): { lat?: Prisma.FloatFilter; lon?: Prisma.FloatFilter } {
  if (!near) return {};
  const box = boundingBox(near, near.radiusM);
  return { lat: { gte: box.minLat, lte: box.maxLat }, lon: { gte: box.minLon, lte: box.maxLon } };
}

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

export function createResourceService({ db }: { db: DbClient }) {
  /** For a chief asking about another station: a 404 that does not reveal the station exists. */
  const assertStationVisible = (actor: Actor, stationId: string | undefined) => {
    const scope = stationScope(actor);
    if (scope && stationId && stationId !== scope) throw new NotFoundError("station");
  };

  return {
    async listStations(actor: Actor, query: { kind?: "POLICE_STATION" | "HQ_UNIT" | undefined }) {
      const scope = stationScope(actor);
      const rows = await db.station.findMany({
        where: { ...(scope ? { id: scope } : {}), ...(query.kind ? { kind: query.kind } : {}) },
        orderBy: [{ kind: "asc" }, { code: "asc" }],
      });
      return rows.map(toStation);
    },

    async getStation(actor: Actor, id: string) {
      const scope = stationScope(actor);
      const row = scope && scope !== id ? null : await db.station.findUnique({ where: { id } });
      if (!row) throw new NotFoundError("station");
      return toStation(row);
    },

    async listGrids(actor: Actor, query: { station?: string | undefined }) {
      assertStationVisible(actor, query.station);
      const scope = stationScope(actor);
      const rows = await db.grid.findMany({
        where: { ...(query.station ? { stationId: query.station } : {}), ...(scope ? { stationId: scope } : {}) },
        include: gridInclude,
        orderBy: { code: "asc" },
      });
      return rows.map(toGrid);
    },

    async getGrid(actor: Actor, id: string) {
      const scope = stationScope(actor);
      const row = await db.grid.findFirst({ where: { id, ...(scope ? { stationId: scope } : {}) }, include: gridInclude });
      if (!row) throw new NotFoundError("grid");
      return toGrid(row);
    },

    async listOfficers(actor: Actor, query: OfficersQuery) {
      assertStationVisible(actor, query.station);
      const scope = stationScope(actor);
      const rows = await db.officer.findMany({
        where: {
          ...(query.station ? { stationId: query.station } : {}),
          ...(scope ? { stationId: scope } : {}),
          ...(query.post ? { post: query.post } : {}),
          ...(query.auxiliary !== undefined ? { auxiliary: query.auxiliary } : {}),
        },
        orderBy: { badgeNo: "asc" },
        take: query.limit,
        skip: query.offset,
      });
      return rows.map(toOfficer);
    },

    async listUnits(actor: Actor, query: UnitsQuery) {
      assertStationVisible(actor, query.station);
      const scope = stationScope(actor);
      const box = nearWhere(query.near);
      const rows = await db.unit.findMany({
        where: {
          ...(query.kind ? { kind: { in: query.kind } } : {}),
          ...(query.status ? { status: { in: query.status } } : {}),
          ...(query.grid ? { gridId: query.grid } : {}),
          ...(query.station ? { homeStationId: query.station } : {}),
          ...(scope ? { homeStationId: scope } : {}),
          ...(box.lat ? { lastLat: box.lat, lastLon: box.lon } : {}),
        },
        include: unitInclude,
        orderBy: { callsign: "asc" },
      });
      return withinCircle(rows, query.near, (u) =>
        u.lastLat !== null && u.lastLon !== null ? { lat: u.lastLat, lon: u.lastLon } : null,
      ).map(toUnit);
    },

    async getUnit(actor: Actor, id: string) {
      const scope = stationScope(actor);
      const row = await db.unit.findFirst({ where: { id, ...(scope ? { homeStationId: scope } : {}) }, include: unitInclude });
      if (!row) throw new NotFoundError("unit");
      return toUnit(row);
    },

    async listCameras(actor: Actor, query: CamerasQuery) {
      assertStationVisible(actor, query.station);
      const scope = stationScope(actor);
      const rows = await db.camera.findMany({
        where: {
          ...(query.kind ? { kind: { in: query.kind } } : {}),
          ...(query.status ? { status: { in: query.status } } : {}),
          ...(query.grid ? { gridId: query.grid } : {}),
          ...(query.station ? { stationId: query.station } : {}),
          ...(scope ? { stationId: scope } : {}),
          ...nearWhere(query.near),
        },
        orderBy: { code: "asc" },
      });
      return withinCircle(rows, query.near, (c) => c).map(toCamera);
    },

    async getCamera(actor: Actor, id: string) {
      const scope = stationScope(actor);
      const row = await db.camera.findFirst({ where: { id, ...(scope ? { stationId: scope } : {}) } });
      if (!row) throw new NotFoundError("camera");
      return toCamera(row);
    },
  };
}

export type ResourceService = ReturnType<typeof createResourceService>;
