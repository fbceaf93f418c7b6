// Device ingest against the real app and database, with literal requests of the kind real clients send.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, deviceOf, login, type TestContext } from "./helpers";

const DC_CAR = { unitId: "un-dc-car-1" };
/** the car's phone as OsmAnd query parameters: its identifier and its token */
let device = "";
let identifier = "";
let token = "";
let gateway = "";
const nowS = () => Math.floor(Date.now() / 1000);

describe("device ingest", () => {
  let t: TestContext;
  const positions = (unitId = DC_CAR.unitId) => t.db.unitPosition.findMany({ where: { unitId }, orderBy: { fixAt: "asc" } });

  beforeAll(async () => {
    // these tests send many fixes of one device in a row: the per-device limit has its own test
    t = await buildTestApp({ env: { POSITION_TICK_MS: "20", DEVICE_FIX_BURST: "10000" } });
    ({ query: device, identifier, token } = await deviceOf(t.db, DC_CAR.unitId));
    const created = await t.app.inject({
      method: "POST",
      url: "/api/gateways",
      headers: { cookie: await login(t.app, "admin") },
      payload: { name: "350M radio gateway" },
    });
    gateway = created.json().token;
    // the car last reported an hour ago (the seed stamps every unit "just now")
    await t.db.unit.update({ where: { id: DC_CAR.unitId }, data: { lastFixAt: new Date(Date.now() - 3_600_000) } });
  });
  afterAll(async () => {
    await t.close();
  });

  it("takes the legacy Traccar Client request: POST, parameters in the query string, empty body", async () => {
    const ts = nowS() - 60;
    const res = await t.app.inject({
      method: "POST",
      url: `/ingest/osmand?${device}&timestamp=${ts}&lat=31.0312&lon=106.4190&speed=10.0&bearing=90.0&altitude=290.0&accuracy=8.0&batt=76.0`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ accepted: 1, duplicates: 0 });
    const stored = (await positions()).find((p) => p.fixAt.getTime() === ts * 1000);
    expect(stored).toMatchObject({ lat: 31.0312, lon: 106.419, heading: 90, altitude: 290, accuracy: 8, battery: 76 });
    expect(stored?.speed).toBeCloseTo(18.52, 2); // 10 knots in km/h
    const unit = await t.db.unit.findUniqueOrThrow({ where: { id: DC_CAR.unitId } });
    expect(unit.lastFixAt?.getTime()).toBe(ts * 1000);
    expect([unit.lastLat, unit.lastLon]).toEqual([31.0312, 106.419]);
  });

  it("takes the current client's form body", async () => {
    const ts = nowS() - 50;
    const res = await t.app.inject({
      method: "POST",
      url: `/ingest/osmand?key=${token}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: `id=${identifier}&timestamp=${ts}&lat=31.0313&lon=106.4191&speed=0.0&bearing=0.0&altitude=290.0&accuracy=5.0&batt=75.0&charge=false`,
    });
    expect(res.statusCode).toBe(200);
    expect((await positions()).some((p) => p.fixAt.getTime() === ts * 1000 && p.lat === 31.0313)).toBe(true);
  });

  it("takes the JSON body of the newest Traccar Client apps", async () => {
    const at = new Date(Date.now() - 40_000).toISOString();
    const body = {
      location: {
        timestamp: at,
        coords: { latitude: 31.0314, longitude: 106.4192, accuracy: 5, speed: 5, heading: 180, altitude: 291 },
        is_moving: true,
        odometer: 1200,
        event: "motionchange",
        battery: { level: 0.74, is_charging: false },
        activity: { type: "in_vehicle" },
        extras: {},
      },
      device_id: identifier,
    };
    const res = await t.app.inject({
      method: "POST",
      url: `/ingest/osmand?key=${token}`,
      headers: { "content-type": "application/json" },
      payload: JSON.stringify(body),
    });
    expect(res.statusCode).toBe(200);
    const stored = (await positions()).find((p) => p.fixAt.toISOString() === at);
    expect(stored).toMatchObject({ lat: 31.0314, speed: 18, heading: 180, battery: 74 });
  });

  it("takes GET and location=lat,lon, and stamps a fix sent without a time with its arrival", async () => {
    const before = Date.now();
    const res = await t.app.inject({
      method: "GET",
      url: `/ingest/osmand?deviceid=${identifier}&location=31.0315,106.4193`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(200);
    const latest = (await positions()).at(-1);
    expect(latest?.lat).toBe(31.0315);
    expect(latest?.fixAt.getTime()).toBeGreaterThanOrEqual(before - 1);
  });

  it("refuses an unknown device with 404 from a gateway, stores nothing, and counts it for the administrators only", async () => {
    const count = await t.db.unitPosition.count();
    const res = await t.app.inject({
      method: "POST",
      url: "/api/devices/positions",
      headers: { authorization: `Bearer ${gateway}` },
      payload: { positions: [{ deviceId: "999999999999999", lat: 31.03, lon: 106.41, fixAt: Date.now() - 1000 }] },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toMatch(/999999999999999.*not registered/);
    expect(await t.db.unitPosition.count()).toBe(count);
    const stats = await t.app.inject({ method: "GET", url: "/api/devices/ingest-stats", headers: { cookie: await login(t.app, "admin") } });
    expect(stats.json().rejected.unknownDevice).toBeGreaterThanOrEqual(1);
    expect(stats.json().unknownDevices[0]).toMatchObject({ deviceId: "999999999999999", attempts: 1 });
    for (const user of ["operator", "leader", "chief"]) {
      const refused = await t.app.inject({
        method: "GET",
        url: "/api/devices/ingest-stats",
        headers: { cookie: await login(t.app, user) },
      });
      expect(refused.statusCode).toBe(403);
    }
  });

  it.each([
    ["lat=91&lon=106.41", "lat"],
    ["lat=31.03&lon=-181", "lon"],
    ["lat=NaN&lon=106.41", "lat"],
    ["lat=0&lon=0", "lat"],
    ["lat=31.03", "lon"],
    ["lat=31.03&lon=106.41&speed=abc", "speed"],
    [`lat=31.03&lon=106.41&timestamp=${Math.floor(Date.now() / 1000) + 3600}`, "timestamp"],
  ])("refuses %s with 400 naming %s, storing nothing", async (params, field) => {
    const count = await t.db.unitPosition.count();
    const res = await t.app.inject({ method: "POST", url: `/ingest/osmand?${device}&${params}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { path: string }) => i.path)).toContain(field);
    expect(await t.db.unitPosition.count()).toBe(count);
  });

  it("refuses a broken JSON body with 400", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: `/ingest/osmand?key=${token}`,
      headers: { "content-type": "application/json" },
      payload: '{"device_id": "1", "location": ',
    });
    expect(res.statusCode).toBe(400);
  });

  it("keeps an out-of-order fix in history but never moves the live position backwards", async () => {
    await t.db.unit.update({ where: { id: DC_CAR.unitId }, data: { lastFixAt: new Date(Date.now() - 3_600_000) } });
    const newer = nowS() - 10;
    const older = nowS() - 20;
    await t.app.inject({ method: "POST", url: `/ingest/osmand?${device}&timestamp=${newer}&lat=31.0320&lon=106.4200` });
    await t.app.inject({ method: "POST", url: `/ingest/osmand?${device}&timestamp=${older}&lat=31.0100&lon=106.4000` });
    const history = await positions();
    expect(history.some((p) => p.fixAt.getTime() === older * 1000)).toBe(true);
    const unit = await t.db.unit.findUniqueOrThrow({ where: { id: DC_CAR.unitId } });
    expect(unit.lastFixAt?.getTime()).toBe(newer * 1000);
    expect(unit.lastLat).toBe(31.032);
  });

  it("stores an exact duplicate once", async () => {
    const ts = nowS() - 5;
    const url = `/ingest/osmand?${device}&timestamp=${ts}&lat=31.0321&lon=106.4201`;
    expect((await t.app.inject({ method: "POST", url })).json()).toEqual({ accepted: 1, duplicates: 0 });
    expect((await t.app.inject({ method: "POST", url })).json()).toEqual({ accepted: 1, duplicates: 1 });
    expect((await positions()).filter((p) => p.fixAt.getTime() === ts * 1000)).toHaveLength(1);
  });

  describe("gateway batches", () => {
    const fix = (i: number, over: Record<string, unknown> = {}) => ({
      deviceId: identifier,
      lat: 31.03 + i * 1e-4,
      lon: 106.41,
      fixAt: new Date(Date.now() - 100_000 - i * 1000).toISOString(),
      speed: 30,
      heading: 45,
      ...over,
    });

    it("stores a batch", async () => {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/devices/positions",
        headers: { authorization: `Bearer ${gateway}` },
        payload: { positions: [fix(1), fix(2), fix(3, { fixAt: Date.now() - 103_500 })] },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ accepted: 3, duplicates: 0 });
    });

    it("stores nothing when one fix is bad, naming it", async () => {
      const count = await t.db.unitPosition.count();
      const res = await t.app.inject({
        method: "POST",
        url: "/api/devices/positions",
        headers: { authorization: `Bearer ${gateway}` },
        payload: { positions: [fix(10), fix(11, { lat: 95 }), fix(12)] },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().issues.map((i: { path: string }) => i.path)).toContain("body.positions.1.lat");
      const future = await t.app.inject({
        method: "POST",
        url: "/api/devices/positions",
        headers: { authorization: `Bearer ${gateway}` },
        payload: { positions: [fix(13), fix(14, { fixAt: new Date(Date.now() + 3_600_000).toISOString() })] },
      });
      expect(future.statusCode).toBe(400);
      expect(future.json().issues.map((i: { path: string }) => i.path)).toContain("body.positions.1.fixAt");
      expect(await t.db.unitPosition.count()).toBe(count);
    });

    it("stores nothing when a device is unknown", async () => {
      const count = await t.db.unitPosition.count();
      const res = await t.app.inject({
        method: "POST",
        url: "/api/devices/positions",
        headers: { authorization: `Bearer ${gateway}` },
        payload: { positions: [fix(20), fix(21, { deviceId: "nope-1" })] },
      });
      expect(res.statusCode).toBe(404);
      expect(await t.db.unitPosition.count()).toBe(count);
    });

    it("refuses an oversize batch (more than 1000 fixes) and an unknown field", async () => {
      const big = await t.app.inject({
        method: "POST",
        url: "/api/devices/positions",
        headers: { authorization: `Bearer ${gateway}` },
        payload: { positions: Array.from({ length: 1001 }, (_, i) => fix(i)) },
      });
      expect(big.statusCode).toBe(400);
      expect(big.json().message).toMatch(/at most 1000/);
      const extra = await t.app.inject({
        method: "POST",
        url: "/api/devices/positions",
        headers: { authorization: `Bearer ${gateway}` },
        payload: { positions: [{ ...fix(1), colour: "red" }] },
      });
      expect(extra.statusCode).toBe(400);
    });
  });

  describe("track playback", () => {
    it("returns the history in order, scoped like everything else", async () => {
      const from = new Date(Date.now() - 3_600_000).toISOString();
      const to = new Date(Date.now() + 60_000).toISOString();
      const operator = await login(t.app, "operator");
      const res = await t.app.inject({
        method: "GET",
        url: `/api/units/${DC_CAR.unitId}/track?from=${from}&to=${to}`,
        headers: { cookie: operator },
      });
      expect(res.statusCode).toBe(200);
      const track = res.json();
      expect(track.total).toBe(await t.db.unitPosition.count({ where: { unitId: DC_CAR.unitId } }));
      expect(track.downsampled).toBe(false);
      const times = track.points.map((p: { at: string }) => Date.parse(p.at));
      expect([...times].sort((a, b) => a - b)).toEqual(times);

      const chief = await login(t.app, "chief");
      expect(
        (await t.app.inject({ method: "GET", url: `/api/units/un-bc-car-1/track?from=${from}&to=${to}`, headers: { cookie: chief } }))
          .statusCode,
      ).toBe(404);
      expect(
        (
          await t.app.inject({
            method: "GET",
            url: `/api/units/${DC_CAR.unitId}/track?from=${to}&to=${from}`,
            headers: { cookie: operator },
          })
        ).statusCode,
      ).toBe(400);
      expect(
        (await t.app.inject({ method: "GET", url: `/api/units/${DC_CAR.unitId}/track?from=${from}`, headers: { cookie: operator } }))
          .statusCode,
      ).toBe(400);
    });

    it("thins a long range evenly in time, keeping the first and last fix", async () => {
      const base = Date.now() - 10 * 3_600_000;
      await t.db.unitPosition.createMany({
        data: Array.from({ length: 3000 }, (_, i) => ({
          unitId: "un-dc-car-2",
          fixAt: new Date(base + i * 10_000),
          lat: 31.03 + i * 1e-6,
          lon: 106.41,
        })),
      });
      const from = new Date(base).toISOString();
      const to = new Date(base + 3000 * 10_000).toISOString();
      const res = await t.app.inject({
        method: "GET",
        url: `/api/units/un-dc-car-2/track?from=${from}&to=${to}&maxPoints=100`,
        headers: { cookie: await login(t.app, "operator") },
      });
      const track = res.json();
      expect(track.total).toBe(3000);
      expect(track.downsampled).toBe(true);
      expect(track.points.length).toBeLessThanOrEqual(100);
      expect(track.points.length).toBeGreaterThan(90);
      expect(Date.parse(track.points[0].at)).toBe(base);
      expect(Date.parse(track.points.at(-1).at)).toBe(base + 2999 * 10_000);
      const gaps = track.points.slice(1).map((p: { at: string }, i: number) => Date.parse(p.at) - Date.parse(track.points[i].at));
      expect(Math.max(...gaps)).toBeLessThan(3 * 300_000);
    });
  });
});

