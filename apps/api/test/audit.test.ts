// The audit, readable: an administrator filters it by group, action, actor and time, and exports what
// they filtered as an .xlsx with Chinese headers (at most AUDIT_EXPORT_MAX_ROWS, the newest).
import { AUDIT_EXPORT_MAX_ROWS, type AuditEntry } from "@onemap/shared";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, login, type TestContext } from "./helpers";
import { readAuditWorkbook as readSheet } from "./xlsx";

const chinaDate = (at: Date) => new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(at);

describe("the audit, filtered and exported", () => {
  let t: TestContext;
  let admin = "";

  beforeAll(async () => {
    t = await buildTestApp();
    const leader = await login(t.app, "leader");
    await t.app.inject({
      method: "PUT",
      url: "/api/posture",
      headers: { cookie: leader },
      payload: { level: "LEVEL_III", reason: "节日安保" },
    });
    await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie: leader } });
    await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "chief", password: "wrong password" } });
    await login(t.app, "operator");
    admin = await login(t.app, "admin");
  });
  afterAll(async () => {
    await t.close();
  });

  const list = async (query: string): Promise<AuditEntry[]> => {
    const res = await t.app.inject({ method: "GET", url: `/api/audit?limit=500&${query}`, headers: { cookie: admin } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().entries;
  };
  const exportOf = (query: string, cookie = admin) =>
    t.app.inject({ method: "GET", url: `/api/audit/export?${query}`, headers: { cookie } });

  it("filters by action group, by action within it, by actor and by time", async () => {
    const signIns = await list("group=signIn");
    expect(new Set(signIns.map((e) => e.action))).toEqual(new Set(["auth.login", "auth.logout", "auth.login_failed"]));
    expect(signIns.filter((e) => e.action === "auth.login").map((e) => e.actorName)).toEqual(["admin", "operator", "leader"]);
    expect((await list("group=posture")).map((e) => [e.action, e.actorName])).toEqual([["posture.changed", "leader"]]);
    // both hold: an action outside the group finds nothing
    expect(await list("group=signIn&action=posture.changed")).toEqual([]);
    expect((await list("group=signIn&action=auth.login_failed")).map((e) => e.actorName)).toEqual(["chief"]);
    expect((await list("actor=leader")).map((e) => e.action)).toEqual(["auth.logout", "posture.changed", "auth.login"]);
    const all = await list("");
    const newest = all[0];
    if (!newest) throw new Error("no entries");
    expect(newest).toMatchObject({ action: "auth.login", actorName: "admin" });
    // `to` is exclusive, `from` inclusive
    expect((await list(`from=${encodeURIComponent(newest.at)}`)).map((e) => e.id)).toContain(newest.id);
    expect((await list(`to=${encodeURIComponent(newest.at)}`)).map((e) => e.id)).not.toContain(newest.id);
    expect(await list("from=2000-01-01T00:00:00%2B08:00&to=2000-01-02T00:00:00%2B08:00")).toEqual([]);
  });

  it("refuses a group it does not know, and a parameter it does not take, with a code", async () => {
    for (const url of [
      "/api/audit?group=weather",
      "/api/audit/export?group=weather",
      "/api/audit/export?limit=5",
      "/api/audit/export?from=yesterday",
    ]) {
      const res = await t.app.inject({ method: "GET", url, headers: { cookie: admin } });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code, url).toBe("invalid_input");
    }
  });

  it("exports the filtered entries as an .xlsx that opens, with Chinese headers, labels and China time", async () => {
    const res = await exportOf("group=signIn");
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="audit-${chinaDate(new Date())}.xlsx"`);
    const { header, data, notes } = await readSheet(res.rawPayload);
    expect(header).toEqual([
      "编号",
      "时间（北京时间）",
      "操作人",
      "操作人编号",
      "来源地址",
      "操作",
      "操作代码",
      "对象类型",
      "对象",
      "变更前",
      "变更后",
    ]);
    const expected = await list("group=signIn");
    expect(data.map((r) => r[0])).toEqual(expected.map((e) => e.id));
    expect(data.map((r) => r[6])).toEqual(expected.map((e) => e.action));
    const first = data[0] ?? [];
    const firstEntry = expected[0];
    if (!firstEntry) throw new Error("no entries");
    expect(first[5]).toBe("登录");
    expect(first[2]).toBe("admin");
    // the entry's instant, written as the clock in China shows it
    const shown = Date.parse(`${(first[1] ?? "").replace(" ", "T")}+08:00`);
    expect(Math.abs(shown - Date.parse(firstEntry.at))).toBeLessThan(1000);
    expect(data.find((r) => r[6] === "auth.login_failed")?.[5]).toBe("登录失败");
    expect(notes).toMatchObject({ 条数: String(expected.length), 类别: "登录" });

    const posture = await readSheet((await exportOf("action=posture.changed")).rawPayload);
    expect(posture.data).toHaveLength(1);
    expect(posture.data[0]?.[5]).toBe("调整县局态势");
    expect(JSON.parse(posture.data[0]?.[9] ?? "")).toEqual({ level: "ROUTINE", reason: null });
    expect(JSON.parse(posture.data[0]?.[10] ?? "")).toEqual({ level: "LEVEL_III", reason: "节日安保" });

    const none = await exportOf("actor=nobody-at-all");
    expect(none.statusCode).toBe(200);
    expect((await readSheet(none.rawPayload)).data).toEqual([]);
  });

  it("is for administrators: 403 for an operator, a chief and a leader; 401 without a session", async () => {
    for (const user of ["operator", "chief", "leader"]) {
      const res = await exportOf("", await login(t.app, user));
      expect(res.statusCode, user).toBe(403);
      expect(res.json().code).toBe("role_required");
    }
    const anonymous = await t.app.inject({ method: "GET", url: "/api/audit/export" });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers["content-disposition"]).toBeUndefined();
  });

  it(`holds at most ${AUDIT_EXPORT_MAX_ROWS} entries, the newest, and says it was cut`, { timeout: 120_000 }, async () => {
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO "AuditEvent" ("actorName", action, "targetType", "targetId")
         SELECT 'bulk', 'unit.status', 'unit', 'u-' || n FROM generate_series(1, $1::int) AS n`,
        [AUDIT_EXPORT_MAX_ROWS + 5],
      );
    } finally {
      await client.end();
    }
    const res = await exportOf("actor=bulk");
    expect(res.statusCode).toBe(200);
    expect(res.headers["x-audit-truncated"]).toBe("true");
    const { data, notes } = await readSheet(res.rawPayload);
    expect(data).toHaveLength(AUDIT_EXPORT_MAX_ROWS);
    // the newest: the last inserted comes first, the five oldest are left out
    expect(data[0]?.[8]).toBe(`u-${AUDIT_EXPORT_MAX_ROWS + 5}`);
    expect(data.at(-1)?.[8]).toBe("u-6");
    expect(notes.已截断).toContain(String(AUDIT_EXPORT_MAX_ROWS));
  });
});

