// Trust at the device edge: who may report a unit's position or progress, and what a bad fix can do.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPool } from "../src/database";
import { PositionPipeline, type ResolvedFix } from "../src/features/positions/pipeline";
import { createPositionRepository } from "../src/features/positions/repository";
import { buildTestApp, deviceOf, login, type TestContext } from "./helpers";

const nowS = () => Math.floor(Date.now() / 1000);

describe("one poisoned fix", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await buildTestApp({ env: { POSITION_TICK_MS: "250", DEVICE_FIX_BURST: "1000" } });
  });
  afterAll(async () => {
    await t.close();
  });

  it("amid 1,000 good ones from 50 devices: 1,000 stored, one 400 naming the field", async () => {
    const units = await t.db.unit.findMany({ take: 50, orderBy: { id: "asc" }, select: { id: true } });
    const devices = await Promise.all(units.map((u) => deviceOf(t.db, u.id)));
    const base = Date.now() - 120_000;
    const good = devices.flatMap((d, di) =>
      Array.from({ length: 20 }, (_, i) => `/ingest/osmand?${d.query}&timestamp=${base + i * 1000 + di}&lat=31.03&lon=106.42`),
    );
    const poison = `/ingest/osmand?${devices[0]?.query}&timestamp=9000000000000000&lat=31.03&lon=106.41`;
    const before = await t.db.unitPosition.count();
    const replies = await Promise.all(
      [...good.slice(0, 500), poison, ...good.slice(500)].map((url) => t.app.inject({ method: "GET", url })),
    );
    const codes = replies.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1000);
    const refused = replies.filter((r) => r.statusCode !== 200);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.statusCode).toBe(400);
    expect(refused[0]?.json().issues.map((i: { path: string }) => i.path)).toContain("timestamp");
    expect((await t.db.unitPosition.count()) - before).toBe(1000);
  });

  it("in a batch, too: fixAt beyond any time is a 400 naming it", async () => {
    const admin = await login(t.app, "admin");
    const gateway = (
      await t.app.inject({ method: "POST", url: "/api/gateways", headers: { cookie: admin }, payload: { name: "g" } })
    ).json().token;
    const { identifier } = await deviceOf(t.db, "un-dc-car-1");
    const res = await t.app.inject({
      method: "POST",
      url: "/api/devices/positions",
      headers: { authorization: `Bearer ${gateway}` },
      payload: { positions: [{ deviceId: identifier, lat: 31.03, lon: 106.41, fixAt: 9_000_000_000_000_000 }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { path: string }) => i.path)).toContain("body.positions.0.fixAt");
  });

  it("that the database refuses fails only its own request: the others of the same write are stored", async () => {
    const silent = { error: () => undefined, warn: () => undefined };
    const pool = createPool(t.url, { max: 2, onIdleError: silent.error });
    const repository = createPositionRepository({ writes: pool, reads: pool });
    const pipeline = new PositionPipeline(
      repository,
      { positions: () => undefined },
      {
        tickMs: 60_000,
        maxBatch: 100_000,
        maxPending: 100_000,
        log: silent,
      },
    );
    const at = new Date(Date.now() - 50_000);
    const fix = (unitId: string, ms: number): ResolvedFix => ({
      unitId,
      stationId: "st-dc",
      fixAt: new Date(at.getTime() + ms),
      receivedAt: new Date(),
      lat: 31.03,
      lon: 106.42,
      speed: null,
      heading: null,
      altitude: null,
      accuracy: null,
      battery: null,
    });
    try {
      const goodA = pipeline.submit([fix("un-dc-car-2", 1), fix("un-dc-car-2", 2)]);
      // a unit that does not exist: the write's foreign key refuses it
      const bad = pipeline.submit([fix("un-does-not-exist", 3)]).then(
        () => null,
        (error: unknown) => error,
      );
      const goodB = pipeline.submit([fix("un-dc-car-3", 4)]);
      await pipeline.flush();
      await expect(goodA).resolves.toEqual({ accepted: 2, duplicates: 0 });
      await expect(goodB).resolves.toEqual({ accepted: 1, duplicates: 0 });
      expect(await bad).toMatchObject({ statusCode: 400 });
      expect(await t.db.unitPosition.count({ where: { fixAt: { gte: at, lte: new Date(at.getTime() + 10) } } })).toBe(3);
    } finally {
      await pipeline.stop();
      await pool.end();
    }
  });
});

