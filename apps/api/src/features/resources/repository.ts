// Every read takes the caller's station scope (null: the whole county) into its `where`, so another
// station's rows never leave the database.
import type { DbClient, Prisma } from "@onemap/db";
import { boundingBox } from "@onemap/domain";
import type {
  CAMERA_SORTS,
  CamerasQuery,
  Near,
  OFFICER_SORTS,
  OfficersQuery,
  STATION_SORTS,
  StationsQuery,
  UNIT_SORTS,
  UnitsQuery,
} from "@onemap/shared";
import { gridInclude, unitInclude } from "./mappers";

/** the bounding box of the circle: an index-friendly pre-filter; the service keeps the exact circle */
function nearWhere(near: Near | undefined): { lat?: Prisma.FloatFilter; lon?: Prisma.FloatFilter } {
  if (!near) return {};
  const box = boundingBox(near, near.radiusM);
  return { lat: { gte: box.minLat, lte: box.maxLat }, lon: { gte: box.minLon, lte: box.maxLon } };
}

/** retired resources only when asked for (`?retired=true`); a lookup by id always finds them (history names them) */
const inService = (retired: boolean | undefined) => (retired ? {} : { retiredAt: null });

type Sort<F extends string> = { field: F; desc: boolean } | undefined;
const direction = (sort: Sort<string>) => (sort?.desc ? "desc" : "asc");
/** part of a key or a name, any case */
const containing = (q: string) => ({ contains: q, mode: "insensitive" as const });

function stationsWhere(scope: string | null, query: StationsQuery): Prisma.StationWhereInput {
  return {
    ...inService(query.retired),
    ...(scope ? { id: scope } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.q
      ? {
          OR: [
            { code: containing(query.q) },
            { name: containing(query.q) },
            { address: containing(query.q) },
            { phone: containing(query.q) },
          ],
        }
      : {}),
  };
}
/** without a sort: police stations first, then HQ units, each by code (the board's pickers) */
const stationsOrder = (sort: Sort<(typeof STATION_SORTS)[number]>): Prisma.StationOrderByWithRelationInput[] =>
  sort
    ? [...(sort.field !== "code" ? [{ [sort.field]: direction(sort) }] : []), { code: sort.field === "code" ? direction(sort) : "asc" }]
    : [{ kind: "asc" }, { code: "asc" }];

function officersWhere(scope: string | null, query: OfficersQuery): Prisma.OfficerWhereInput {
  return {
    ...inService(query.retired),
    ...(query.station ? { stationId: query.station } : {}),
    ...(scope ? { stationId: scope } : {}),
    ...(query.post ? { post: query.post } : {}),
    ...(query.auxiliary !== undefined ? { auxiliary: query.auxiliary } : {}),
    ...(query.unit ? { memberships: { some: { unitId: query.unit } } } : {}),
    ...(query.q ? { OR: [{ badgeNo: containing(query.q) }, { name: containing(query.q) }] } : {}),
  };
}
const officersOrder = (sort: Sort<(typeof OFFICER_SORTS)[number]>): Prisma.OfficerOrderByWithRelationInput[] => [
  ...(sort && sort.field !== "badgeNo" ? [{ [sort.field === "station" ? "stationId" : sort.field]: direction(sort) }] : []),
  { badgeNo: sort?.field === "badgeNo" ? direction(sort) : "asc" },
];

function unitsWhere(scope: string | null, query: UnitsQuery): Prisma.UnitWhereInput {
  const box = nearWhere(query.near);
  return {
    ...inService(query.retired),
    ...(query.kind ? { kind: { in: query.kind } } : {}),
    ...(query.status ? { status: { in: query.status } } : {}),
    ...(query.grid ? { gridId: query.grid } : {}),
    ...(query.station ? { homeStationId: query.station } : {}),
    ...(scope ? { homeStationId: scope } : {}),
    ...(query.group ? { reinforcementGroup: { kind: query.group } } : {}),
    ...(box.lat ? { lastLat: box.lat, lastLon: box.lon } : {}),
    ...(query.q ? { OR: [{ callsign: containing(query.q) }, { leader: { name: containing(query.q) } }] } : {}),
  };
}
const unitsOrder = (sort: Sort<(typeof UNIT_SORTS)[number]>): Prisma.UnitOrderByWithRelationInput[] => [
  ...(sort && sort.field !== "callsign" ? [{ [sort.field === "station" ? "homeStationId" : sort.field]: direction(sort) }] : []),
  { callsign: sort?.field === "callsign" ? direction(sort) : "asc" },
];

function camerasWhere(scope: string | null, query: CamerasQuery): Prisma.CameraWhereInput {
  return {
    ...inService(query.retired),
    ...(query.kind ? { kind: { in: query.kind } } : {}),
    ...(query.status ? { status: { in: query.status } } : {}),
    ...(query.grid ? { gridId: query.grid } : {}),
    ...(query.station ? { stationId: query.station } : {}),
    ...(scope ? { stationId: scope } : {}),
    ...nearWhere(query.near),
    ...(query.q ? { OR: [{ code: containing(query.q) }, { name: containing(query.q) }] } : {}),
  };
}
const camerasOrder = (sort: Sort<(typeof CAMERA_SORTS)[number]>): Prisma.CameraOrderByWithRelationInput[] => [
  ...(sort && sort.field !== "code" ? [{ [sort.field === "station" ? "stationId" : sort.field]: direction(sort) }] : []),
  { code: sort?.field === "code" ? direction(sort) : "asc" },
];

/** SQL paging, except with `near`: the service cuts the exact circle first, then pages */
const page = (query: { near?: Near | undefined; limit?: number | undefined; offset: number }) =>
  query.near ? {} : { ...(query.limit !== undefined ? { take: query.limit } : {}), skip: query.offset };

export function createResourceRepository(db: DbClient) {
  return {
    listStations: (scope: string | null, query: StationsQuery) =>
      db.$transaction([
        db.station.findMany({
          where: stationsWhere(scope, query),
          orderBy: stationsOrder(query.sort),
          ...(query.limit !== undefined ? { take: query.limit } : {}),
          skip: query.offset,
        }),
        db.station.count({ where: stationsWhere(scope, query) }),
      ]),

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
      db.$transaction([
        db.officer.findMany({
          where: officersWhere(scope, query),
          orderBy: officersOrder(query.sort),
          take: query.limit,
          skip: query.offset,
        }),
        db.officer.count({ where: officersWhere(scope, query) }),
      ]),

    listUnits: (scope: string | null, query: UnitsQuery) =>
      db.$transaction([
        db.unit.findMany({ where: unitsWhere(scope, query), include: unitInclude, orderBy: unitsOrder(query.sort), ...page(query) }),
        db.unit.count({ where: unitsWhere(scope, query) }),
      ]),

    findUnit: (id: string, scope: string | null) =>
      db.unit.findFirst({ where: { id, ...(scope ? { homeStationId: scope } : {}) }, include: unitInclude }),

    listCameras: (scope: string | null, query: CamerasQuery) =>
      db.$transaction([
        db.camera.findMany({ where: camerasWhere(scope, query), orderBy: camerasOrder(query.sort), ...page(query) }),
        db.camera.count({ where: camerasWhere(scope, query) }),
      ]),

    findCamera: (id: string, scope: string | null) => db.camera.findFirst({ where: { id, ...(scope ? { stationId: scope } : {}) } }),
  };
}
