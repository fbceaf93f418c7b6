// Server-side search, sort and paging of the resource lists (issue 12): q=, sort=, limit/offset, and
// the total of every match in X-Total-Count.
import type { Camera, Officer, Unit } from "@onemap/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, login, type TestContext } from "./helpers";

describe("resource lists: search, sort, pages", () => {
  let t: TestContext;
  let operator: string;
  let chief: string;
  const get = async <T>(url: string, cookie = operator) => {
    const res = await t.app.inject({ method: "GET", url, headers: { cookie } });
    return { status: res.statusCode, body: res.json() as T, total: Number(res.headers["x-total-count"]) };
  };

  beforeAll(async () => {
    t = await buildTestApp();
    [operator, chief] = await Promise.all([login(t.app, "operator"), login(t.app, "chief")]);
  });
  afterAll(async () => {
    await t.close();
  });

  it("units: q finds a callsign by part of it; sort and pages are the database's; the total counts every match", async () => {
    const all = await get<Unit[]>("/api/units");
    expect(all.total).toBe(all.body.length);
    expect(all.total).toBe(await t.db.unit.count({ where: { retiredAt: null } }));
    const some = all.body[3] as Unit;
    const part = some.callsign.slice(1, 4);
    const found = await get<Unit[]>(`/api/units?q=${encodeURIComponent(part)}`);
    expect(found.body.map((u) => u.id)).toContain(some.id);
    expect(found.body.every((u) => u.callsign.includes(part) || (u.leader?.name ?? "").includes(part))).toBe(true);
    expect(found.total).toBe(found.body.length);

    const desc = await get<Unit[]>("/api/units?sort=-callsign&limit=5");
    expect(desc.body).toHaveLength(5);
    expect(desc.total).toBe(all.total);
    const callsigns = all.body.map((u) => u.callsign);
    expect(desc.body.map((u) => u.callsign)).toEqual([...callsigns].sort().reverse().slice(0, 5));
    const second = await get<Unit[]>("/api/units?sort=-callsign&limit=5&offset=5");
    expect(second.body.map((u) => u.callsign)).toEqual([...callsigns].sort().reverse().slice(5, 10));

    const byStatus = await get<Unit[]>("/api/units?sort=status");
    const expected = await t.db.unit.findMany({
      where: { retiredAt: null },
      orderBy: [{ status: "asc" }, { callsign: "asc" }],
      select: { id: true },
    });
    expect(byStatus.body.map((u) => u.id)).toEqual(expected.map((u) => u.id));
    expect((await get("/api/units?sort=leader")).status).toBe(400);
    expect((await get("/api/units?limit=0")).status).toBe(400);
    // a chief's search stays in their station
    const chiefs = await get<Unit[]>("/api/units?q=0", chief);
    expect(chiefs.body.every((u) => u.homeStationId === "st-dc")).toBe(true);
  });

  it("units near a point: the exact circle first, then the page, nearest first", async () => {
    const near = await get<Unit[]>("/api/units?near=31.03,106.42,20000");
    const page = await get<Unit[]>("/api/units?near=31.03,106.42,20000&limit=3&offset=2");
    expect(page.total).toBe(near.body.length);
    expect(page.body.map((u) => u.id)).toEqual(near.body.slice(2, 5).map((u) => u.id));
  });

  it("officers: q by badge number or name; sort by name; paged with the total", async () => {
    const officer = await t.db.officer.findFirstOrThrow({ orderBy: { badgeNo: "desc" } });
    const byBadge = await get<Officer[]>(`/api/officers?q=${officer.badgeNo}`);
    expect(byBadge.body.map((o) => o.id)).toContain(officer.id);
    const byName = await get<Officer[]>(`/api/officers?q=${encodeURIComponent(officer.name)}`);
    expect(byName.body.every((o) => o.name.includes(officer.name) || o.badgeNo.includes(officer.name))).toBe(true);
    expect(byName.body.map((o) => o.id)).toContain(officer.id);
    const page = await get<Officer[]>("/api/officers?sort=-birthYear&limit=10&offset=10");
    expect(page.body).toHaveLength(10);
    expect(page.total).toBe(await t.db.officer.count({ where: { retiredAt: null } }));
    const years = page.body.map((o) => o.birthYear);
    expect(years).toEqual([...years].sort((a, b) => b - a));
  });

  it("cameras: q by code or name (any case), sort by name, paged with the total", async () => {
    const camera = await t.db.camera.findFirstOrThrow({ orderBy: { code: "asc" } });
    const found = await get<Camera[]>(`/api/cameras?q=${encodeURIComponent(camera.code.toLowerCase())}`);
    expect(found.body.map((c) => c.id)).toContain(camera.id);
    const sorted = await get<Camera[]>("/api/cameras?sort=name&limit=20");
    expect(sorted.body).toHaveLength(20);
    expect(sorted.total).toBe(await t.db.camera.count({ where: { retiredAt: null } }));
    const first = await t.db.camera.findMany({ where: { retiredAt: null }, orderBy: [{ name: "asc" }, { code: "asc" }], take: 20 });
    expect(sorted.body.map((c) => c.id)).toEqual(first.map((c) => c.id));
    expect((await get("/api/cameras?q=")).status).toBe(400);
  });
});