describe("a tier change in the audit", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it("records who raised which incident to which tier, from where, with the reason — and a refused change records nothing", async () => {
    const operator = await login(t.app, "operator");
    const leader = await login(t.app, "leader");
    const admin = await login(t.app, "admin");
    const created = await t.app.inject({
      method: "POST",
      url: "/api/incidents",
      headers: { cookie: operator },
      payload: { category: "robbery", lat: 31.03, lon: 106.42 },
    });
    expect(created.statusCode, created.body).toBe(201);
    const incident = created.json() as { id: string; number: string };
    const setTier = (tier: string) =>
      t.app.inject({
        method: "POST",
        url: `/api/incidents/${incident.id}/tier`,
        headers: { cookie: leader, "x-forwarded-for": "10.1.2.3" },
        payload: { tier, reason: "持刀抢劫，嫌疑人在逃" },
      });
    expect((await setTier("LEVEL_II")).statusCode).toBe(200);
    // the same tier again is refused (409): no second entry
    expect((await setTier("LEVEL_II")).statusCode).toBe(409);
    const res = await t.app.inject({ method: "GET", url: "/api/audit?group=tiers", headers: { cookie: admin } });
    expect(res.statusCode, res.body).toBe(200);
    const entries = res.json().entries as AuditEntry[];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "incident.tier_changed",
      actorName: "leader",
      targetType: "incident",
      targetId: incident.number,
      before: { tier: "ROUTINE" },
      after: { tier: "LEVEL_II", reason: "持刀抢劫，嫌疑人在逃" },
    });
  });
});
