import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, login, type TestContext } from "./helpers";

describe("sign-in", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it("signs in with the right password and sets an HttpOnly, SameSite session cookie", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "operator", password: "onemap" } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: "operator", role: "OPERATOR", stationId: null });
    const cookie = res.cookies.find((c) => c.name === "onemap_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Strict");
    expect(cookie?.path).toBe("/");
    // only a hash of the token is stored
    const sessions = await t.db.session.findMany({ where: { user: { username: "operator" } } });
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.every((s) => s.tokenHash !== cookie?.value)).toBe(true);
  });

  it("tells who is signed in, and binds a station chief to their station", async () => {
    const cookie = await login(t.app, "chief");
    const res = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: "chief", role: "STATION_CHIEF", stationId: "st-dc", stationName: "东城派出所" });
    expect(res.json()).not.toHaveProperty("passwordHash");
  });

  it("answers 401 without a session, with an unknown token, and after sign-out", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/auth/me" })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: "onemap_session=forged" } })).statusCode).toBe(401);
    const cookie = await login(t.app, "leader");
    const out = await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie } });
    expect(out.statusCode).toBe(200);
    expect(out.cookies.find((c) => c.name === "onemap_session")?.value).toBe("");
    expect((await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } })).statusCode).toBe(401);
  });

  it("answers 401 for an expired session", async () => {
    const cookie = await login(t.app, "admin");
    await t.db.session.updateMany({ where: { user: { username: "admin" } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } })).statusCode).toBe(401);
  });

  it("refuses a wrong password or unknown user with the same 401", async () => {
    const wrong = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "leader", password: "nope" } });
    const unknown = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "nobody", password: "nope" } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
    expect(wrong.cookies).toHaveLength(0);
  });

  it("answers 400 naming each bad field, and writes nothing", async () => {
    const before = await t.db.session.count();
    const res = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: 42 } });
    expect(res.statusCode).toBe(400);
    const paths = res.json().issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["body.username", "body.password"]));
    const notJson = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: "{oops",
    });
    expect(notJson.statusCode).toBe(400);
    expect(await t.db.session.count()).toBe(before);
  });

  it("locks an account for 10 minutes after 5 failed attempts, even against the right password", async () => {
    for (let i = 0; i < 4; i++) {
      const bad = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "chief", password: `bad${i}` } });
      expect(bad.statusCode).toBe(401);
      // the board says it in its own language from the code
      expect(bad.json()).toMatchObject({ code: "wrong_credentials" });
    }
    const fifth = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "chief", password: "bad5" } });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().message).toMatch(/locked for 10 more minutes/);
    expect(fifth.json()).toMatchObject({ code: "account_locked", params: { minutes: 10 } });
    const right = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "chief", password: "onemap" } });
    expect(right.statusCode).toBe(423);
    const user = await t.db.user.findUniqueOrThrow({ where: { username: "chief" } });
    expect(user.lockedUntil?.getTime()).toBeGreaterThan(Date.now() + 9 * 60_000);
    expect(user.lockedUntil?.getTime()).toBeLessThanOrEqual(Date.now() + 10 * 60_000);

    // ten minutes later
    await t.db.user.update({ where: { username: "chief" }, data: { lockedUntil: new Date(Date.now() - 1) } });
    expect(
      (await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "chief", password: "onemap" } })).statusCode,
    ).toBe(200);
    expect((await t.db.user.findUniqueOrThrow({ where: { username: "chief" } })).failedLogins).toBe(0);
  });

  it("counts concurrent wrong guesses without losing any", async () => {
    await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "operator", password: `guess${i}` } }),
      ),
    );
    expect((await t.db.user.findUniqueOrThrow({ where: { username: "operator" } })).failedLogins).toBe(4);
    await t.db.user.update({ where: { username: "operator" }, data: { failedLogins: 0 } });
  });

  it("refuses a disabled account", async () => {
    await t.db.user.update({ where: { username: "leader" }, data: { disabled: true } });
    expect(
      (await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "leader", password: "onemap" } })).statusCode,
    ).toBe(401);
    await t.db.user.update({ where: { username: "leader" }, data: { disabled: false } });
  });
});

describe("sign-in rate limit", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await buildTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: "3" } });
  });
  afterAll(async () => {
    await t.close();
  });

  it("answers 429 past the per-minute limit", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push(
        (await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "nobody", password: "x" } })).statusCode,
      );
    }
    expect(codes).toEqual([401, 401, 401, 429, 429]);
  });
});
