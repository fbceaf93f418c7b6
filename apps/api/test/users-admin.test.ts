// Accounts administered end to end (issue 12): the list, role and station binding, the administrator's
// own account and the last one, erase-or-retire, and a reset password that must be replaced first.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, login, type TestContext } from "./helpers";
import { connectBoard } from "./realtime-helpers";

const STRONG = "river lantern quietly 47";

describe("accounts, administered", () => {
  let t: TestContext;
  let admin: string;
  let base: string;
  const inject = (method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const create = async (username: string, role = "OPERATOR", stationId?: string) => {
    const res = await inject("POST", "/api/users", admin, {
      username,
      displayName: `测试${username}`,
      password: STRONG,
      role,
      ...(stationId ? { stationId } : {}),
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; username: string };
  };
  const signIn = (username: string, password: string, ip = "10.20.0.1") =>
    t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password }, remoteAddress: ip });
  const cookieOf = (res: Awaited<ReturnType<typeof signIn>>) =>
    `onemap_session=${res.cookies.find((c) => c.name === "onemap_session")?.value}`;

  beforeAll(async () => {
    t = await buildTestApp();
    base = await t.app.listen({ host: "127.0.0.1", port: 0 });
    admin = await login(t.app, "admin");
  });
  afterAll(async () => {
    await t.close();
  });

  it("lists accounts searched, filtered, sorted and paged on the server, with the total", async () => {
    await create("zhang.wei");
    await create("zhang.min", "DUTY_LEADER");
    const byQ = await inject("GET", "/api/users?q=ZHANG&sort=-username&limit=1", admin);
    expect(byQ.statusCode).toBe(200);
    expect(byQ.headers["x-total-count"]).toBe("2");
    expect(byQ.json().map((u: { username: string }) => u.username)).toEqual(["zhang.wei"]);
    const second = await inject("GET", "/api/users?q=zhang&sort=-username&limit=1&offset=1", admin);
    expect(second.json().map((u: { username: string }) => u.username)).toEqual(["zhang.min"]);
    const leaders = await inject("GET", "/api/users?role=DUTY_LEADER", admin);
    expect(leaders.json().every((u: { role: string }) => u.role === "DUTY_LEADER")).toBe(true);
    const dc = await inject("GET", "/api/users?station=st-dc", admin);
    expect(dc.json().map((u: { username: string }) => u.username)).toContain("chief");
    expect(dc.json().every((u: { stationId: string }) => u.stationId === "st-dc")).toBe(true);
    // by display name too (in Chinese)
    expect((await inject("GET", `/api/users?q=${encodeURIComponent("测试zhang.m")}`, admin)).headers["x-total-count"]).toBe("1");
    const bad = await inject("GET", "/api/users?sort=password&role=KING", admin);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(["querystring.sort", "querystring.role"]),
    );
  });

  it("binds a station chief to a police station in service, and no other role to any (400 naming the field, nothing changed)", async () => {
    const op = await create("li.na");
    const refusals: [object, string][] = [
      [{ role: "STATION_CHIEF" }, "field:chief_needs_station"],
      [{ role: "STATION_CHIEF", stationId: "st-none" }, "field:no_such_station"],
      [{ stationId: "st-dc" }, "field:chief_only_station"],
      [{ role: "DUTY_LEADER", stationId: "st-dc" }, "field:chief_only_station"],
      [{ role: "KING" }, ""],
      [{ password: "x" }, ""],
    ];
    for (const [payload, code] of refusals) {
      const res = await inject("PATCH", `/api/users/${op.id}`, admin, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      if (code) expect(res.json().issues[0]).toMatchObject({ path: "body.stationId", code });
    }
    // a retired station is not in service
    await t.db.station.update({ where: { id: "st-bc" }, data: { retiredAt: new Date() } });
    const retired = await inject("PATCH", `/api/users/${op.id}`, admin, { role: "STATION_CHIEF", stationId: "st-bc" });
    expect(retired.json().issues[0].code).toBe("field:no_such_station");
    await t.db.station.update({ where: { id: "st-bc" }, data: { retiredAt: null } });
    const row = await t.db.user.findUniqueOrThrow({ where: { id: op.id } });
    expect(row).toMatchObject({ role: "OPERATOR", stationId: null });
  });

  it("ends the sessions of an account given another role or station: signed in again, a chief sees only their station", async () => {
    const op = await create("wang.fang");
    const before = cookieOf(await signIn("wang.fang", STRONG));
    expect((await inject("GET", "/api/units", before)).json().some((u: { homeStationId: string }) => u.homeStationId !== "st-dc")).toBe(
      true,
    );
    const { socket } = await connectBoard(base, before);
    const closed = new Promise<void>((resolve) => socket.on("disconnect", () => resolve()));
    const res = await inject("PATCH", `/api/users/${op.id}`, admin, { role: "STATION_CHIEF", stationId: "st-dc", displayName: "王芳所长" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: "STATION_CHIEF", stationId: "st-dc", displayName: "王芳所长", activeSessions: 0 });
    await closed;
    expect((await inject("GET", "/api/auth/me", before)).statusCode).toBe(401);
    const after = cookieOf(await signIn("wang.fang", STRONG));
    const units = (await inject("GET", "/api/units", after)).json() as { homeStationId: string }[];
    expect(units.length).toBeGreaterThan(0);
    expect(units.every((u) => u.homeStationId === "st-dc")).toBe(true);
    // back to a county-wide role: the station goes with the old role
    const back = await inject("PATCH", `/api/users/${op.id}`, admin, { role: "OPERATOR" });
    expect(back.json()).toMatchObject({ role: "OPERATOR", stationId: null });
    expect((await inject("GET", "/api/auth/me", after)).statusCode).toBe(401);
    const audit = await t.db.auditEvent.findMany({ where: { targetId: op.id, action: "user.changed" } });
    expect(audit.map((a) => (a.after as { role: string }).role)).toEqual(["STATION_CHIEF", "OPERATOR"]);
  });

  it("keeps an administrator from disabling, demoting or deleting themselves, and the county from losing its last administrator", async () => {
    const me = await t.db.user.findUniqueOrThrow({ where: { username: "admin" } });
    expect((await inject("PATCH", `/api/users/${me.id}`, admin, { disabled: true })).json().code).toBe("cannot_disable_self");
    const demote = await inject("PATCH", `/api/users/${me.id}`, admin, { role: "OPERATOR" });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().code).toBe("cannot_demote_self");
    const del = await inject("DELETE", `/api/users/${me.id}`, admin);
    expect(del.statusCode).toBe(409);
    expect(del.json().code).toBe("cannot_delete_self");
    expect(await t.db.user.findUniqueOrThrow({ where: { id: me.id } })).toMatchObject({ role: "ADMIN", disabled: false, retiredAt: null });

    // two administrators demoting each other at the same moment: one of them stays (the loser is refused:
    // 401 when its session was already ended by the winner's demotion, 403 when its role was, 409 last_admin in between)
    const other = await create("admin.two", "ADMIN");
    const otherCookie = cookieOf(await signIn("admin.two", STRONG));
    const results = await Promise.all([
      inject("PATCH", `/api/users/${other.id}`, admin, { role: "OPERATOR" }),
      inject("PATCH", `/api/users/${me.id}`, otherCookie, { role: "OPERATOR" }),
    ]);
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    for (const r of results.filter((r) => r.statusCode !== 200)) expect([401, 403, 409]).toContain(r.statusCode);
    const admins = await t.db.user.count({ where: { role: "ADMIN", disabled: false, retiredAt: null } });
    expect(admins).toBeGreaterThanOrEqual(1);
    // restore: whoever is still an administrator makes the other one again
    if ((await t.db.user.findUniqueOrThrow({ where: { id: me.id } })).role !== "ADMIN") {
      await t.db.user.update({ where: { id: me.id }, data: { role: "ADMIN" } });
      admin = await login(t.app, "admin");
    }
  });

  it("erases an account nothing names (204) and retires one history names (200): it cannot sign in, leaves the list, keeps its name", async () => {
    const unused = await create("never.used");
    const erased = await inject("DELETE", `/api/users/${unused.id}`, admin);
    expect(erased.statusCode).toBe(204);
    expect(await t.db.user.findUnique({ where: { id: unused.id } })).toBeNull();
    expect(await t.db.auditEvent.count({ where: { action: "user.deleted", targetId: unused.id } })).toBe(1);

    const used = await create("zhao.lei");
    const session = cookieOf(await signIn("zhao.lei", STRONG));
    const retired = await inject("DELETE", `/api/users/${used.id}`, admin);
    expect(retired.statusCode).toBe(200);
    expect(retired.json()).toMatchObject({ retired: true, retiredAt: expect.any(String) });
    expect((await inject("GET", "/api/auth/me", session)).statusCode).toBe(401);
    expect((await signIn("zhao.lei", STRONG)).statusCode).toBe(401);
    expect((await inject("GET", "/api/users?q=zhao.lei", admin)).json()).toEqual([]);
    const all = (await inject("GET", "/api/users?q=zhao.lei&retired=true", admin)).json();
    expect(all).toMatchObject([{ username: "zhao.lei", disabled: true, retiredAt: expect.any(String) }]);
    expect((await inject("PATCH", `/api/users/${used.id}`, admin, { disabled: false })).json().code).toBe("retired");
    expect((await inject("POST", `/api/users/${used.id}/reset-password`, admin)).statusCode).toBe(409);
    const again = await inject("POST", "/api/users", admin, { username: "zhao.lei", displayName: "x", password: STRONG, role: "OPERATOR" });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("username_taken");
    expect((await inject("DELETE", "/api/users/us-none", admin)).statusCode).toBe(404);
  });

  it("resets a password: shown once, never audited; the account signs in with it, may do nothing else until it chooses its own", async () => {
    const user = await create("sun.li", "DUTY_LEADER");
    const oldSession = cookieOf(await signIn("sun.li", STRONG));
    const reset = await inject("POST", `/api/users/${user.id}/reset-password`, admin);
    expect(reset.statusCode).toBe(200);
    const temporary: string = reset.json().temporaryPassword;
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    expect(reset.json().sessionsEnded).toBe(1);
    expect((await inject("GET", "/api/auth/me", oldSession)).statusCode).toBe(401);
    const audit = await t.db.auditEvent.findMany({ where: { targetId: user.id } });
    expect(audit.some((a) => a.action === "user.password_reset")).toBe(true);
    expect(JSON.stringify(audit.map((a) => [a.before, a.after]))).not.toContain(temporary);
    expect((await signIn("sun.li", STRONG)).statusCode).toBe(401);

    const signedIn = await signIn("sun.li", temporary);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().mustChangePassword).toBe(true);
    const cookie = cookieOf(signedIn);
    expect((await inject("GET", "/api/auth/me", cookie)).json()).toMatchObject({ username: "sun.li", mustChangePassword: true });
    const units = await inject("GET", "/api/units", cookie);
    expect(units.statusCode).toBe(403);
    expect(units.json().code).toBe("password_change_required");
    expect((await inject("PUT", "/api/posture", cookie, { level: "ROUTINE", reason: "x" })).json().code).toBe("password_change_required");
    await expect(connectBoard(base, cookie)).rejects.toThrow(/password_change_required/);

    const change = (currentPassword: string, newPassword: string) =>
      inject("POST", "/api/auth/password", cookie, { currentPassword, newPassword });
    const wrong = await change("not the one at all", "harbour violet seventeen kites");
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: "wrong_current_password", issues: [{ path: "body.currentPassword" }] });
    const weak = await change(temporary, "password1234");
    expect(weak.json()).toMatchObject({ code: "password_too_guessable", issues: [{ path: "body.newPassword" }] });
    expect((await change(temporary, "short")).json().issues[0].path).toBe("body.newPassword");
    expect((await change(temporary, temporary)).json().code).toBe("password_unchanged");
    expect((await inject("GET", "/api/units", cookie)).statusCode).toBe(403);

    const done = await change(temporary, "harbour violet seventeen kites");
    expect(done.statusCode).toBe(200);
    expect(done.json().mustChangePassword).toBe(false);
    expect((await inject("GET", "/api/units", cookie)).statusCode).toBe(200);
    const { socket } = await connectBoard(base, cookie);
    socket.close();
    expect((await signIn("sun.li", temporary)).statusCode).toBe(401);
    expect((await signIn("sun.li", "harbour violet seventeen kites")).statusCode).toBe(200);
    const actions = (await t.db.auditEvent.findMany({ where: { targetId: user.id }, select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["auth.password_change_failed", "auth.password_changed"]));
  });

  it("lets anyone signed in change their own password, and a wrong current one counts toward the sign-in back-off", async () => {
    const user = await create("zhou.yu");
    const res = await signIn("zhou.yu", STRONG, "10.30.0.1");
    const cookie = cookieOf(res);
    const change = (currentPassword: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/auth/password",
        headers: { cookie },
        remoteAddress: "10.30.0.1",
        payload: { currentPassword, newPassword: "copper meadow nineteen owls" },
      });
    const answers: number[] = [];
    for (let i = 0; i < 6; i++) answers.push((await change(`guess number ${i}`)).statusCode);
    expect(answers.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(answers[5]).toBe(429);
    // blocked from that address even with the right password
    expect((await change(STRONG)).statusCode).toBe(429);
    expect(await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ mustChangePassword: false });
    // an administrator's unlock lifts it
    await inject("POST", `/api/users/${user.id}/unlock`, admin);
    expect((await change(STRONG)).statusCode).toBe(200);
  });
});
