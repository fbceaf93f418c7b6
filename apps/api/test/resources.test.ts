import { distanceMeters } from "@onemap/domain";
import type { Camera, Grid, Officer, Station, Unit } from "@onemap/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, login, type TestContext } from "./helpers";

const READ_ROUTES = [
  "/api/stations",
  "/api/grids",
  "/api/officers",
  "/api/units",
  "/api/cameras",
  "/api/board",
  "/api/duty",
  "/api/posture",
  "/api/auth/me",
];

describe("read APIs", () => {
  let t: TestContext;
  let operator: string;
  let chief: string;
  const get = async <T>(url: string, cookie: string) => {
    const res = await t.app.inject({ method: "GET", url, headers: { cookie } });
    return { status: res.statusCode, body: res.json() as T };
  };

  beforeAll(async () => {
    t = await buildTestApp();
    operator = await login(t.app, "operator");
    chief = await login(t.app, "chief");
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(READ_ROUTES)("%s answers 401 without a session", async (url) => {
    const res = await t.app.inject({ method: "GET", url });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ statusCode: 401, error: "Unauthorized" });
  });

  it("lists the 12 police stations and 18 HQ units, filterable by kind", async () => {
    expect((await get<Station[]>("/api/stations", operator)).body).toHaveLength(30);
    const police = (await get<Station[]>("/api/stations?kind=POLICE_STATION", operator)).body;
    expect(police).toHaveLength(12);
    expect(police.every((s) => s.kind === "POLICE_STATION")).toBe(true);
  });

  it("lists the 18 grids with GeoJSON polygons and owners", async () => {
    const grids = (await get<Grid[]>("/api/grids", operator)).body;
    expect(grids).toHaveLength(18);
    for (const g of grids) {
      expect(g.polygon.type).toBe("Polygon");
      expect(g.polygon.coordinates[0]?.[0]).toEqual(g.polygon.coordinates[0]?.at(-1));
      expect(g.owner?.name).toBeTruthy();
    }
  });

  it("pages officers and filters them by station, post and auxiliary", async () => {
    const page = (await get<Officer[]>("/api/officers?limit=50&offset=0", operator)).body;
    expect(page).toHaveLength(50);
    const next = (await get<Officer[]>("/api/officers?limit=50&offset=50", operator)).body;
    expect(next[0]?.id).not.toBe(page[0]?.id);
    const detention = (await get<Officer[]>("/api/officers?post=DETENTION", operator)).body;
    expect(detention).toHaveLength(27);
    const aux = (await get<Officer[]>("/api/officers?station=st-dc&auxiliary=true", operator)).body;
    expect(aux.length).toBeGreaterThan(0);
    expect(aux.every((o) => o.auxiliary && o.stationId === "st-dc")).toBe(true);
  });

  it("filters cameras by kind and status, and finds those near a point, nearest first", async () => {
    const all = (await get<Camera[]>("/api/cameras", operator)).body;
    expect(all).toHaveLength(368);
    const checkpoints = (await get<Camera[]>("/api/cameras?kind=SECURITY_CHECKPOINT,TRAFFIC_CHECKPOINT", operator)).body;
    expect(checkpoints.length).toBe(all.filter((c) => c.kind !== "SKYNET" && c.kind !== "SOCIAL").length);
    const offline = (await get<Camera[]>("/api/cameras?status=OFFLINE", operator)).body;
    expect(offline.every((c) => c.status === "OFFLINE")).toBe(true);

    const centre = { lat: 31.0299, lon: 106.4111 };
    const near = (await get<Camera[]>(`/api/cameras?near=${centre.lat},${centre.lon},500`, operator)).body;
    const expected = all.filter((c) => distanceMeters(centre, c) <= 500);
    expect(near.length).toBe(expected.length);
    expect(near.length).toBeGreaterThan(5);
    const distances = near.map((c) => distanceMeters(centre, c));
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
  });

  it("filters units by grid, kind and status, and near a point", async () => {
    const grid = (await get<Unit[]>("/api/units?grid=gr-08", operator)).body;
    expect(grid.length).toBeGreaterThan(0);
    expect(grid.every((u) => u.gridId === "gr-08")).toBe(true);
    const swat = (await get<Unit[]>("/api/units?kind=SWAT&status=AVAILABLE", operator)).body;
    expect(swat).toHaveLength(8);
    expect(swat.every((u) => u.reinforcementGroup === "SWAT_ASSAULT" && u.memberCount === 5 && u.leader !== null)).toBe(true);
    const near = (await get<Unit[]>("/api/units?near=31.0299,106.4111,1500", operator)).body;
    expect(near.length).toBeGreaterThan(0);
    expect(near.every((u) => u.lastFix && distanceMeters({ lat: 31.0299, lon: 106.4111 }, u.lastFix) <= 1500)).toBe(true);
  });

  it.each([
    ["/api/cameras?near=31.03,106.41", "near"],
    ["/api/cameras?near=91,106.41,100", "near"],
    ["/api/cameras?near=31.03,106.41,-5", "near"],
    ["/api/cameras?kind=DRONE", "kind"],
    ["/api/units?status=ASLEEP", "status"],
    ["/api/officers?limit=0", "limit"],
    ["/api/officers?limit=abc", "limit"],
    ["/api/units?colour=red", "querystring"],
  ])("%s is a 400 naming %s", async (url, field) => {
    const res = await get<{ message: string; issues: { path: string }[] }>(url, operator);
    expect(res.status).toBe(400);
    expect(res.body.issues.some((i) => i.path.includes(field))).toBe(true);
  });

  it("returns one object, and 404 for an unknown id", async () => {
    expect((await get<Unit>("/api/units/un-dc-car-1", operator)).body.callsign).toBe("东城巡01");
    expect((await get("/api/units/un-nope", operator)).status).toBe(404);
    expect((await get("/api/cameras/cam-999", operator)).status).toBe(404);
    expect((await get("/api/grids/gr-99", operator)).status).toBe(404);
    expect((await get("/api/stations/st-zz", operator)).status).toBe(404);
  });

  describe("a station chief (东城)", () => {
    it("sees only their own station, its grids, units, cameras and officers", async () => {
      expect((await get<Station[]>("/api/stations", chief)).body.map((s) => s.id)).toEqual(["st-dc"]);
      const grids = (await get<Grid[]>("/api/grids", chief)).body;
      expect(grids).toHaveLength(9);
      expect(grids.every((g) => g.stationId === "st-dc")).toBe(true);
      const units = (await get<Unit[]>("/api/units", chief)).body;
      expect(units.length).toBeGreaterThan(0);
      expect(units.every((u) => u.homeStationId === "st-dc")).toBe(true);
      const cameras = (await get<Camera[]>("/api/cameras", chief)).body;
      expect(cameras.length).toBeGreaterThan(0);
      expect(cameras.every((c) => c.stationId === "st-dc")).toBe(true);
      const officers = (await get<Officer[]>("/api/officers", chief)).body;
      expect(officers.every((o) => o.stationId === "st-dc")).toBe(true);
    });

    it("gets 404 for another station's objects, as if they did not exist", async () => {
      for (const url of [
        "/api/units/un-bc-car-1",
        "/api/stations/st-bc",
        "/api/grids/gr-01",
        "/api/cameras?station=st-bc",
        "/api/units?station=st-bc",
        "/api/grids?station=st-bc",
      ]) {
        expect((await get(url, chief)).status, url).toBe(404);
      }
      const bcCamera = (await get<Camera[]>("/api/cameras?station=st-bc", operator)).body[0];
      expect((await get(`/api/cameras/${bcCamera?.id}`, chief)).status).toBe(404);
    });

    it("cannot widen the scope with filters", async () => {
      const byGrid = (await get<Unit[]>("/api/units?grid=gr-01", chief)).body; // 北城's grid
      expect(byGrid).toEqual([]);
      const near = (await get<Camera[]>("/api/cameras?near=31.03,106.40,3000", chief)).body;
      expect(near.every((c) => c.stationId === "st-dc")).toBe(true);
    });
  });
});
