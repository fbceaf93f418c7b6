// The edges an outsider (or a curious role) tries: socket origins, forged client addresses, the audit
// as the runtime role sees it, input the database cannot hold, security headers, scope leaks, housekeeping.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import pg from "pg";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../src/config";
import { createPool } from "../src/database";
import { createIncidentRepository } from "../src/features/incidents/repository";
import { createPurgeJob } from "../src/plugins/purge";
import { redactedRequest } from "../src/plugins/security-headers";
import { buildTestApp, deviceOf, login, type TestContext } from "./helpers";
import { freePort } from "./process";
import { connectBoard, sleep, waitForEvent } from "./realtime-helpers";

describe("the board's socket", () => {
  let t: TestContext;
  let base = "";
  let cookie = "";
  beforeAll(async () => {
    t = await buildTestApp({ env: { ALLOWED_ORIGINS: "https://wall.example" } });
    base = await t.app.listen({ host: "127.0.0.1", port: 0 });
    cookie = await login(t.app, "operator");
  });
  afterAll(async () => {
    await t.close();
  });
  const open = (origin: string) =>
    new Promise<string>((resolve) => {
      const socket = io(`${base}/board`, {
        transports: ["websocket"],
        extraHeaders: { cookie, origin },
        reconnection: false,
        forceNew: true,
      });
      socket.once("board:hello", () => {
        socket.close();
        resolve("connected");
      });
      socket.once("connect_error", (error) => {
        socket.close();
        resolve(`refused: ${error.message}`);
      });
    });

  it("refuses a page from another origin (even another port of the same host), with the operator's cookie", async () => {
    const port = new URL(base).port;
    expect(await open("http://localhost:8999")).toMatch(/refused/);
    expect(await open("http://127.0.0.1:8999")).toMatch(/refused/);
    expect(await open("null")).toMatch(/refused/);
    expect(await open(`http://127.0.0.1:${port}`)).toBe("connected");
    expect(await open("https://wall.example")).toBe("connected");
  });
});