describe("ingest under load and at shutdown", () => {
  it("answers 503 with Retry-After when the intake is full, storing only what it acknowledged", async () => {
    const t = await buildTestApp({ env: { POSITION_TICK_MS: "2000", POSITION_MAX_PENDING: "3" } });
    try {
      const devices = await Promise.all(
        (await t.db.unit.findMany({ where: { homeStationId: "st-dc" }, take: 5, orderBy: { id: "asc" } })).map(
          async (u) => (await deviceOf(t.db, u.id)).query,
        ),
      );
      const ts = Math.floor(Date.now() / 1000) - 30;
      const responses = await Promise.all(
        devices.map((d) => t.app.inject({ method: "POST", url: `/ingest/osmand?${d}&timestamp=${ts}&lat=31.03&lon=106.42` })),
      );
      const codes = responses.map((r) => r.statusCode).sort();
      expect(codes).toEqual([200, 200, 200, 503, 503]);
      expect(responses.find((r) => r.statusCode === 503)?.headers["retry-after"]).toBe("1");
      expect(await t.db.unitPosition.count({ where: { fixAt: new Date(ts * 1000) } })).toBe(3);
    } finally {
      await t.close();
    }
  });

  it("writes every accepted fix before it closes", async () => {
    const t = await buildTestApp({ env: { POSITION_TICK_MS: "5000" } });
    const devices = await Promise.all(
      (await t.db.unit.findMany({ take: 20, orderBy: { id: "asc" } })).map(async (u) => (await deviceOf(t.db, u.id)).query),
    );
    const ts = Math.floor(Date.now() / 1000) - 15;
    const pending = devices.map((d) => t.app.inject({ method: "POST", url: `/ingest/osmand?${d}&timestamp=${ts}&lat=31.03&lon=106.42` }));
    await new Promise((r) => setTimeout(r, 100));
    expect(await t.db.unitPosition.count({ where: { fixAt: new Date(ts * 1000) } })).toBe(0); // still waiting for the tick
    await t.close(); // what SIGTERM does
    expect((await Promise.all(pending)).every((r) => r.statusCode === 200)).toBe(true);
    const { createDbClient } = await import("@onemap/db");
    const db = createDbClient(t.url, { max: 1 });
    expect(await db.unitPosition.count({ where: { fixAt: new Date(ts * 1000) } })).toBe(20);
    await db.$disconnect();
  });
});