describe("device identity", () => {
  let t: TestContext;
  let admin = "";
  beforeAll(async () => {
    t = await buildTestApp({ env: { POSITION_TICK_MS: "20", DEVICE_FIX_BURST: "3", DEVICE_FIXES_PER_S: "1" } });
    admin = await login(t.app, "admin");
  });
  afterAll(async () => {
    await t.close();
  });
  const report = (query: string, lat = 31.031, at = Date.now() - 1000) =>
    t.app.inject({ method: "POST", url: `/ingest/osmand?${query}&timestamp=${at}&lat=${lat}&lon=106.42` });

  it("refuses a fix without its device's token, or with another's, with one message that tells nothing", async () => {
    const car = await deviceOf(t.db, "un-bc-car-1");
    const other = await deviceOf(t.db, "un-bc-car-2");
    const before = await t.db.unitPosition.count({ where: { unitId: "un-bc-car-1" } });
    const answers = await Promise.all([
      report(`id=${car.identifier}`), // what an <img src> on any page could send
      report(`id=${car.identifier}&key=wrong`),
      report(`id=${car.identifier}&key=${other.token}`),
      report("id=000000000000000&key=made-up"),
    ]);
    for (const a of answers) expect(a.statusCode).toBe(401);
    const bodies = new Set(answers.map((a) => JSON.stringify({ ...a.json(), requestId: undefined })));
    expect(bodies.size).toBe(1);
    expect(await t.db.unitPosition.count({ where: { unitId: "un-bc-car-1" } })).toBe(before);
    expect((await report(car.query)).statusCode).toBe(200);
    // the token may also come as a Bearer header
    const bearer = await t.app.inject({
      method: "POST",
      url: `/ingest/osmand?id=${car.identifier}&timestamp=${Date.now() - 500}&lat=31.0312&lon=106.42`,
      headers: car.bearer,
    });
    expect(bearer.statusCode).toBe(200);
  });

  it("shows device identifiers to administrators only", async () => {
    const { identifier } = await deviceOf(t.db, "un-dc-car-1");
    for (const user of ["operator", "leader", "chief"]) {
      const cookie = await login(t.app, user);
      for (const url of ["/api/units", "/api/board", "/api/units/un-dc-car-1"]) {
        const res = await t.app.inject({ method: "GET", url, headers: { cookie } });
        expect(res.statusCode).toBe(200);
        expect(res.body).not.toContain(identifier);
      }
      expect((await t.app.inject({ method: "GET", url: "/api/units/un-dc-car-1/devices", headers: { cookie } })).statusCode).toBe(403);
    }
    const units = await t.app.inject({ method: "GET", url: "/api/units/un-dc-car-1", headers: { cookie: admin } });
    expect(units.json().deviceCount).toBe(1);
    const devices = await t.app.inject({ method: "GET", url: "/api/units/un-dc-car-1/devices", headers: { cookie: admin } });
    expect(devices.json()).toEqual([expect.objectContaining({ identifier, protocol: "osmand", hasToken: true })]);
    expect(devices.body).not.toMatch(/token"\s*:\s*"/);
  });

  it("registers a device with a token shown once, rotates it (the old one stops at once) and removes it — all audited", async () => {
    const register = await t.app.inject({
      method: "POST",
      url: "/api/units/un-dc-car-5/devices",
      headers: { cookie: admin },
      payload: { protocol: "osmand", identifier: "861234567890123" },
    });
    expect(register.statusCode).toBe(201);
    const { id, token } = register.json();
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const stored = await t.db.device.findUniqueOrThrow({ where: { id } });
    expect(stored.tokenHash).not.toContain(token);
    expect((await report(`id=861234567890123&key=${token}`)).statusCode).toBe(200);
    // the unit's position is its freshest fix from any of its devices
    expect((await t.db.unit.findUniqueOrThrow({ where: { id: "un-dc-car-5" } })).lastLat).toBe(31.031);

    const duplicate = await t.app.inject({
      method: "POST",
      url: "/api/units/un-dc-car-6/devices",
      headers: { cookie: admin },
      payload: { protocol: "osmand", identifier: "861234567890123" },
    });
    expect(duplicate.statusCode).toBe(409);

    const rotated = await t.app.inject({ method: "POST", url: `/api/devices/${id}/token`, headers: { cookie: admin } });
    const fresh = rotated.json().token;
    expect(fresh).not.toBe(token);
    expect((await report(`id=861234567890123&key=${token}`, 31.0311, Date.now() - 800)).statusCode).toBe(401);
    expect((await report(`id=861234567890123&key=${fresh}`, 31.0311, Date.now() - 700)).statusCode).toBe(200);

    expect((await t.app.inject({ method: "DELETE", url: `/api/devices/${id}`, headers: { cookie: admin } })).statusCode).toBe(204);
    expect((await report(`id=861234567890123&key=${fresh}`, 31.0311, Date.now() - 600)).statusCode).toBe(401);

    const audit = await t.app.inject({ method: "GET", url: `/api/audit?targetType=device&target=${id}`, headers: { cookie: admin } });
    expect(audit.json().entries.map((e: { action: string }) => e.action)).toEqual([
      "device.removed",
      "device.token_rotated",
      "device.registered",
    ]);
    expect(audit.body).not.toContain(token);
    expect(audit.body).not.toContain(fresh);
    const operator = await login(t.app, "operator");
    for (const [method, url] of [
      ["POST", "/api/units/un-dc-car-5/devices"],
      ["POST", `/api/devices/${id}/token`],
      ["DELETE", `/api/devices/${id}`],
      ["POST", "/api/gateways"],
      ["GET", "/api/audit"],
    ] as const) {
      const res = await t.app.inject({
        method,
        url,
        headers: { cookie: operator },
        payload: { protocol: "osmand", identifier: "x12345", name: "g" },
      });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
  });

  it("places a fix dated ahead of its arrival at its arrival, so the unit is not frozen", async () => {
    const car = await deviceOf(t.db, "un-bc-car-3");
    const ahead = Date.now() + 4 * 60_000 + 50_000;
    expect((await report(car.query, 31.04, ahead)).statusCode).toBe(200);
    const unit = await t.db.unit.findUniqueOrThrow({ where: { id: "un-bc-car-3" } });
    expect(unit.lastFixAt?.getTime()).toBeLessThanOrEqual(Date.now());
    await new Promise((r) => setTimeout(r, 1100));
    expect((await report(car.query, 31.041, Date.now())).statusCode).toBe(200);
    expect((await t.db.unit.findUniqueOrThrow({ where: { id: "un-bc-car-3" } })).lastLat).toBe(31.041);
  });

  it("limits each device: a burst of a few, then 429 with Retry-After, storing nothing refused; another device is unaffected", async () => {
    const car = await deviceOf(t.db, "un-bc-car-4");
    const base = Date.now() - 30_000;
    const codes: number[] = [];
    let refused: Awaited<ReturnType<typeof report>> | undefined;
    for (let i = 0; i < 6; i++) {
      const res = await report(car.query, 31.03 + i * 1e-4, base + i);
      codes.push(res.statusCode);
      if (res.statusCode === 429) refused = res;
    }
    expect(codes.slice(0, 3)).toEqual([200, 200, 200]);
    expect(codes.slice(3)).toEqual([429, 429, 429]);
    expect(Number(refused?.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(refused?.json()).toMatchObject({ code: "device_rate_limited" });
    expect(await t.db.unitPosition.count({ where: { unitId: "un-bc-car-4", fixAt: { gte: new Date(base) } } })).toBe(3);
    expect((await report((await deviceOf(t.db, "un-bc-car-5")).query)).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await report(car.query, 31.05, Date.now())).statusCode).toBe(200);
  });

  it("lets a device report only its own fixes and progress; a gateway any device's", async () => {
    const car = await deviceOf(t.db, "un-bc-car-6");
    const other = await deviceOf(t.db, "un-dc-car-6");
    const batch = (auth: Record<string, string>, positions: object[]) =>
      t.app.inject({ method: "POST", url: "/api/devices/positions", headers: auth, payload: { positions } });
    const fix = (deviceId?: string) => ({ ...(deviceId ? { deviceId } : {}), lat: 31.03, lon: 106.41, fixAt: Date.now() - 90_000 });
    expect((await batch({}, [fix(car.identifier)])).statusCode).toBe(401);
    expect((await batch(car.bearer, [fix()])).statusCode).toBe(200);
    expect((await batch(car.bearer, [fix(other.identifier)])).statusCode).toBe(403);
    const gateway = (
      await t.app.inject({ method: "POST", url: "/api/gateways", headers: { cookie: admin }, payload: { name: "vehicle platform" } })
    ).json();
    expect((await batch({ authorization: `Bearer ${gateway.token}` }, [fix(other.identifier)])).statusCode).toBe(200);
    expect((await batch({ authorization: `Bearer ${gateway.token}` }, [fix()])).statusCode).toBe(400);
    expect(await t.db.auditEvent.count({ where: { action: "gateway.created", targetId: gateway.id } })).toBe(1);
  });
});

describe("DEVICE_AUTH=none", () => {
  it("keeps Traccar's trusted-network behaviour: the identifier alone reports", async () => {
    const t = await buildTestApp({ env: { DEVICE_AUTH: "none", POSITION_TICK_MS: "20" } });
    try {
      const { identifier } = await deviceOf(t.db, "un-dc-car-2");
      const res = await t.app.inject({ method: "POST", url: `/ingest/osmand?id=${identifier}&timestamp=${nowS()}&lat=31.03&lon=106.42` });
      expect(res.statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe("a rotated token across API processes", () => {
  it("stops working at the other process too, within a moment (the database's notice, not the next reload)", async () => {
    const a = await buildTestApp({ env: { POSITION_TICK_MS: "20" } });
    const b = await buildTestApp({ ownerUrl: a.ownerUrl, env: { POSITION_TICK_MS: "20" } });
    try {
      const admin = await login(a.app, "admin");
      const { identifier } = await deviceOf(a.db, "un-xj-car-1");
      const device = await a.db.device.findFirstOrThrow({ where: { identifier } });
      const old = (await a.app.inject({ method: "POST", url: `/api/devices/${device.id}/token`, headers: { cookie: admin } })).json().token;
      const send = (token: string) =>
        b.app.inject({
          method: "POST",
          url: `/ingest/osmand?id=${identifier}&key=${token}&timestamp=${Date.now() - 500}&lat=31.03&lon=106.42`,
        });
      // B learns the token and keeps it in its cache
      await expect.poll(async () => (await send(old)).statusCode, { timeout: 3000 }).toBe(200);
      const fresh = (await a.app.inject({ method: "POST", url: `/api/devices/${device.id}/token`, headers: { cookie: admin } })).json()
        .token;
      const t0 = Date.now();
      await expect.poll(async () => (await send(old)).statusCode, { timeout: 2000, interval: 20 }).toBe(401);
      expect(Date.now() - t0).toBeLessThan(2000);
      expect((await send(fresh)).statusCode).toBe(200);
    } finally {
      await b.close();
      await a.close();
    }
  });
});