describe("client addresses behind the proxy", () => {
  it("refuses TRUST_PROXY=true, and with listed proxies a forged X-Forwarded-For does not dodge the sign-in limit", async () => {
    expect(() => parseConfig({ TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY.*list the proxies/);
    expect(() => parseConfig({ TRUST_PROXY: "10.0.0.0/33" })).toThrow(/TRUST_PROXY/);
    expect(parseConfig({ TRUST_PROXY: "127.0.0.1, 10.0.0.0/8" }).TRUST_PROXY).toEqual(["127.0.0.1", "10.0.0.0/8"]);
    const t = await buildTestApp({ env: { TRUST_PROXY: "127.0.0.1", LOGIN_RATE_LIMIT_PER_MINUTE: "3" } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) {
        // what nginx's $proxy_add_x_forwarded_for makes of a forged header: the forgery, then the real address
        const res = await t.app.inject({
          method: "POST",
          url: "/api/auth/login",
          remoteAddress: "127.0.0.1",
          headers: { "x-forwarded-for": `198.51.100.${i}, 203.0.113.7` },
          payload: { username: "nobody", password: "x" },
        });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429, 429, 429]);
      // and the audit records the real client
      expect(await t.db.auditEvent.count({ where: { action: "auth.login_failed", ip: "203.0.113.7" } })).toBe(3);
    } finally {
      await t.close();
    }
  });
});

describe("the audit", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it("cannot be rewritten by the role the API runs as: UPDATE, DELETE, TRUNCATE, DISABLE TRIGGER, replica mode all fail", async () => {
    // something in both tables first
    const operator = await login(t.app, "operator");
    await t.app.inject({
      method: "POST",
      url: "/api/incidents",
      headers: { cookie: operator },
      payload: { category: "theft", lat: 31.03, lon: 106.42 },
    });
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ user: string; su: boolean }>(
        "SELECT current_user AS user, rolsuper AS su FROM pg_roles WHERE rolname = current_user",
      );
      expect(rows[0]).toEqual({ user: "onemap_test_app", su: false });
      for (const table of ["IncidentEvent", "AuditEvent"]) {
        expect(Number((await client.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n)).toBeGreaterThan(0);
        for (const sql of [
          `UPDATE "${table}" SET "at" = now()`,
          `DELETE FROM "${table}"`,
          `TRUNCATE "${table}"`,
          `ALTER TABLE "${table}" DISABLE TRIGGER ALL`,
          `DROP TABLE "${table}"`,
          "SET session_replication_role = replica",
        ]) {
          await expect(client.query(sql), sql).rejects.toThrow(/permission denied|must be owner|append-only/);
        }
        // what it may do: add a line and read it
        expect(Number((await client.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n)).toBeGreaterThan(0);
      }
    } finally {
      await client.end();
    }
  });

  it("records sign-in, sign-out, posture, roster, unit status; administrators read it filtered and paged", async () => {
    const leader = await login(t.app, "leader");
    await t.app.inject({
      method: "PUT",
      url: "/api/posture",
      headers: { cookie: leader },
      payload: { level: "LEVEL_III", reason: "节日安保" },
    });
    await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie: leader } });
    const admin = await login(t.app, "admin");
    const unit = await t.db.unit.findUniqueOrThrow({ where: { id: "un-dc-car-2" } });
    await t.app.inject({
      method: "PUT",
      url: "/api/units/un-dc-car-2/status",
      headers: { cookie: await login(t.app, "operator") },
      payload: { status: "BUSY", version: unit.version },
    });
    const duty = (await t.app.inject({ method: "GET", url: "/api/duty", headers: { cookie: admin } })).json();
    await t.app.inject({
      method: "PUT",
      url: "/api/duty",
      headers: { cookie: admin },
      payload: {
        date: duty.date,
        entries: duty.entries.map((e: { shift: string; role: string; officer: { id: string } }) => ({
          shift: e.shift,
          role: e.role,
          officerId: e.officer.id,
        })),
      },
    });
    const read = async (query: string) =>
      (await t.app.inject({ method: "GET", url: `/api/audit?${query}`, headers: { cookie: admin } })).json();
    const posture = await read("action=posture.changed");
    expect(posture.entries[0]).toMatchObject({
      actorName: "leader",
      ip: "127.0.0.1",
      before: { level: "ROUTINE" },
      after: { level: "LEVEL_III", reason: "节日安保" },
    });
    expect((await read("actor=leader")).entries.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(["auth.login", "auth.logout", "posture.changed"]),
    );
    expect((await read("action=unit.status&target=un-dc-car-2")).entries[0]).toMatchObject({
      before: { status: "AVAILABLE" },
      after: { status: "BUSY" },
    });
    expect((await read("action=duty.changed")).entries).toHaveLength(1);
    const page1 = await read("limit=2");
    expect(page1.entries).toHaveLength(2);
    const page2 = await read(`limit=2&before=${page1.nextBefore}`);
    expect(Number(page2.entries[0].id)).toBeLessThan(Number(page1.entries[1].id));
    expect(
      (await t.app.inject({ method: "GET", url: "/api/audit?from=0000-01-01T00:00:00Z", headers: { cookie: admin } })).statusCode,
    ).toBe(400);
    expect((await t.app.inject({ method: "GET", url: "/api/audit", headers: { cookie: await login(t.app, "chief") } })).statusCode).toBe(
      403,
    );
    expect((await t.app.inject({ method: "GET", url: "/api/audit" })).statusCode).toBe(401);
  });
});

