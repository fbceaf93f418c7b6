// Row builders shared by the demo seed and the tests: one place that knows what a valid row of each
// model looks like. Builders are pure (give them every varying value); `create*` helpers insert.
import type { GeoJsonPolygon } from "@onemap/shared";
import type { DbClient, Prisma } from "../src/index";
import { hashPassword } from "../src/passwords";

type Overrides<T> = Partial<T>;

let sequence = 0;
/** A unique suffix for ad-hoc test rows (the demo seed passes its own deterministic ids). */
export function uniqueSuffix(): string {
  sequence += 1;
  return `${process.pid.toString(36)}${Date.now().toString(36)}${sequence.toString(36)}`;
}

export function stationRow(o: Overrides<Prisma.StationCreateManyInput> = {}): Prisma.StationCreateManyInput {
  const s = uniqueSuffix();
  return { id: `st-${s}`, code: `T${s}`, name: `测试派出所${s}`, kind: "POLICE_STATION", urban: false, lat: 31.03, lon: 106.41, ...o };
}

export function squarePolygon(south: number, west: number, sizeDeg: number): GeoJsonPolygon {
  return {
    type: "Polygon",
    coordinates: [
      [
        [west, south],
        [west + sizeDeg, south],
        [west + sizeDeg, south + sizeDeg],
        [west, south + sizeDeg],
        [west, south],
      ],
    ],
  };
}

export function gridRow(
  o: Overrides<Prisma.GridCreateManyInput> & { stationId: string; polygon: GeoJsonPolygon; centerLat: number; centerLon: number },
): Prisma.GridCreateManyInput {
  const s = uniqueSuffix();
  return { id: `gr-${s}`, code: `G${s}`, name: `网格${s}`, ...o, polygon: o.polygon as unknown as Prisma.InputJsonValue };
}

export function officerRow(o: Overrides<Prisma.OfficerCreateManyInput> & { stationId: string }): Prisma.OfficerCreateManyInput {
  const s = uniqueSuffix();
  return { id: `of-${s}`, badgeNo: `B${s}`, name: `民警${s}`, birthYear: 1985, post: "STATION", auxiliary: false, ...o };
}

export function unitRow(o: Overrides<Prisma.UnitCreateManyInput> & { homeStationId: string }): Prisma.UnitCreateManyInput {
  const s = uniqueSuffix();
  return { id: `un-${s}`, callsign: `测${s}`, kind: "CAR", status: "AVAILABLE", ...o };
}

export function cameraRow(
  o: Overrides<Prisma.CameraCreateManyInput> & { stationId: string; lat: number; lon: number },
): Prisma.CameraCreateManyInput {
  const s = uniqueSuffix();
  return { id: `cam-${s}`, code: `C${s}`, name: `天网-${s}`, kind: "SKYNET", status: "ONLINE", ...o };
}

export function userRow(o: Overrides<Prisma.UserCreateManyInput> & { passwordHash: string }): Prisma.UserCreateManyInput {
  const s = uniqueSuffix();
  return { id: `us-${s}`, username: `user${s}`, displayName: `用户${s}`, role: "OPERATOR", ...o };
}

// ---------------------------------------------------------------- insert helpers (tests)

export async function createStation(db: DbClient, o: Overrides<Prisma.StationCreateManyInput> = {}) {
  return db.station.create({ data: stationRow(o) });
}

export async function createUnit(db: DbClient, o: Overrides<Prisma.UnitCreateManyInput> & { homeStationId: string }) {
  return db.unit.create({ data: unitRow(o) });
}

export async function createCamera(
  db: DbClient,
  o: Overrides<Prisma.CameraCreateManyInput> & { stationId: string; lat: number; lon: number },
) {
  return db.camera.create({ data: cameraRow(o) });
}

export async function createUser(
  db: DbClient,
  o: Overrides<Omit<Prisma.UserCreateManyInput, "passwordHash">> & { password?: string } = {},
) {
  const { password = "correct horse battery staple", ...rest } = o;
  const user = await db.user.create({ data: userRow({ ...rest, passwordHash: await hashPassword(password) }) });
  return { ...user, password };
}
