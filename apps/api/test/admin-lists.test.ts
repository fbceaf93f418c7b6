// What the administrators' pages ask of the lists (issue 12): stations searched, sorted and paged on the
// server with their count; a reinforcement group's units; a station still held named per kind, so the
// board can say what holds it in its own language.
import type { ErrorBody, Station, Unit } from "@onemap/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, login, type TestContext } from "./helpers";

describe("the lists the administrators' pages read", () => {
  let t: TestContext;
  let admin: string;
  let chief: string;
  const get = async <T>(url: string, cookie = admin) => {
    const res = await t.app.inject({ method: "GET", url, headers: { cookie } });
    return { status: res.statusCode, total: Number(res.headers["x-total-count"]), body: res.json() as T & ErrorBody };
  };

  beforeAll(async () => {
    t = await buildTestApp();
    [admin, chief] = await Promise.all([login(t.app, "admin"), login(t.app, "chief")]);
  });
  afterAll(async () => {
    await t.close();
  });

  it("stations: a page at a time with the count of every match, searched by code, name, address or phone, sorted", async () => {
    const all = await t.db.station.count({ where: { retiredAt: null } });
    const first = await get<Station[]>("/api/stations?limit=3&offset=0&sort=code");
    expect(first.status).toBe(200);
    expect(first.total).toBe(all);
    expect(first.body).toHaveLength(3);
    const second = await get<Station[]>("/api/stations?limit=3&offset=3&sort=code");
    const codes = [...first.body, ...second.body].map((s) => s.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);

    const desc = await get<Station[]>("/api/stations?sort=-name");
    expect(desc.body.map((s) => s.name)).toEqual(
      (await t.db.station.findMany({ where: { retiredAt: null }, orderBy: [{ name: "desc" }, { code: "asc" }] })).map((s) => s.name),
    );

    const one = await t.db.station.findFirstOrThrow({ where: { retiredAt: null, address: { not: null } } });
    const byName = await get<Station[]>(`/api/stations?q=${encodeURIComponent(one.name)}`);
    expect(byName.body.map((s) => s.id)).toContain(one.id);
    expect(byName.total).toBe(byName.body.length);
    expect(byName.body.every((s) => s.name.includes(one.name) || s.code.includes(one.name) || (s.address ?? "").includes(one.name))).toBe(
      true,
    );
    const byCode = await get<Station[]>(`/api/stations?q=${encodeURIComponent(one.code.toLowerCase())}`);
    expect(byCode.body.map((s) => s.id)).toContain(one.id);
    expect((await get<Station[]>("/api/stations?q=没有这个单位")).total).toBe(0);

    // without paging: every station, police stations first (the board's pickers read it so)
    const plain = await get<Station[]>("/api/stations");
    expect(plain.body).toHaveLength(all);
    expect(plain.body.findIndex((s) => s.kind === "HQ_UNIT")).toBeGreaterThan(plain.body.findLastIndex((s) => s.kind === "POLICE_STATION"));
  });

  it("stations: a bad sort or limit is a 400 naming the field; a station chief still sees only their own", async () => {
    const bad = await get("/api/stations?sort=phone");
    expect(bad.status).toBe(400);
    expect(bad.body.issues?.[0]?.path).toBe("querystring.sort");
    expect((await get("/api/stations?limit=0")).status).toBe(400);
    const own = await get<Station[]>("/api/stations?limit=50", chief);
    expect(own.body).toHaveLength(1);
    expect(own.total).toBe(1);
  });

  it("units: ?group= lists a reinforcement group's units in service, and nothing else", async () => {
    const group = await t.db.reinforcementGroup.findFirstOrThrow({ where: { units: { some: { retiredAt: null } } } });
    const expected = await t.db.unit.count({ where: { reinforcementGroupId: group.id, retiredAt: null } });
    const page = await get<Unit[]>(`/api/units?group=${group.kind}&limit=5`);
    expect(page.status).toBe(200);
    expect(page.total).toBe(expected);
    expect(page.body.length).toBe(Math.min(5, expected));
    expect(page.body.every((u) => u.reinforcementGroup === group.kind)).toBe(true);
    expect((await get("/api/units?group=NOT_A_GROUP")).status).toBe(400);
  });

  it("a station still held: 409 station_in_use naming each kind that holds it, with its count", async () => {
    const station = await t.db.station.findFirstOrThrow({ where: { retiredAt: null, officers: { some: { retiredAt: null } } } });
    const officers = await t.db.officer.findMany({ where: { stationId: station.id, retiredAt: null }, orderBy: { badgeNo: "asc" } });
    const res = await t.app.inject({ method: "DELETE", url: `/api/stations/${station.id}`, headers: { cookie: admin } });
    expect(res.statusCode).toBe(409);
    const body = res.json() as ErrorBody;
    expect(body.code).toBe("station_in_use");
    expect(body.params?.officersCount).toBe(officers.length);
    expect(String(body.params?.officers)).toContain(officers[0]?.name);
    expect(await t.db.station.count({ where: { id: station.id, retiredAt: null } })).toBe(1);
  });
});