describe("input the database cannot hold", () => {
  let t: TestContext;
  let operator = "";
  beforeAll(async () => {
    t = await buildTestApp();
    operator = await login(t.app, "operator");
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ["POST", "/api/auth/login", { username: "a\u0000b", password: "x" }, "body.username", false],
    ["GET", "/api/incidents/a%00b", undefined, "params.id", true],
    ["GET", "/api/units?kind=CAR%00", undefined, "querystring.kind", true],
    ["POST", "/api/incidents", { category: "theft", lat: 31.03, lon: 106.42, description: "\ud800" }, "body.description", true],
    ["POST", "/api/incidents", { category: "theft", lat: 31.03, lon: 106.42, callerName: "x\udc00y" }, "body.callerName", true],
    ["GET", `/api/units/un-dc-car-1/track?from=0000-01-01T00:00:00Z&to=0000-01-02T00:00:00Z`, undefined, "querystring.from", true],
    ["PUT", "/api/units/un-dc-car-1/status", { status: "BUSY", version: 9_000_000_000_000_000 }, "body.version", true],
  ] as const)("%s %s → 400 naming %s, writing nothing", async (method, url, payload, field, signedIn) => {
    const [incidents, counters, events] = await Promise.all([
      t.db.incident.count(),
      t.db.dailyCounter.findMany(),
      t.db.incidentEvent.count(),
    ]);
    const res = await t.app.inject({ method, url, headers: signedIn ? { cookie: operator } : {}, ...(payload ? { payload } : {}) });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(field);
    expect(await t.db.incident.count()).toBe(incidents);
    expect(await t.db.dailyCounter.findMany()).toEqual(counters);
    expect(await t.db.incidentEvent.count()).toBe(events);
  });
});

describe("security headers", () => {
  it("sends a CSP fit for the board (tiles, camera streams, no framing), nosniff, a referrer policy, HSTS only over HTTPS", async () => {
    const t = await buildTestApp({
      env: { TILE_URL: "https://{s}.tiles.example.cn/{z}/{x}/{y}.png", MEDIA_ORIGINS: "https://video.example.cn", COOKIE_SECURE: "true" },
    });
    try {
      const res = await t.app.inject({ method: "GET", url: "/api/health" });
      const csp = String(res.headers["content-security-policy"]);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toMatch(/img-src [^;]*https:\/\/\*\.tiles\.example\.cn/);
      expect(csp).toMatch(/media-src [^;]*https:\/\/video\.example\.cn/);
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["referrer-policy"]).toBe("same-origin");
      expect(res.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
      expect(csp).toContain("upgrade-insecure-requests");
    } finally {
      await t.close();
    }
    const plain = await buildTestApp({ env: { COOKIE_SECURE: "false" } });
    try {
      const res = await plain.app.inject({ method: "GET", url: "/api/health" });
      expect(res.headers["strict-transport-security"]).toBeUndefined();
      // a plain-HTTP intranet board must not have its own requests upgraded to an HTTPS that is not there
      expect(String(res.headers["content-security-policy"])).not.toContain("upgrade-insecure-requests");
    } finally {
      await plain.close();
    }
  });
});

describe("the request log", () => {
  /** an app whose log lines (JSON) are collected, at the given level */
  async function logged(level: string, act: (t: TestContext) => Promise<void>): Promise<{ msg: string; req?: { url: string } }[]> {
    const lines: string[] = [];
    const stream = { write: (line: string) => void lines.push(line) };
    const t = await buildTestApp({ env: { LOG_LEVEL: level }, logStream: stream });
    try {
      await act(t);
    } finally {
      await t.close();
    }
    return lines.map((l) => JSON.parse(l));
  }
  const fix = async (t: TestContext) => {
    const device = await deviceOf(t.db, "un-dc-car-1");
    const res = await t.app.inject({
      method: "POST",
      url: `/ingest/osmand?${device.query}&lat=31.03&lon=106.42&timestamp=${Math.floor(Date.now() / 1000)}`,
    });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(200);
    // a device refused (a wrong token) stays visible at info
    expect((await t.app.inject({ method: "POST", url: "/ingest/osmand?id=nobody&key=guess&lat=31&lon=106" })).statusCode).toBe(401);
    // the demo's simulator polls like a machine: logged like one
    expect(
      (await t.app.inject({ method: "GET", url: "/api/health?from=simulator", headers: { "user-agent": "onemap-simulator" } })).statusCode,
    ).toBe(200);
  };

  it("logs each person's request once, and a device's only at debug (a county's devices would drown the terminal)", async () => {
    const info = (await logged("info", fix)).filter((l) => l.msg === "request completed");
    expect(info.map((l) => l.req?.url)).toEqual(["/api/health", "/ingest/osmand?id=nobody&key=[redacted]&lat=31&lon=106"]);
    const debug = (await logged("debug", fix)).filter((l) => l.msg === "request completed");
    const device = debug.find((l) => l.req?.url.startsWith("/ingest/osmand"));
    expect(device?.req?.url).toContain("key=[redacted]");
  });

  it("never holds a device's token from the URL", () => {
    const logged = redactedRequest({ method: "POST", url: "/ingest/osmand?id=8610&key=secret-token&lat=1", ip: "10.0.0.9" });
    expect(logged.url).toBe("/ingest/osmand?id=8610&key=[redacted]&lat=1");
    expect(JSON.stringify(logged)).not.toContain("secret-token");
    expect(redactedRequest({ method: "GET", url: "/ingest/osmand?KEY=abc" }).url).toBe("/ingest/osmand?KEY=[redacted]");
    // however the name is written, as the query parser will read it
    expect(redactedRequest({ method: "GET", url: "/ingest/osmand?id=1&%6Bey=abc&k%65y=def" }).url).toBe(
      "/ingest/osmand?id=1&%6Bey=[redacted]&k%65y=[redacted]",
    );
    expect(redactedRequest({ method: "GET", url: "/ingest/osmand?monkey=1&key" }).url).toBe("/ingest/osmand?monkey=1&key");
  });
});

