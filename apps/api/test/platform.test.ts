import { $Enums, createDbClient } from "@onemap/db";
import * as shared from "@onemap/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app";
import { ConfigError, parseConfig } from "../src/config";
import { buildTestApp, login, type TestContext } from "./helpers";

describe("config", () => {
  it("uses safe defaults", () => {
    const config = parseConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.cookieSecure).toBe(false);
    expect(parseConfig({ NODE_ENV: "production" }).cookieSecure).toBe(true);
  });

  it("stops with a message naming every bad variable", () => {
    const attempt = () =>
      parseConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", SESSION_TTL_HOURS: "-1", ONEMAP_ADMIN_PASSWORD: "short" });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ["PORT", "DATABASE_URL", "SESSION_TTL_HOURS", "ONEMAP_ADMIN_PASSWORD"]) expect(message).toContain(name);
    }
  });
});

describe("shared enums", () => {
  it.each([
    ["StationKind", shared.StationKind],
    ["OfficerPost", shared.OfficerPost],
    ["UnitKind", shared.UnitKind],
    ["UnitStatus", shared.UnitStatus],
    ["CameraKind", shared.CameraKind],
    ["CameraStatus", shared.CameraStatus],
    ["IncidentStatus", shared.IncidentStatus],
    ["Priority", shared.Priority],
    ["ResponseTier", shared.ResponseTier],
    ["AssignmentStatus", shared.AssignmentStatus],
    ["Role", shared.Role],
    ["DutyRole", shared.DutyRole],
    ["Shift", shared.Shift],
    ["ReinforcementGroupKind", shared.ReinforcementGroupKind],
  ] as const)("%s matches schema.prisma", (name, schema) => {
    expect(schema.options).toEqual(Object.values($Enums[name]));
  });
});

/** The app over a database that is not there (nothing listens on port 1). */
async function buildAppWithoutDatabase() {
  const deadUrl = "postgresql://postgres@127.0.0.1:1/nothing";
  const db = createDbClient(deadUrl);
  const app = await buildApp({
    config: parseConfig({ LOG_LEVEL: "silent", WEB_DIST: "/nonexistent" }),
    db,
    databaseUrl: deadUrl,
    embeddedDatabase: false,
    logger: false,
  });
  return { app, db };
}

describe("health, docs and errors", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await buildTestApp({ template: "empty" });
  });
  afterAll(async () => {
    await t.close();
  });

  it("reports the database in /api/health", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "ok", database: { ok: true } });
  });

  it("answers 503 when the database is unreachable", async () => {
    const { app, db } = await buildAppWithoutDatabase();
    try {
      const res = await app.inject({ method: "GET", url: "/api/health" });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: "degraded", database: { ok: false, error: "database unreachable" } });
    } finally {
      await app.close();
      await db.$disconnect();
    }
  });

  it("serves the OpenAPI document with the public routes", async () => {
    const res = await t.app.inject({ method: "GET", url: "/docs/json" });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const p of ["/api/auth/login", "/api/board", "/api/units", "/api/cameras", "/api/health"]) expect(paths).toContain(p);
  });

  it("answers an unknown route with a JSON 404", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/nothing-here" });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ statusCode: 404, error: "Not Found" });
  });

  it("hides the internals of a 500 behind a request id", async () => {
    await t.app.close();
    const { app, db } = await buildAppWithoutDatabase();
    try {
      // a session lookup against a dead database fails inside the auth hook
      const res = await app.inject({ method: "GET", url: "/api/board", headers: { cookie: "onemap_session=x" } });
      expect(res.statusCode).toBe(500);
      expect(res.json().message).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|prisma/i);
      expect(res.json().requestId).toBeTruthy();
    } finally {
      await app.close();
      await db.$disconnect();
    }
    t = await buildTestApp({ template: "empty" });
  });
});

describe("user administration (roles)", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(["operator", "leader", "chief"])("refuses %s with 403", async (username) => {
    const cookie = await login(t.app, username);
    expect((await t.app.inject({ method: "GET", url: "/api/users", headers: { cookie } })).statusCode).toBe(403);
    const before = await t.db.user.count();
    const res = await t.app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie },
      payload: { username: "newbie", displayName: "x", password: "long enough pw", role: "ADMIN" },
    });
    expect(res.statusCode).toBe(403);
    expect(await t.db.user.count()).toBe(before);
  });

  it("lets an admin create a station chief who can then sign in, scoped to the station", async () => {
    const cookie = await login(t.app, "admin");
    const res = await t.app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie },
      payload: { username: "bc.chief", displayName: "北城所长", password: "a long password", role: "STATION_CHIEF", stationId: "st-bc" },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).not.toHaveProperty("passwordHash");
    const chief = await login(t.app, "bc.chief", "a long password");
    const stations = (await t.app.inject({ method: "GET", url: "/api/stations", headers: { cookie: chief } })).json();
    expect(stations.map((s: { id: string }) => s.id)).toEqual(["st-bc"]);
    const again = await t.app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie },
      payload: { username: "bc.chief", displayName: "x", password: "a long password", role: "OPERATOR" },
    });
    expect(again.statusCode).toBe(409);
  });

  it.each([
    [{ username: "x1", displayName: "x", password: "long enough pw", role: "OPERATOR" }, "body.username"],
    [{ username: "chief2", displayName: "x", password: "short", role: "OPERATOR" }, "body.password"],
    [{ username: "chief3", displayName: "x", password: "long enough pw", role: "STATION_CHIEF" }, "body.stationId"],
    [{ username: "chief4", displayName: "x", password: "long enough pw", role: "STATION_CHIEF", stationId: "st-xz" }, "body.stationId"],
    [{ username: "op5", displayName: "x", password: "long enough pw", role: "OPERATOR", stationId: "st-dc" }, "body.stationId"],
    [{ username: "op6", displayName: "x", password: "long enough pw", role: "KING" }, "body.role"],
  ])("refuses %o with 400 naming %s, and creates nothing", async (payload, path) => {
    const cookie = await login(t.app, "admin");
    const before = await t.db.user.count();
    const res = await t.app.inject({ method: "POST", url: "/api/users", headers: { cookie }, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { path: string }) => i.path)).toContain(path);
    expect(await t.db.user.count()).toBe(before);
  });
});
