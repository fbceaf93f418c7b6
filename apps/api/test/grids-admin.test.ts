// Grids drawn on the map (issue 12): a save answers the overlaps (the other grid named, the shared area
// to draw) and the holes the county's grids leave (gaps); the county's grids go out and come in as
// GeoJSON, an import all or nothing with every bad feature named; and a redrawn grid changes posture
// coverage and the geofence at once.
import type { AdministeredGrid, ErrorBody, GeoJsonPolygon, GridsGeoJson, GridsImportResult, PostureDetail } from "@onemap/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, deviceOf, login, type TestContext } from "./helpers";
import { sleep } from "./realtime-helpers";

const box = (w: number, s: number, e: number, n: number): GeoJsonPolygon => ({
  type: "Polygon",
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});
const code = () => `G-A-${Math.random().toString(36).slice(2, 7)}`;

describe("grids drawn on the map", () => {
  let t: TestContext;
  let admin: string;
  let operator: string;
  const call = async <T = ErrorBody>(
    method: "POST" | "PATCH" | "DELETE" | "GET" | "PUT",
    url: string,
    payload?: object,
    cookie = admin,
  ) => {
    const res = await t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, headers: res.headers, body: (res.body ? res.json() : null) as T & ErrorBody };
  };
  const grid = (polygon: GeoJsonPolygon, over: Record<string, unknown> = {}) =>
    call<AdministeredGrid>("POST", "/api/grids", { code: code(), name: "测试网格", stationId: "st-dc", polygon, ...over });
  /** the gaps of a warning list inside the box w..e × s..n */
  const gapsWithin = (warnings: AdministeredGrid["warnings"], w: number, s: number, e: number, n: number) =>
    warnings.filter(
      (x) => x.kind === "gap" && x.polygon.coordinates[0]?.every(([lon, lat]) => lon >= w && lon <= e && lat >= s && lat <= n),
    );

  beforeAll(async () => {
    t = await buildTestApp({ env: { POSITION_TICK_MS: "100" } });
    [admin, operator] = await Promise.all([login(t.app, "admin"), login(t.app, "operator")]);
  });
  afterAll(async () => {
    await t.close();
  });

  it("a ring of grids around an uncovered block: the save that closes the ring answers the gap; filling it answers none", async () => {
    // east of the county's grids: 106.60–106.63 × 31.10–31.13, the block 106.61–106.62 × 31.11–31.12 left out
    const ring = [box(106.6, 31.1, 106.63, 31.11), box(106.6, 31.12, 106.63, 31.13), box(106.6, 31.11, 106.61, 31.12)];
    for (const polygon of ring) {
      const res = await grid(polygon);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(gapsWithin(res.body.warnings, 106.6, 31.1, 106.63, 31.13)).toEqual([]); // open on the east: nothing enclosed yet
    }
    const closing = await grid(box(106.62, 31.11, 106.63, 31.12));
    const [gap, ...more] = gapsWithin(closing.body.warnings, 106.6, 31.1, 106.63, 31.13);
    expect(more).toEqual([]);
    expect(gap).toMatchObject({ kind: "gap" });
    // 0.01° × 0.01° at 31°N: about 953 m × 1,113 m
    expect(gap?.areaM2).toBeGreaterThan(1_000_000);
    expect(gap?.areaM2).toBeLessThan(1_150_000);
    const filled = await grid(box(106.61, 31.11, 106.62, 31.12));
    expect(gapsWithin(filled.body.warnings, 106.6, 31.1, 106.63, 31.13)).toEqual([]);
    // neighbours sharing borders: no overlap either
    expect(filled.body.warnings.filter((w) => w.kind === "overlap")).toEqual([]);
  });

  it("an overlap names the other grid and gives the shared area to draw", async () => {
    const under = await grid(box(106.7, 31.1, 106.71, 31.11), { name: "东湖网格" });
    const over = await grid(box(106.705, 31.1, 106.715, 31.11));
    const overlap = over.body.warnings.find((w) => w.kind === "overlap");
    expect(overlap).toMatchObject({ kind: "overlap", gridId: under.body.id, code: under.body.code, name: "东湖网格" });
    if (overlap?.kind !== "overlap") throw new Error("no overlap");
    expect(overlap.parts).toHaveLength(1);
    const lons = overlap.parts[0]?.coordinates[0]?.map(([lon]) => lon) ?? [];
    expect(Math.min(...lons)).toBeCloseTo(106.705, 6);
    expect(Math.max(...lons)).toBeCloseTo(106.71, 6);
  });

  it("exports every grid in service as GeoJSON, which imports back as updates of the same grids", async () => {
    const exported = await call<GridsGeoJson>("GET", "/api/grids/geojson");
    expect(exported.status).toBe(200);
    expect(exported.headers["content-disposition"]).toContain("grids.geojson");
    const inService = await t.db.grid.findMany({ where: { retiredAt: null }, include: { station: true, owner: true } });
    expect(exported.body.type).toBe("FeatureCollection");
    expect(exported.body.features).toHaveLength(inService.length);
    const owned = inService.find((g) => g.owner);
    expect(exported.body.features.find((f) => f.properties.code === owned?.code)).toMatchObject({
      type: "Feature",
      properties: { name: owned?.name, stationCode: owned?.station.code, ownerBadgeNo: owned?.owner?.badgeNo },
      geometry: { type: "Polygon" },
    });
    const back = await call<GridsImportResult>("POST", "/api/grids/geojson", exported.body);
    expect(back.status, JSON.stringify(back.body).slice(0, 500)).toBe(200);
    expect(back.body).toMatchObject({ created: 0, updated: inService.length });
    expect(await t.db.grid.count({ where: { retiredAt: null } })).toBe(inService.length);
  });

  it("a file with bad features: 400 naming each by its index and field, and nothing written", async () => {
    const existing = await t.db.grid.findFirstOrThrow({
      where: { retiredAt: null, ownerOfficerId: { not: null } },
      include: { owner: true, station: true },
    });
    const other = await t.db.grid.findFirstOrThrow({ where: { retiredAt: null, id: { not: existing.id }, stationId: existing.stationId } });
    const [grids, audit] = [await t.db.grid.count(), await t.db.auditEvent.count()];
    const feature = (properties: Record<string, unknown>, geometry: unknown = box(106.8, 31.1, 106.81, 31.11)) => ({
      type: "Feature",
      properties: { code: code(), name: "导入网格", stationCode: "DC", ...properties },
      geometry,
    });
    const bowTie = {
      type: "Polygon",
      coordinates: [
        [
          [106.8, 31.1],
          [106.81, 31.11],
          [106.81, 31.1],
          [106.8, 31.11],
          [106.8, 31.1],
        ],
      ],
    };
    const res = await call("POST", "/api/grids/geojson", {
      type: "FeatureCollection",
      features: [
        feature({}), // good: but nothing is written while others are bad
        feature({ stationCode: "NOPE" }),
        feature({}, bowTie),
        feature({ name: "" }),
        feature({ code: other.code, stationCode: existing.station.code, ownerBadgeNo: existing.owner?.badgeNo }),
        { type: "Feature", properties: { code: "X" } },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("invalid_input");
    const at = (i: number) => (res.body.issues ?? []).filter((x) => x.path.startsWith(`body.features.${i}.`));
    expect(at(0)).toEqual([]);
    expect(at(1)).toMatchObject([{ path: "body.features.1.properties.stationCode", code: "field:no_such_station" }]);
    expect(at(2)).toMatchObject([{ path: "body.features.2.geometry", code: "field:self_intersecting" }]);
    expect(at(3)).toMatchObject([{ path: "body.features.3.properties.name", code: "too_small" }]);
    expect(at(4)).toMatchObject([
      {
        path: "body.features.4.properties.ownerBadgeNo",
        code: "grid_owner_taken",
        params: { grid: existing.code, name: existing.owner?.name },
      },
    ]);
    expect(at(5).map((x) => x.path)).toEqual(expect.arrayContaining(["body.features.5.geometry", "body.features.5.properties.name"]));
    expect(await t.db.grid.count()).toBe(grids);
    expect(await t.db.auditEvent.count()).toBe(audit);
  });

  it("an import creates new codes and redraws existing ones, audited, and the next call is filed under the shapes as imported", async () => {
    const existing = await grid(box(106.9, 31.1, 106.91, 31.11));
    const newCode = code();
    const fileCall = async (lat: number, lon: number) =>
      (await call<{ gridId: string | null }>("POST", "/api/incidents", { category: "theft", lat, lon }, operator)).body.gridId;
    expect(await fileCall(31.105, 106.925)).toBeNull();
    const res = await call<GridsImportResult>("POST", "/api/grids/geojson", {
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: { code: existing.body.code, name: "改划网格", stationCode: "DC" },
          geometry: box(106.92, 31.1, 106.93, 31.11),
        },
        {
          type: "Feature",
          properties: { code: newCode, name: "新网格", stationCode: "BC", ownerBadgeNo: null },
          geometry: box(106.9, 31.1, 106.92, 31.11),
        },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ created: 1, updated: 1 });
    const created = res.body.grids.find((g) => g.code === newCode);
    expect(created).toMatchObject({ name: "新网格", stationId: "st-bc", center: { lat: 31.105, lon: 106.91 } });
    expect(await fileCall(31.105, 106.925)).toBe(existing.body.id);
    expect(await fileCall(31.105, 106.905)).toBe(created?.id);
    expect(await t.db.auditEvent.count({ where: { action: "grid.changed", targetId: existing.body.id } })).toBe(1);
    expect(await t.db.auditEvent.count({ where: { action: "grid.created", targetId: created?.id } })).toBe(1);
  });

  it("a redrawn grid changes posture coverage and the geofence at once", async () => {
    const unit = await t.db.unit.findFirstOrThrow({ where: { homeStationId: "st-dc", status: "AVAILABLE", kind: "CAR", retiredAt: null } });
    const device = await deviceOf(t.db, unit.id);
    const fix = (lat: number, lon: number, at: number) =>
      t.app.inject({ method: "POST", url: `/ingest/osmand?${device.query}&timestamp=${at}&lat=${lat}&lon=${lon}&speed=20&bearing=45` });
    // 东城 is urban: its grids count the units patrolling in them
    const g = await grid(box(106.6, 31.2, 106.61, 31.21));
    const assigned = await call("PATCH", `/api/units/${unit.id}`, { gridId: g.body.id, version: unit.version });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    const patrolling = async () =>
      (await call<PostureDetail>("GET", "/api/posture", undefined, operator)).body.grids.find((x) => x.gridId === g.body.id)?.patrolling;
    const t0 = Date.now() - 10_000;
    expect((await fix(31.205, 106.605, t0)).statusCode).toBe(200);
    expect((await fix(31.205, 106.615, t0 + 1000)).statusCode).toBe(200); // east of the grid: it leaves
    await sleep(500);
    expect(await patrolling()).toBe(0);
    const events = () => t.db.geofenceEvent.findMany({ where: { unitId: unit.id, gridId: g.body.id }, orderBy: { at: "asc" } });
    expect((await events()).map((e) => e.transition)).toEqual(["EXITED"]);

    // redrawn to take in where the unit is: coverage counts it on the next read, and its next report is inside
    const redrawn = await call<AdministeredGrid>("PATCH", `/api/grids/${g.body.id}`, { polygon: box(106.6, 31.2, 106.62, 31.21) });
    expect(redrawn.status).toBe(200);
    expect(await patrolling()).toBe(1);
    expect((await fix(31.2051, 106.6151, t0 + 2000)).statusCode).toBe(200);
    await sleep(500);
    expect((await events()).map((e) => e.transition)).toEqual(["EXITED", "ENTERED"]);
  });
});
