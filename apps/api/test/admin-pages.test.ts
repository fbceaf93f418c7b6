// What the administrators' devices and roster pages read: units a page at a time with their devices
// (GET /api/devices/units) and the roster's officer picker (GET /api/duty/officers). Administrators only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, login, type TestContext } from "./helpers";

describe("the administrators' pages", () => {
  let t: TestContext;
  let admin = "";
  let operator = "";
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await login(t.app, "admin");
    operator = await login(t.app, "operator");
  });
  afterAll(async () => {
    await t.close();
  });
  const get = (url: string, cookie = admin) => t.app.inject({ method: "GET", url, headers: { cookie } });

  it("GET /api/devices/units pages every unit by callsign, with the total", async () => {
    const all = await t.db.unit.findMany({
      where: { retiredAt: null },
      orderBy: { callsign: "asc" },
      select: { id: true, callsign: true },
    });
    const first = await get("/api/devices/units?limit=5");
    expect(first.statusCode).toBe(200);
    expect(first.json().total).toBe(all.length);
    expect(first.json().units.map((u: { id: string }) => u.id)).toEqual(all.slice(0, 5).map((u) => u.id));
    const second = (await get("/api/devices/units?limit=5&offset=5")).json();
    expect(second.units.map((u: { id: string }) => u.id)).toEqual(all.slice(5, 10).map((u) => u.id));
    expect(second.total).toBe(all.length);
  });

  it("filters by station and by a piece of the callsign; a unit carries its devices (never a token)", async () => {
    const unit = await t.db.unit.findFirstOrThrow({ orderBy: { callsign: "desc" }, include: { homeStation: true } });
    const atStation = await t.db.unit.count({ where: { homeStationId: unit.homeStationId, retiredAt: null } });
    const byStation = (await get(`/api/devices/units?station=${unit.homeStationId}&limit=200`)).json();
    expect(byStation.total).toBe(atStation);
    expect(new Set(byStation.units.map((u: { homeStationId: string }) => u.homeStationId))).toEqual(new Set([unit.homeStationId]));
    expect(byStation.units[0].stationName).toBe(unit.homeStation.name);

    const registered = await t.app.inject({
      method: "POST",
      url: `/api/units/${unit.id}/devices`,
      headers: { cookie: admin },
      payload: { protocol: "osmand", identifier: "PAGE-TEST-1" },
    });
    expect(registered.statusCode).toBe(201);
    const found = await get(`/api/devices/units?q=${encodeURIComponent(unit.callsign.toLowerCase())}`);
    const match = found.json().units.find((u: { id: string }) => u.id === unit.id);
    expect(found.json().units.every((u: { callsign: string }) => u.callsign.toLowerCase().includes(unit.callsign.toLowerCase()))).toBe(
      true,
    );
    expect(match.devices.map((d: { identifier: string }) => d.identifier)).toContain("PAGE-TEST-1");
    expect(found.body).not.toContain(registered.json().token);
    expect(found.body).not.toContain("tokenHash");
    expect((await get("/api/devices/units?q=no-such-callsign-anywhere")).json()).toEqual({ total: 0, units: [] });
  });

  it("a retired unit is not listed, nor a retired officer offered", async () => {
    const [unit, other] = await t.db.unit.findMany({ orderBy: { callsign: "asc" }, take: 2 });
    const officer = await t.db.officer.findFirstOrThrow({ orderBy: { badgeNo: "asc" } });
    if (!unit || !other) throw new Error("no units");
    await t.db.unit.update({ where: { id: unit.id }, data: { retiredAt: new Date() } });
    await t.db.officer.update({ where: { id: officer.id }, data: { retiredAt: new Date() } });
    try {
      const page = (await get("/api/devices/units?limit=1")).json();
      expect(page.units.map((u: { id: string }) => u.id)).toEqual([other.id]);
      expect(page.total).toBe(await t.db.unit.count({ where: { retiredAt: null } }));
      expect((await get(`/api/duty/officers?q=${officer.badgeNo}`)).json()).toEqual([]);
    } finally {
      await t.db.unit.update({ where: { id: unit.id }, data: { retiredAt: null } });
      await t.db.officer.update({ where: { id: officer.id }, data: { retiredAt: null } });
    }
  });

  it("GET /api/devices/units: 403 to an operator, 401 to a stranger, 400 for a bad page", async () => {
    expect((await get("/api/devices/units", operator)).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: "/api/devices/units" })).statusCode).toBe(401);
    const bad = await get("/api/devices/units?limit=0");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe("invalid_input");
    expect((await get("/api/devices/units?offset=-1")).statusCode).toBe(400);
  });

  it("GET /api/duty/officers finds officers by a piece of the name or the badge number", async () => {
    const officer = await t.db.officer.findFirstOrThrow({ orderBy: { badgeNo: "desc" }, include: { station: true } });
    const byBadge = (await get(`/api/duty/officers?q=${officer.badgeNo}`)).json();
    expect(byBadge).toContainEqual({
      id: officer.id,
      name: officer.name,
      badgeNo: officer.badgeNo,
      title: officer.title,
      stationName: officer.station.name,
    });
    const piece = officer.name.slice(1);
    const byName = (await get(`/api/duty/officers?q=${encodeURIComponent(piece)}&limit=50`)).json();
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.every((o: { name: string; badgeNo: string }) => o.name.includes(piece) || o.badgeNo.includes(piece))).toBe(true);
    expect((await get(`/api/duty/officers?q=${officer.badgeNo.slice(0, 2)}&limit=3`)).json()).toHaveLength(3);
  });

  it("GET /api/duty/officers: 403 to an operator, 401 to a stranger, 400 without a search", async () => {
    expect((await get("/api/duty/officers?q=1", operator)).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: "/api/duty/officers?q=1" })).statusCode).toBe(401);
    expect((await get("/api/duty/officers")).statusCode).toBe(400);
    expect((await get("/api/duty/officers?q=%20%20")).statusCode).toBe(400);
  });
});
