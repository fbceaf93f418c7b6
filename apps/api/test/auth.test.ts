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

  const attempt = (username: string, password: string, ip = "127.0.0.1") =>
    t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password }, remoteAddress: ip });

  it("answers every failed sign-in alike: unknown name, wrong password, disabled account", async () => {
    await t.db.user.update({ where: { username: "leader" }, data: { disabled: true } });
    const answers = await Promise.all([
      attempt("nobody-at-all", "onemap", "10.0.0.1"),
      attempt("chief", "wrong-one", "10.0.0.2"),
      attempt("leader", "onemap", "10.0.0.3"),
    ]);
    await t.db.user.update({ where: { username: "leader" }, data: { disabled: false } });
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    for (const a of answers) expect(a.statusCode).toBe(401);
    expect(new Set(answers.map((a) => JSON.stringify(strip(a.json()))))).toEqual(new Set([JSON.stringify(strip(answers[0]?.json()))]));
    expect(answers[0]?.json()).toMatchObject({ code: "wrong_credentials", message: "wrong username or password" });
  });

  it("backs off one name from one address after 5 failures — the same for a made-up name — while the real user elsewhere signs in", async () => {
    for (const name of ["chief", "no-such-user"]) {
      for (let i = 0; i < 4; i++) expect((await attempt(name, `bad${i}`, "10.9.9.9")).statusCode).toBe(401);
      const fifth = await attempt(name, "bad5", "10.9.9.9");
      expect(fifth.statusCode).toBe(401);
      const waiting = await attempt(name, name === "chief" ? "onemap" : "x", "10.9.9.9");
      expect(waiting.statusCode).toBe(429);
      expect(waiting.json()).toMatchObject({ code: "login_backoff" });
      expect(Number(waiting.headers["retry-after"])).toBeGreaterThanOrEqual(29);
      expect(Number(waiting.headers["retry-after"])).toBeLessThanOrEqual(30);
    }
    // the attacker at 10.9.9.9 did not lock the chief out: from their own desk they sign in
    expect((await attempt("chief", "onemap", "10.1.1.1")).statusCode).toBe(200);
    // the failures and the back-off are in the audit, with the address
    const audit = await t.db.auditEvent.findMany({ where: { actorName: "chief", ip: "10.9.9.9" }, orderBy: { id: "asc" } });
    expect(audit.filter((a) => a.action === "auth.login_failed")).toHaveLength(5);
    expect(audit.some((a) => a.action === "auth.backoff")).toBe(true);

    // an administrator lifts it
    const admin = await login(t.app, "admin");
    const chief = await t.db.user.findUniqueOrThrow({ where: { username: "chief" } });
    const list = await t.app.inject({ method: "GET", url: "/api/users", headers: { cookie: admin } });
    expect(list.json().find((u: { username: string }) => u.username === "chief").backedOffUntil).not.toBeNull();
    const unlock = await t.app.inject({ method: "POST", url: `/api/users/${chief.id}/unlock`, headers: { cookie: admin } });
    expect(unlock.json()).toEqual({ ok: true, count: 2 });
    expect((await attempt("chief", "onemap", "10.9.9.9")).statusCode).toBe(200);
    expect(await t.db.auditEvent.count({ where: { action: "user.unlocked", targetId: chief.id } })).toBe(1);
  });

  it("counts concurrent wrong guesses without losing any", async () => {
    await Promise.all(Array.from({ length: 4 }, (_, i) => attempt("operator", `guess${i}`, "10.7.7.7")));
    expect(
      (await t.db.loginThrottle.findUniqueOrThrow({ where: { username_ip: { username: "operator", ip: "10.7.7.7" } } })).failures,
    ).toBe(4);
    // a success from that address clears it
    expect((await attempt("operator", "onemap", "10.7.7.7")).statusCode).toBe(200);
    expect(await t.db.loginThrottle.count({ where: { username: "operator", ip: "10.7.7.7" } })).toBe(0);
  });

  it("lets an administrator disable an account (ending its sessions), enable it, and sign it out everywhere", async () => {
    const admin = await login(t.app, "admin");
    const leaderCookie = await login(t.app, "leader");
    const leader = await t.db.user.findUniqueOrThrow({ where: { username: "leader" } });
    const off = await t.app.inject({
      method: "PATCH",
      url: `/api/users/${leader.id}`,
      headers: { cookie: admin },
      payload: { disabled: true },
    });
    expect(off.json()).toMatchObject({ disabled: true, activeSessions: 0 });
    expect((await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: leaderCookie } })).statusCode).toBe(401);
    expect((await attempt("leader", "onemap", "10.3.3.3")).statusCode).toBe(401);
    await t.app.inject({ method: "PATCH", url: `/api/users/${leader.id}`, headers: { cookie: admin }, payload: { disabled: false } });
    const again = await login(t.app, "leader");
    const revoked = await t.app.inject({ method: "POST", url: `/api/users/${leader.id}/revoke-sessions`, headers: { cookie: admin } });
    expect(revoked.json().count).toBeGreaterThanOrEqual(1);
    expect((await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: again } })).statusCode).toBe(401);
    const actions = (await t.db.auditEvent.findMany({ where: { targetId: leader.id }, select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["user.disabled", "user.enabled", "user.sessions_revoked"]));
    // only administrators
    const operator = await login(t.app, "operator");
    expect((await t.app.inject({ method: "POST", url: `/api/users/${leader.id}/unlock`, headers: { cookie: operator } })).statusCode).toBe(
      403,
    );
  });

  it("refuses short and guessable passwords with the reason in both languages", async () => {
    const admin = await login(t.app, "admin");
    const create = (password: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/users",
        headers: { cookie: admin },
        payload: { username: "newop", displayName: "新接警员", role: "OPERATOR", password },
      });
    const short = await create("Abc123!x");
    expect(short.statusCode).toBe(400);
    expect(short.json().issues[0].path).toBe("body.password");
    const guessable = await create("password1234");
    expect(guessable.statusCode).toBe(400);
    expect(guessable.json()).toMatchObject({ code: "password_too_guessable" });
    expect(guessable.json().message).toMatch(/too easy to guess.*密码太容易被猜到/);
    const strong = await create("river lantern quietly 47");
    expect(strong.statusCode).toBe(201);
    expect(await t.db.auditEvent.count({ where: { action: "user.created", targetId: strong.json().id } })).toBe(1);
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
