// Retired resources (issue 12): gone from the boards, the lists, the recommendations, the dispatch and
// the device registry; still read by history (an incident's assignments, a lookup by id).

import { createTestDatabase } from "@onemap/db/testing";
import type { Board, Camera, Incident, IncidentDetail, Recommendations, Unit } from "@onemap/shared";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, deviceOf, login, type TestContext } from "./helpers";
import { sleep } from "./realtime-helpers";

const DC_POINT = { lat: 31.03, lon: 106.425 };

describe("retired resources", () => {
  let t: TestContext;
  let operator: string;
  let admin: string;
  /** 东城's cars, by name: each test retires its own */
  let cars: string[];
  const car = (n: number) => cars[n] as string;

  const get = async <T>(url: string, cookie = operator) => {
    const res = await t.app.inject({ method: "GET", url, headers: { cookie } });
    return { status: res.statusCode, body: res.json() as T };
  };
  const post = async <T>(url: string, payload: object, cookie = operator) => {
    const res = await t.app.inject({ method: "POST", url, headers: { cookie }, payload });
    return { status: res.statusCode, body: res.json() as T & { code?: string; params?: Record<string, string> } };
  };
  const placeUnit = (unitId: string, northM: number) =>
    t.db.unit.update({
      where: { id: unitId },
      data: { status: "AVAILABLE", lastLat: DC_POINT.lat + northM / 111_320, lastLon: DC_POINT.lon, lastFixAt: new Date() },
    });
  const retireUnit = (unitId: string) => t.db.unit.update({ where: { id: unitId }, data: { retiredAt: new Date() } });
  const newIncident = async () => {
    const res = await post<Incident>("/api/incidents", { category: "theft", ...DC_POINT, address: "测试路 9 号" });
    expect(res.status).toBe(201);
    return res.body;
  };

  beforeAll(async () => {
    t = await buildTestApp();
    [operator, admin] = await Promise.all([login(t.app, "operator"), login(t.app, "admin")]);
    const rows = await t.db.unit.findMany({
      where: { homeStationId: "st-dc", kind: "CAR", devices: { some: {} } },
      orderBy: { id: "asc" },
    });
    cars = rows.map((u) => u.id);
    expect(cars.length).toBeGreaterThanOrEqual(4);
  });
  afterAll(async () => {
    await t.close();
  });

  it("a retired unit and camera leave the board and the lists, but a lookup by id and ?retired=true still find them", async () => {
    const camera = await t.db.camera.findFirstOrThrow({ where: { stationId: "st-dc" }, orderBy: { code: "asc" } });
    await retireUnit(car(0));
    await t.db.camera.update({ where: { id: camera.id }, data: { retiredAt: new Date() } });

    const board = await get<Board>("/api/board");
    expect(board.status).toBe(200);
    expect(board.body.units.some((u) => u.id === car(0))).toBe(false);
    expect(board.body.units.length).toBeGreaterThan(0);
    expect(board.body.cameras.some((c) => c.id === camera.id)).toBe(false);

    expect((await get<Unit[]>("/api/units")).body.some((u) => u.id === car(0))).toBe(false);
    const all = await get<Unit[]>("/api/units?retired=true");
    expect(all.body.find((u) => u.id === car(0))?.retiredAt).toMatch(/^\d{4}-/);
    expect(all.body.find((u) => u.id === car(3))?.retiredAt).toBeUndefined();
    expect((await get<Camera[]>("/api/cameras")).body.some((c) => c.id === camera.id)).toBe(false);
    expect((await get<Camera[]>("/api/cameras?retired=true")).body.some((c) => c.id === camera.id)).toBe(true);

    const one = await get<Unit>(`/api/units/${car(0)}`);
    expect(one.status).toBe(200);
    expect(one.body.retiredAt).toBeTruthy();
    expect((await get<Camera>(`/api/cameras/${camera.id}`)).status).toBe(200);
    expect((await get("/api/units?retired=yes")).status).toBe(400);
  });

  it("a retired station and grid leave the board and the lists", async () => {
    const grid = await t.db.grid.findFirstOrThrow({ where: { stationId: "st-bc" }, orderBy: { code: "asc" } });
    await t.db.grid.update({ where: { id: grid.id }, data: { retiredAt: new Date() } });
    const hq = await t.db.station.findFirstOrThrow({ where: { kind: "HQ_UNIT" }, orderBy: { code: "asc" } });
    await t.db.station.update({ where: { id: hq.id }, data: { retiredAt: new Date() } });
    const board = (await get<Board>("/api/board")).body;
    expect(board.grids.some((g) => g.id === grid.id)).toBe(false);
    expect(board.departments.some((s) => s.id === hq.id)).toBe(false);
    expect((await get<{ id: string }[]>("/api/grids")).body.some((g) => g.id === grid.id)).toBe(false);
    expect((await get<{ id: string }[]>("/api/grids?retired=true")).body.some((g) => g.id === grid.id)).toBe(true);
    expect((await get<{ id: string }[]>("/api/stations")).body.some((s) => s.id === hq.id)).toBe(false);
    expect((await get(`/api/stations/${hq.id}`)).status).toBe(200);
  });

  it("a retired unit is not recommended, and dispatching it is 409 unit_retired; its past assignment still reads", async () => {
    await placeUnit(car(1), 100);
    await placeUnit(car(2), 150);
    const first = await newIncident();
    expect((await post(`/api/incidents/${first.id}/dispatch`, { unitIds: [car(2)] })).status).toBe(200);
    await retireUnit(car(2));

    const incident = await newIncident();
    const recs = await get<Recommendations>(`/api/incidents/${incident.id}/recommendations`);
    const ids = recs.body.recommendations.map((r) => r.unitId);
    expect(ids).toContain(car(1));
    await retireUnit(car(1));
    const after = await get<Recommendations>(`/api/incidents/${incident.id}/recommendations`);
    expect(after.body.recommendations.map((r) => r.unitId)).not.toContain(car(1));

    const refused = await post(`/api/incidents/${incident.id}/dispatch`, { unitIds: [car(1)] });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: "unit_retired", params: { callsign: expect.any(String) } });
    expect((await t.db.unit.findUniqueOrThrow({ where: { id: car(1) } })).status).toBe("AVAILABLE");
    expect(await t.db.assignment.count({ where: { unitId: car(1) } })).toBe(0);

    // history: the earlier incident still names the unit it sent
    const detail = await get<IncidentDetail>(`/api/incidents/${first.id}`);
    const callsign = (await t.db.unit.findUniqueOrThrow({ where: { id: car(2) } })).callsign;
    expect(detail.body.assignments.map((a) => a.callsign)).toContain(callsign);
    // playback of its track still reads it
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    expect((await get(`/api/units/${car(2)}/track?from=${from}&to=${to}`, admin)).status).toBe(200);
  });

  it("a retired unit's device can no longer report", async () => {
    const device = await deviceOf(t.db, car(3));
    const ts = () => Math.floor(Date.now() / 1000) - 5;
    const before = await t.app.inject({ method: "POST", url: `/ingest/osmand?${device.query}&timestamp=${ts()}&lat=31.03&lon=106.42` });
    expect(before.statusCode).toBe(200);
    await retireUnit(car(3));
    // what the retirement itself does: every API process's registry reloads
    await t.db.$executeRaw`SELECT pg_notify('onemap_devices', 'unit retired')`;
    await sleep(300);
    const fixes = await t.db.unitPosition.count({ where: { unitId: car(3) } });
    const after = await t.app.inject({ method: "POST", url: `/ingest/osmand?${device.query}&timestamp=${ts() + 2}&lat=31.04&lon=106.43` });
    expect(after.statusCode).toBeGreaterThanOrEqual(400);
    expect(after.statusCode).toBeLessThan(500);
    await sleep(200);
    expect(await t.db.unitPosition.count({ where: { unitId: car(3) } })).toBe(fixes);
  });
});