describe("scope leaks", () => {
  let t: TestContext;
  let base = "";
  beforeAll(async () => {
    t = await buildTestApp({ env: { POSITION_TICK_MS: "50" } });
    base = await t.app.listen({ host: "127.0.0.1", port: 0 });
  });
  afterAll(async () => {
    await t.close();
  });

  it("shows a chief only their own grids in the posture, over REST and the socket", async () => {
    const chief = await login(t.app, "chief");
    const own = (await t.app.inject({ method: "GET", url: "/api/posture", headers: { cookie: chief } })).json();
    expect(own.grids.length).toBeGreaterThan(0);
    expect(own.grids.every((g: { stationId: string }) => g.stationId === "st-dc")).toBe(true);
    const county = (await t.app.inject({ method: "GET", url: "/api/posture", headers: { cookie: await login(t.app, "operator") } })).json();
    expect(county.grids.some((g: { stationId: string }) => g.stationId !== "st-dc")).toBe(true);
    const { socket } = await connectBoard(base, chief);
    const heard = waitForEvent(socket, "posture:changed", 2000);
    await t.app.inject({
      method: "PUT",
      url: "/api/posture",
      headers: { cookie: await login(t.app, "leader") },
      payload: { level: "LEVEL_II", reason: "演练" },
    });
    const event = await heard;
    expect(event.level).toBe("LEVEL_II");
    expect(event.grids.every((g) => g.stationId === "st-dc")).toBe(true);
    socket.close();
  });

  it("tells a chief only that a unit is busy elsewhere, not the other station's incident or dispatcher", async () => {
    const operator = await login(t.app, "operator");
    const other = (
      await t.app.inject({
        method: "POST",
        url: "/api/incidents",
        headers: { cookie: operator },
        payload: { category: "theft", lat: 31.036, lon: 106.395 },
      })
    ).json();
    await t.db.unit.update({ where: { id: "un-dc-car-3" }, data: { status: "AVAILABLE" } });
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: `/api/incidents/${other.id}/dispatch`,
          headers: { cookie: operator },
          payload: { unitIds: ["un-dc-car-3"] },
        })
      ).statusCode,
    ).toBe(200);
    const chief = await login(t.app, "chief");
    const own = (
      await t.app.inject({
        method: "POST",
        url: "/api/incidents",
        headers: { cookie: chief },
        payload: { category: "theft", lat: 31.025, lon: 106.425 },
      })
    ).json();
    const refused = await t.app.inject({
      method: "POST",
      url: `/api/incidents/${own.id}/dispatch`,
      headers: { cookie: chief },
      payload: { unitIds: ["un-dc-car-3"] },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: "unit_busy_elsewhere", params: { callsign: expect.any(String) } });
    expect(refused.body).not.toContain(other.number);
    expect(refused.body).not.toContain("接处警员");
  });
});

