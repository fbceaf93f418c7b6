// Every read takes the caller's station scope (null: the whole county) into its `where`, so another
// station's rows never leave the database.
import type { DbClient, Prisma, StationKind } from "@onemap/db";
import { boundingBox } from "@onemap/domain";
import type { CamerasQuery, Near, OfficersQuery, UnitsQuery } from "@onemap/shared";
import { gridInclude, unitInclude } from "./mappers";

/** the bounding box of the circle: an index-friendly pre-filter; the service keeps the exact circle */
function nearWhere(near: Near | undefined): { lat?: Prisma.FloatFilter; lon?: Prisma.FloatFilter } {
  if (!near) return {};
  const box = boundingBox(near, near.radiusM);
  return { lat: { gte: box.minLat, lte: box.maxLat }, lon: { gte: box.minLon, lte: box.maxLon } };
}

/** retired resources only when asked for (`?retired=true`); a lookup by id always finds them (history names them) */
const inService = (retired: boolean | undefined) => (retired ? {} : { retiredAt: null });

export function createResourceRepository(db: DbClient) {
  return {
    listStations: (scope: string | null, kind: StationKind | undefined, retired: boolean | undefined) =>
      db.station.findMany({
        where: { ...inService(retired), ...(scope ? { id: scope } : {}), ...(kind ? { kind } : {}) },
        orderBy: [{ kind: "asc" }, { code: "asc" }],
      }),

    // a chief asking for another station gets nothing, without a query
    findStation: async (id: string, scope: string | null) => (scope && scope !== id ? null : db.station.findUnique({ where: { id } })),

    listGrids: (scope: string | null, station: string | undefined, retired: boolean | undefined) =>
      db.grid.findMany({
        where: { ...inService(retired), ...(station ? { stationId: station } : {}), ...(scope ? { stationId: scope } : {}) },
        include: gridInclude,
        orderBy: { code: "asc" },
      }),

    findGrid: (id: string, scope: string | null) =>
      db.grid.findFirst({ where: { id, ...(scope ? { stationId: scope } : {}) }, include: gridInclude }),

    listOfficers: (scope: string | null, query: OfficersQuery) =>
      db.officer.findMany({
        where: {
          ...inService(query.retired),
          ...(query.station ? { stationId: query.station } : {}),
          ...(scope ? { stationId: scope } : {}),
          ...(query.post ? { post: query.post } : {}),
          ...(query.auxiliary !== undefined ? { auxiliary: query.auxiliary } : {}),
        },
        orderBy: { badgeNo: "asc" },
        take: query.limit,
        skip: query.offset,
      }),

    listUnits(scope: string | null, query: UnitsQuery) {
      const box = nearWhere(query.near);
      return db.unit.findMany({
        where: {
          ...inService(query.retired),
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
    },

    findUnit: (id: string, scope: string | null) =>
      db.unit.findFirst({ where: { id, ...(scope ? { homeStationId: scope } : {}) }, include: unitInclude }),

    listCameras: (scope: string | null, query: CamerasQuery) =>
      db.camera.findMany({
        where: {
          ...inService(query.retired),
          ...(query.kind ? { kind: { in: query.kind } } : {}),
          ...(query.status ? { status: { in: query.status } } : {}),
          ...(query.grid ? { gridId: query.grid } : {}),
          ...(query.station ? { stationId: query.station } : {}),
          ...(scope ? { stationId: scope } : {}),
          ...nearWhere(query.near),
        },
        orderBy: { code: "asc" },
      }),

    findCamera: (id: string, scope: string | null) => db.camera.findFirst({ where: { id, ...(scope ? { stationId: scope } : {}) } }),
  };
}
