// Database rows → the shared read models. Only the fields of the schema leave the server.
import type { Prisma } from "@onemap/db";
import type { Camera, GeoJsonPolygon, Grid, IncidentSummary, Officer, Station, Unit } from "@onemap/shared";

export const unitInclude = {
  leader: { select: { id: true, name: true, title: true, phone: true } },
  reinforcementGroup: { select: { kind: true } },
  _count: { select: { members: true, devices: true } },
} satisfies Prisma.UnitInclude;

export const gridInclude = { owner: { select: { id: true, name: true, phone: true } } } satisfies Prisma.GridInclude;

type UnitRow = Prisma.UnitGetPayload<{ include: typeof unitInclude }>;
type GridRow = Prisma.GridGetPayload<{ include: typeof gridInclude }>;

/** only a retired row says so: the board's payload of rows in service stays as it was */
const retired = (row: { retiredAt: Date | null }) => (row.retiredAt ? { retiredAt: row.retiredAt.toISOString() } : {});

export function toStation(s: Prisma.StationGetPayload<object>): Station {
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    kind: s.kind,
    urban: s.urban,
    lat: s.lat,
    lon: s.lon,
    address: s.address,
    phone: s.phone,
    ...retired(s),
  };
}

export function toGrid(g: GridRow): Grid {
  return {
    id: g.id,
    code: g.code,
    name: g.name,
    stationId: g.stationId,
    owner: g.owner,
    polygon: g.polygon as unknown as GeoJsonPolygon,
    center: { lat: g.centerLat, lon: g.centerLon },
    ...retired(g),
  };
}

export function toOfficer(o: Prisma.OfficerGetPayload<object>): Officer {
  return {
    id: o.id,
    badgeNo: o.badgeNo,
    name: o.name,
    birthYear: o.birthYear,
    post: o.post,
    auxiliary: o.auxiliary,
    title: o.title,
    phone: o.phone,
    stationId: o.stationId,
    ...retired(o),
  };
}

export function toUnit(u: UnitRow): Unit {
  return {
    id: u.id,
    callsign: u.callsign,
    kind: u.kind,
    status: u.status,
    homeStationId: u.homeStationId,
    gridId: u.gridId,
    deviceCount: u._count.devices,
    leader: u.leader,
    memberCount: u._count.members,
    reinforcementGroup: u.reinforcementGroup?.kind ?? null,
    lastFix:
      u.lastLat !== null && u.lastLon !== null && u.lastFixAt !== null
        ? { lat: u.lastLat, lon: u.lastLon, speed: u.lastSpeed, heading: u.lastHeading, at: u.lastFixAt.toISOString() }
        : null,
    version: u.version,
    ...retired(u),
  };
}

export function toCamera(c: Prisma.CameraGetPayload<object>): Camera {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    kind: c.kind,
    status: c.status,
    lat: c.lat,
    lon: c.lon,
    streamUrl: c.streamUrl,
    gridId: c.gridId,
    stationId: c.stationId,
    ...retired(c),
  };
}

export function toIncidentSummary(i: Prisma.IncidentGetPayload<object>): IncidentSummary {
  return {
    id: i.id,
    number: i.number,
    category: i.category,
    priority: i.priority,
    status: i.status,
    tier: i.tier,
    lat: i.lat,
    lon: i.lon,
    address: i.address,
    gridId: i.gridId,
    stationId: i.stationId,
    reportedAt: i.reportedAt.toISOString(),
  };
}