describe("housekeeping", () => {
  it("deletes expired sessions and day-old idempotency keys, keeping live ones", async () => {
    const t = await buildTestApp();
    try {
      const cookie = await login(t.app, "operator");
      const user = await t.db.user.findUniqueOrThrow({ where: { username: "operator" } });
      await t.db.session.create({
        data: { id: "s-old", tokenHash: "x".repeat(64), userId: user.id, expiresAt: new Date(Date.now() - 1000) },
      });
      await t.db.idempotencyKey.createMany({
        data: [
          {
            userId: user.id,
            key: "old",
            route: "dispatch",
            requestHash: "h",
            statusCode: 200,
            response: {},
            createdAt: new Date(Date.now() - 25 * 3_600_000),
          },
          { userId: user.id, key: "new", route: "dispatch", requestHash: "h", statusCode: 200, response: {} },
        ],
      });
      const reads = createPool(t.url, { max: 1, onIdleError: () => undefined });
      const idempotencyKeys = createIncidentRepository({ db: t.db, reads });
      const job = createPurgeJob({ auth: t.app.auth, idempotencyKeys, log: { info: () => undefined, error: () => undefined } });
      expect(await job.run()).toEqual({ sessions: 1, idempotencyKeys: 1 });
      await reads.end();
      expect((await t.db.idempotencyKey.findMany()).map((k) => k.key)).toEqual(["new"]);
      expect((await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});

const REDIS_SERVER = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].find((p) => existsSync(p));
describe.skipIf(!REDIS_SERVER && !process.env.CI)("the relay between processes going down", () => {
  it("keeps a process's own boards live, tells them and /api/health, lets boards connect at once, and asks for a reload when back", async () => {
    const port = await freePort();
    const startRedis = () =>
      spawn(REDIS_SERVER ?? "redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
        stdio: "ignore",
      });
    let redis = startRedis();
    await sleep(300);
    const t = await buildTestApp({
      env: { REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_PREFIX: `relay-${Date.now()}`, POSITION_TICK_MS: "50" },
    });
    const base = await t.app.listen({ host: "127.0.0.1", port: 0 });
    try {
      const operator = await login(t.app, "operator");
      const { socket, hello } = await connectBoard(base, operator);
      expect(hello.relay).toBe(true);
      const down = waitForEvent(socket, "relay:status", 5000);
      redis.kill("SIGKILL");
      expect(await down).toMatchObject({ ok: false });
      const health = (await t.app.inject({ method: "GET", url: "/api/health" })).json();
      expect(health).toMatchObject({ status: "degraded", relay: { configured: true, ok: false } });
      // this process's own event reaches its board at once
      const camera = await t.db.camera.findFirstOrThrow({ where: { status: "ONLINE" } });
      const heard = waitForEvent(socket, "camera:status", 1000);
      const t0 = Date.now();
      await t.app.inject({
        method: "PUT",
        url: `/api/cameras/${camera.id}/status`,
        headers: { cookie: operator },
        payload: { status: "OFFLINE" },
      });
      await heard;
      expect(Date.now() - t0).toBeLessThan(1000);
      // and its positions
      const fix = await deviceOf(t.db, "un-dc-car-1");
      const frame = waitForEvent(socket, "units:positions", 1000);
      await t.app.inject({ method: "POST", url: `/ingest/osmand?${fix.query}&timestamp=${Date.now()}&lat=31.03&lon=106.42` });
      await frame;
      // a board connecting now is not kept waiting
      const c0 = Date.now();
      const late = await connectBoard(base, operator);
      expect(Date.now() - c0).toBeLessThan(2000);
      expect(late.hello.relay).toBe(false);
      late.socket.close();

      const up = waitForEvent(socket, "relay:status", 15_000);
      redis = startRedis();
      expect(await up).toMatchObject({ ok: true });
      expect((await t.app.inject({ method: "GET", url: "/api/health" })).json().relay).toEqual({ configured: true, ok: true });
      socket.close();
    } finally {
      await t.close().catch(() => undefined);
      redis.kill("SIGKILL");
    }
  }, 60_000);
});