describe("retired resources elsewhere", () => {
  let t: TestContext;
  let retiredGrid: { id: string; lat: number; lon: number };
  beforeAll(async () => {
    // a grid retired before this API process started: its grid cache never holds it
    const ownerUrl = await createTestDatabase("county");
    const client = new pg.Client({ connectionString: ownerUrl });
    await client.connect();
    const { rows } = await client.query<{ id: string; lat: number; lon: number }>(
      `UPDATE "Grid" SET "retiredAt" = now() WHERE id = (SELECT id FROM "Grid" WHERE "stationId" = 'st-dc' ORDER BY code LIMIT 1)
       RETURNING id, "centerLat" AS lat, "centerLon" AS lon`,
    );
    await client.end();
    retiredGrid = rows[0] as { id: string; lat: number; lon: number };
    t = await buildTestApp({ ownerUrl });
  });
  afterAll(async () => {
    await t.close();
  });

  it("a call inside a retired grid is not filed under it", async () => {
    const operator = await login(t.app, "operator");
    const res = await t.app.inject({
      method: "POST",
      url: "/api/incidents",
      headers: { cookie: operator },
      payload: { category: "theft", lat: retiredGrid.lat, lon: retiredGrid.lon },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as Incident).gridId).not.toBe(retiredGrid.id);
  });

  it("a retired unit's status cannot be set by hand, and the live statistics leave it out", async () => {
    const operator = await login(t.app, "operator");
    const stats = async () =>
      (await t.app.inject({ method: "GET", url: "/api/stats/live", headers: { cookie: operator } })).json() as {
        units: { available: number };
      };
    const unit = await t.db.unit.findFirstOrThrow({ where: { homeStationId: "st-dc", status: "AVAILABLE" }, orderBy: { id: "asc" } });
    const before = (await stats()).units.available;
    await t.db.unit.update({ where: { id: unit.id }, data: { retiredAt: new Date() } });
    expect((await stats()).units.available).toBe(before - 1);
    const res = await t.app.inject({
      method: "PUT",
      url: `/api/units/${unit.id}/status`,
      headers: { cookie: operator },
      payload: { status: "BUSY", version: unit.version },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: "retired" });
    expect((await t.db.unit.findUniqueOrThrow({ where: { id: unit.id } })).status).toBe("AVAILABLE");
  });
});
