// A unit's crew, administered (issue 12): POST / PATCH /api/units take `crewIds` (replaced whole, officers
// in service, each once), and GET /api/officers?unit= reads the crew back for the edit form. A camera
// added with no grid named is put in the grid its point is in.
import type { Camera, ErrorBody, Officer, Unit } from "@onemap/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, login, type TestContext } from "./helpers";

describe("a unit's crew and a camera's grid, administered", () => {
  let t: TestContext;
  let admin: string;

  const call = async <T = ErrorBody>(method: "POST" | "PATCH" | "GET", url: string, payload?: object, cookie = admin) => {
    const res = await t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: (res.body ? res.json() : null) as T & ErrorBody, total: res.headers["x-total-count"] };
  };
  const crewOf = async (unitId: string) =>
    (await t.db.unitMember.findMany({ where: { unitId }, select: { officerId: true } })).map((m) => m.officerId).sort();

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await login(t.app, "admin");
  });
  afterAll(async () => {
    await t.close();
  });

  it("a new unit with a crew: stored, counted, and read back with GET /api/officers?unit=", async () => {
    const officers = await t.db.officer.findMany({ where: { stationId: "st-bc", retiredAt: null }, take: 3, orderBy: { badgeNo: "asc" } });
    const crewIds = officers.slice(0, 2).map((o) => o.id);
    const res = await call<Unit>("POST", "/api/units", {
      callsign: "编组测试1",
      kind: "CAR",
      homeStationId: "st-bc",
      leaderId: officers[2]?.id,
      crewIds,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.memberCount).toBe(2);
    expect(await crewOf(res.body.id)).toEqual([...crewIds].sort());
    const crew = await call<Officer[]>("GET", `/api/officers?unit=${res.body.id}`);
    expect(crew.status).toBe(200);
    expect(crew.body.map((o) => o.id).sort()).toEqual([...crewIds].sort());
    expect(crew.total).toBe("2");

    // replaced whole, and the version moves on
    const patched = await call<Unit>("PATCH", `/api/units/${res.body.id}`, { version: res.body.version, crewIds: [crewIds[0]] });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toMatchObject({ memberCount: 1, version: res.body.version + 1 });
    expect(await crewOf(res.body.id)).toEqual([crewIds[0]]);
    const emptied = await call<Unit>("PATCH", `/api/units/${res.body.id}`, { version: patched.body.version, crewIds: [] });
    expect(emptied.body.memberCount).toBe(0);
  });

  it("an unknown officer or one named twice: 400 on body.crewIds, nothing written", async () => {
    const officer = await t.db.officer.findFirstOrThrow({ where: { stationId: "st-bc", retiredAt: null } });
    const before = await t.db.unit.count();
    const unknown = await call("POST", "/api/units", {
      callsign: "编组测试2",
      kind: "CAR",
      homeStationId: "st-bc",
      crewIds: ["of-nobody"],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.issues).toEqual([expect.objectContaining({ path: "body.crewIds", code: "field:no_such_officer" })]);
    const twice = await call("POST", "/api/units", {
      callsign: "编组测试3",
      kind: "CAR",
      homeStationId: "st-bc",
      crewIds: [officer.id, officer.id],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.issues?.[0]?.path).toBe("body.crewIds");
    expect(await t.db.unit.count()).toBe(before);
  });

  it("a stale version leaves the crew as it was (409 changed_meanwhile)", async () => {
    const unit = await t.db.unit.findFirstOrThrow({ where: { homeStationId: "st-bc", retiredAt: null }, include: { members: true } });
    const officer = await t.db.officer.findFirstOrThrow({ where: { stationId: "st-bc", retiredAt: null } });
    const crewBefore = await crewOf(unit.id);
    const res = await call("PATCH", `/api/units/${unit.id}`, { version: unit.version + 7, crewIds: [officer.id] });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("changed_meanwhile");
    expect(await crewOf(unit.id)).toEqual(crewBefore);
  });

  it("a camera with no grid named stands in the grid its point is in; null names none", async () => {
    const grid = await t.db.grid.findFirstOrThrow({ where: { retiredAt: null }, orderBy: { code: "asc" } });
    const at = { lat: grid.centerLat, lon: grid.centerLon };
    const base = { kind: "SKYNET", stationId: grid.stationId, ...at };
    const derived = await call<Camera>("POST", "/api/cameras", { ...base, code: "E2E-GRID-1", name: "网格推定" });
    expect(derived.status, JSON.stringify(derived.body)).toBe(201);
    expect(derived.body.gridId).toBe(grid.id);
    const none = await call<Camera>("POST", "/api/cameras", { ...base, code: "E2E-GRID-2", name: "不分网格", gridId: null });
    expect(none.body.gridId).toBeNull();
    const outside = await call<Camera>("POST", "/api/cameras", { ...base, code: "E2E-GRID-3", name: "县外", lat: 40, lon: 116 });
    expect(outside.body.gridId).toBeNull();
  });
});
