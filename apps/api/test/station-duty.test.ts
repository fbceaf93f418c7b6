// A station's duty report (勤务报备, issue 12 item 4) and the county roster kept by the duty leaders:
// who may read and write which, what is refused (400 naming the entries, 409 one person in two places)
// with nothing written, what the audit holds, and which boards hear `duty:changed` (item 5).
import type { ErrorBody, StationDuty, UnitDuty } from "@onemap/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, login, type TestContext } from "./helpers";
import { type BoardSocket, connectBoard, sleep, waitForEvent } from "./realtime-helpers";

const DATE = "2027-03-01";

describe("station duty reports", () => {
  let t: TestContext;
  let base: string;
  const cookies: Record<"admin" | "operator" | "leader" | "chief" | "bcChief", string> = {} as never;
  let dc: StationDuty;
  const sockets: BoardSocket[] = [];

  const call = async <T = ErrorBody>(method: "GET" | "PUT", url: string, cookie: string, payload?: object) => {
    const res = await t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.json() as T & ErrorBody };
  };
  const rows = (stationId: string) =>
    t.db.stationDutyEntry.findMany({ where: { stationId, date: new Date(`${DATE}T00:00:00Z`) }, orderBy: { officerId: "asc" } });
  const audited = () => t.db.auditEvent.count({ where: { action: "station_duty.changed" } });
  const board = async (cookie: string) => {
    const { socket } = await connectBoard(base, cookie);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    t = await buildTestApp();
    base = await t.app.listen({ host: "127.0.0.1", port: 0 });
    for (const who of ["admin", "operator", "leader", "chief"] as const) cookies[who] = await login(t.app, who);
    const res = await t.app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie: cookies.admin },
      payload: { username: "bc.chief", displayName: "北城所长", password: "a long password", role: "STATION_CHIEF", stationId: "st-bc" },
    });
    expect(res.statusCode).toBe(201);
    cookies.bcChief = await login(t.app, "bc.chief", "a long password");
    dc = (await call<StationDuty>("GET", `/api/stations/st-dc/duty?date=${DATE}&shift=DAY`, cookies.chief)).body;
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
  });

  it("a chief reads their own station's shift: nothing reported yet, the officers and units in service offered", async () => {
    expect(dc).toMatchObject({ stationId: "st-dc", stationName: "东城派出所", date: DATE, shift: "DAY", reported: false, entries: [] });
    const officers = await t.db.officer.count({ where: { stationId: "st-dc", retiredAt: null } });
    expect(dc.officers).toHaveLength(officers);
    expect(dc.units.map((u) => u.id)).toContain("un-dc-car-1");
    // today's shift, China time, without a date
    const now = await call<StationDuty>("GET", "/api/stations/st-dc/duty", cookies.chief);
    expect(now.status).toBe(200);
    expect(["DAY", "EVENING", "NIGHT"]).toContain(now.body.shift);
  });

  it("another station is not found for a chief (it does not say it exists); other roles are refused; no session is 401", async () => {
    const body = { date: DATE, shift: "DAY", entries: [] };
    expect((await call("GET", `/api/stations/st-bc/duty?date=${DATE}`, cookies.chief)).status).toBe(404);
    expect((await call("PUT", "/api/stations/st-bc/duty", cookies.chief, body)).status).toBe(404);
    for (const who of ["operator", "leader"] as const) {
      expect((await call("GET", "/api/stations/st-dc/duty", cookies[who])).status).toBe(403);
      expect((await call("PUT", "/api/stations/st-dc/duty", cookies[who], body)).status).toBe(403);
    }
    expect((await t.app.inject({ method: "PUT", url: "/api/stations/st-dc/duty", payload: body })).statusCode).toBe(401);
    expect((await call("GET", "/api/stations/st-none/duty", cookies.admin)).status).toBe(404);
    expect(await t.db.stationDutyEntry.count()).toBe(0);
  });

  it("refuses bad input with the entries' fields, and writes nothing", async () => {
    const [a, b, c] = dc.officers;
    const bcOfficer = await t.db.officer.findFirstOrThrow({ where: { stationId: "st-bc" } });
    const cases: [object, string[]][] = [
      [{ date: "2027-02-30", shift: "DAY", entries: [] }, ["body.date"]],
      // a date PostgreSQL cannot store is the caller's mistake, not a 500
      [{ date: "0000-01-01", shift: "DAY", entries: [] }, ["body.date"]],
      [{ date: DATE, shift: "NOON", entries: [] }, ["body.shift"]],
      [{ date: DATE, shift: "DAY", entries: [{ officerId: a?.id, extra: 1 }] }, ["body.entries.0"]],
      [{ date: DATE, shift: "DAY", entries: [{ officerId: bcOfficer.id }] }, ["body.entries.0.officerId"]],
      [{ date: DATE, shift: "DAY", entries: [{ officerId: a?.id, unitId: "un-bc-car-1" }] }, ["body.entries.0.unitId"]],
      [{ date: DATE, shift: "DAY", entries: [{ officerId: a?.id }, { officerId: a?.id }] }, ["body.entries.1.officerId"]],
      [{ date: DATE, shift: "DAY", entries: [{ officerId: a?.id, leader: true }] }, ["body.entries.0.leader"]],
      [
        {
          date: DATE,
          shift: "DAY",
          entries: [
            { officerId: a?.id, unitId: "un-dc-car-1", leader: true },
            { officerId: b?.id, unitId: "un-dc-car-1", leader: true },
            { officerId: c?.id },
          ],
        },
        ["body.entries.1.leader"],
      ],
    ];
    for (const [payload, paths] of cases) {
      const res = await call("PUT", "/api/stations/st-dc/duty", cookies.chief, payload);
      expect(res.status, JSON.stringify(payload)).toBe(400);
      expect(res.body.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(paths));
    }
    for (const url of ["/api/stations/st-dc/duty?date=0000-01-01", "/api/stations/st-dc/duty?shift=NOON", "/api/duty?date=0000-01-01"])
      expect((await call("GET", url, cookies.admin)).status, url).toBe(400);
    expect(await t.db.stationDutyEntry.count()).toBe(0);
    expect(await audited()).toBe(0);
  });

  it("a chief's report replaces the shift's, is audited, and is heard by their board and the county's, not another station's", async () => {
    const [a, b, c] = dc.officers;
    if (!a || !b || !c) throw new Error("东城 needs three officers");
    const county = await board(cookies.operator);
    const own = await board(cookies.chief);
    const other = await board(cookies.bcChief);
    const otherHeard: unknown[] = [];
    other.on("duty:changed", (e) => void otherHeard.push(e));
    const heard = Promise.all([waitForEvent(county, "duty:changed", 3000), waitForEvent(own, "duty:changed", 3000)]);
    const entries = [
      { officerId: a.id, unitId: "un-dc-car-1", leader: true },
      { officerId: b.id, unitId: "un-dc-car-1" },
      { officerId: c.id },
    ];
    const res = await call<StationDuty>("PUT", "/api/stations/st-dc/duty", cookies.chief, { date: DATE, shift: "DAY", entries });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ reported: true, shift: "DAY" });
    expect(res.body.entries).toHaveLength(3);
    const [toCounty, toOwn] = await heard;
    expect(toCounty).toMatchObject({ stationId: "st-dc", date: DATE, shift: "DAY" });
    expect(toOwn).toMatchObject({ stationId: "st-dc" });
    expect((await rows("st-dc")).map((r) => [r.officerId, r.unitId, r.leader])).toEqual(
      [
        [a.id, "un-dc-car-1", true],
        [b.id, "un-dc-car-1", false],
        [c.id, null, false],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    expect(await audited()).toBe(1);
    // replaced, not added to: one person left on shift; the evening's report is its own
    expect(
      (await call("PUT", "/api/stations/st-dc/duty", cookies.chief, { date: DATE, shift: "DAY", entries: [{ officerId: c.id }] })).status,
    ).toBe(200);
    expect(await rows("st-dc")).toHaveLength(1);
    const evening = await call<StationDuty>("GET", `/api/stations/st-dc/duty?date=${DATE}&shift=EVENING`, cookies.admin);
    expect(evening.body.reported).toBe(false);
    await sleep(300);
    expect(otherHeard).toEqual([]);
  });

  it("one person in one place per shift: 409 naming them and the station they are on, nothing written", async () => {
    const moved = dc.officers[2];
    if (!moved) throw new Error("东城 needs three officers");
    // reported at 东城 (the previous test), then transferred to 北城 in the middle of the shift
    await t.db.officer.update({ where: { id: moved.id }, data: { stationId: "st-bc" } });
    const before = await audited();
    const res = await call("PUT", "/api/stations/st-bc/duty", cookies.bcChief, {
      date: DATE,
      shift: "DAY",
      entries: [{ officerId: moved.id }],
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: "on_duty_elsewhere", params: { name: moved.name, station: "东城派出所" } });
    expect(await rows("st-bc")).toHaveLength(0);
    expect(await audited()).toBe(before);
    // another shift is another place
    expect(
      (await call("PUT", "/api/stations/st-bc/duty", cookies.bcChief, { date: DATE, shift: "EVENING", entries: [{ officerId: moved.id }] }))
        .status,
    ).toBe(200);
  });

  it("a unit's crew on the shift in progress, as its station reported it: read by every board that sees the unit", async () => {
    const [a, b] = dc.officers;
    if (!a || !b) throw new Error("东城 needs two officers");
    const before = await call<UnitDuty>("GET", "/api/units/un-dc-car-1/duty", cookies.operator);
    expect(before.status).toBe(200);
    const { date, shift } = before.body;
    const report = {
      date,
      shift,
      entries: [
        { officerId: b.id, unitId: "un-dc-car-1" },
        { officerId: a.id, unitId: "un-dc-car-1", leader: true },
      ],
    };
    expect((await call("PUT", "/api/stations/st-dc/duty", cookies.chief, report)).status).toBe(200);
    const after = await call<UnitDuty>("GET", "/api/units/un-dc-car-1/duty", cookies.operator);
    expect(after.body).toMatchObject({ unitId: "un-dc-car-1", reported: true });
    expect(after.body.crew.map((c) => [c.id, c.leader])).toEqual([
      [a.id, true],
      [b.id, false],
    ]);
    // the station reported the shift: a unit of it nobody crews is crewed by nobody
    expect((await call<UnitDuty>("GET", "/api/units/un-dc-car-2/duty", cookies.chief)).body).toMatchObject({ reported: true, crew: [] });
    // another station's unit is not found for a chief; nothing reported there: its standing crew applies
    expect((await call("GET", "/api/units/un-dc-car-1/duty", cookies.bcChief)).status).toBe(404);
    expect((await call<UnitDuty>("GET", "/api/units/un-bc-car-1/duty", cookies.bcChief)).body).toMatchObject({ reported: false, crew: [] });
    expect((await call("GET", "/api/units/un-none/duty", cookies.admin)).status).toBe(404);
  });

  it("duty leaders keep the county roster (operators and chiefs may not), and every board hears it changed", async () => {
    const leaderOfficer = await t.db.officer.findFirstOrThrow({ where: { user: { username: "leader" } } });
    const body = { date: DATE, entries: [{ shift: "DAY", role: "DUTY_LEADER", officerId: leaderOfficer.id }] };
    for (const who of ["operator", "chief"] as const) {
      expect((await call("PUT", "/api/duty", cookies[who], body)).status).toBe(403);
      expect((await call("GET", "/api/duty/officers?q=王", cookies[who])).status).toBe(403);
    }
    expect((await call("GET", "/api/duty/officers?q=王", cookies.leader)).status).toBe(200);
    const chiefBoard = await board(cookies.bcChief);
    const heard = waitForEvent(chiefBoard, "duty:changed", 3000);
    const res = await call("PUT", "/api/duty", cookies.leader, body);
    expect(res.status).toBe(200);
    expect(await heard).toMatchObject({ stationId: null, date: DATE, shift: null });
    expect(await t.db.dutyShift.count({ where: { date: new Date(`${DATE}T00:00:00Z`) } })).toBe(1);
  });
});
