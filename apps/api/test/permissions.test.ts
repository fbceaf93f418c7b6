// Who may do what: every role against every write route. A refused request writes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, login, type TestContext } from "./helpers";
import { connectBoard, sleep } from "./realtime-helpers";

type Role = "operator" | "leader" | "chief" | "admin";
const ALL: Role[] = ["operator", "leader", "chief", "admin"];

const key = () => `T${Math.random().toString(36).slice(2, 8)}`;
/** every administration route: [method, path, body] */
const ADMINISTRATION: [string, string, () => unknown][] = [
  [
    "POST",
    "/api/stations",
    () => ({ code: key(), name: "x", kind: "POLICE_STATION", urban: false, lat: 31, lon: 106, address: null, phone: null }),
  ],
  ["PATCH", "/api/stations/st-none", () => ({ name: "x" })],
  ["DELETE", "/api/stations/st-none", () => ({})],
  [
    "POST",
    "/api/officers",
    () => ({ badgeNo: key(), name: "x", birthYear: 1990, post: "STATION", auxiliary: false, title: null, phone: null, stationId: "st-dc" }),
  ],
  ["PATCH", "/api/officers/of-none", () => ({ name: "x" })],
  ["DELETE", "/api/officers/of-none", () => ({})],
  [
    "POST",
    "/api/grids",
    () => ({
      code: key(),
      name: "x",
      stationId: "st-dc",
      polygon: {
        type: "Polygon",
        coordinates: [
          [
            [106.5, 31.5],
            [106.51, 31.5],
            [106.51, 31.51],
            [106.5, 31.5],
          ],
        ],
      },
    }),
  ],
  ["PATCH", "/api/grids/gr-none", () => ({ name: "x" })],
  ["DELETE", "/api/grids/gr-none", () => ({})],
  // a feature that is not a grid: the administrator's 400 names it, nothing is written
  ["POST", "/api/grids/geojson", () => ({ type: "FeatureCollection", features: [{ type: "Feature" }] })],
  ["POST", "/api/units", () => ({ callsign: key(), kind: "CAR", homeStationId: "st-dc" })],
  ["PATCH", "/api/units/un-none", () => ({ kind: "CAR", version: 0 })],
  ["DELETE", "/api/units/un-none", () => ({})],
  ["POST", "/api/cameras", () => ({ code: key(), name: "x", kind: "SKYNET", lat: 31.03, lon: 106.42, stationId: "st-dc" })],
  ["PATCH", "/api/cameras/cam-none", () => ({ name: "x" })],
  ["DELETE", "/api/cameras/cam-none", () => ({})],
  ["POST", "/api/reinforcement-groups", () => ({ kind: "HQ_RESERVE", name: "x", activatesAtTier: "LEVEL_I" })],
  ["PATCH", "/api/reinforcement-groups/rg-none", () => ({ name: "x" })],
  ["DELETE", "/api/reinforcement-groups/rg-none", () => ({})],
];

describe("the permission matrix", () => {
  let t: TestContext;
  let base: string;
  const cookies = {} as Record<Role, string>;
  let incidentId = "";

  beforeAll(async () => {
    t = await buildTestApp();
    base = await t.app.listen({ host: "127.0.0.1", port: 0 });
    for (const r of ALL) cookies[r] = await login(t.app, r);
    // an incident in 东城's area, visible to every role that may see it
    const res = await t.app.inject({
      method: "POST",
      url: "/api/incidents",
      headers: { cookie: cookies.operator },
      payload: { category: "theft", lat: 31.03, lon: 106.425 },
    });
    incidentId = res.json().id;
  });
  afterAll(async () => {
    await t.close();
  });

  // [route, body, roles allowed]; each refused role gets 403 and leaves the database as it was
  const writes: [string, string, () => unknown, Role[]][] = [
    ["POST", "/api/incidents", () => ({ category: "noise", lat: 31.03, lon: 106.425 }), ["operator", "leader", "chief"]],
    ["POST", "/api/incidents/:id/notes", () => ({ text: "note" }), ["operator", "leader", "chief"]],
    ["POST", "/api/incidents/:id/tier", () => ({ tier: "LEVEL_III", reason: "matrix" }), ["leader"]],
    ["POST", "/api/incidents/:id/escalation-request", () => ({ tier: "LEVEL_I", reason: "matrix" }), ["operator", "chief"]],
    ["POST", "/api/incidents/:id/link", () => ({ duplicateOfId: incidentId }), ["operator", "leader", "chief"]],
    ["PUT", "/api/posture", () => ({ level: "ROUTINE", reason: "matrix" }), ["leader"]],
    // the county roster: the duty leaders keep it among themselves, with the administrators
    [
      "PUT",
      "/api/duty",
      () => ({ date: "2027-01-01", entries: [{ shift: "DAY", role: "COMMANDER", officerId: "of-0001" }] }),
      ["leader", "admin"],
    ],
    // a station's duty report: its chief (东城's, the demo chief) and the administrators
    ["PUT", "/api/stations/st-dc/duty", () => ({ date: "2027-01-01", shift: "DAY", entries: [] }), ["chief", "admin"]],
    [
      "POST",
      "/api/users",
      () => ({ username: `u${Math.random().toString(36).slice(2, 8)}`, displayName: "x", password: "long enough pw", role: "OPERATOR" }),
      ["admin"],
    ],
    // accounts (issue 12): changes and removals aim at an id that does not exist (an administrator's 404)
    ["PATCH", "/api/users/us-none", () => ({ displayName: "x" }), ["admin"]],
    ["DELETE", "/api/users/us-none", () => ({}), ["admin"]],
    ["POST", "/api/users/us-none/reset-password", () => ({}), ["admin"]],
    ["POST", "/api/users/us-none/unlock", () => ({}), ["admin"]],
    ["POST", "/api/users/us-none/revoke-sessions", () => ({}), ["admin"]],
    // administrators take units out of service for maintenance
    ["PUT", "/api/units/un-dc-car-1/status", () => ({ status: "BUSY", version: 0 }), ["operator", "leader", "chief", "admin"]],
    // the county workbook (an administrator's JSON is refused as 415: the import takes a multipart file, county.test.ts)
    ["POST", "/api/county/import", () => ({}), ["admin"]],
    // administration of the county's resources (issue 12): changes and removals aim at ids that do not exist (an administrator's 404)
    ...ADMINISTRATION.map(([method, route, body]): [string, string, () => unknown, Role[]] => [method, route, body, ["admin"]]),
  ];

  it.each(ADMINISTRATION.map(([method, route]) => [method, route]))("%s %s without a session is 401", async (method, url) => {
    const res = await t.app.inject({ method: method as "POST", url, payload: {} });
    expect(res.statusCode).toBe(401);
  });

  for (const [method, route, body, allowed] of writes) {
    for (const role of ALL) {
      const expectAllowed = allowed.includes(role);
      it(`${method} ${route} as ${role}: ${expectAllowed ? "allowed" : "403"}`, async () => {
        const events = await t.db.incidentEvent.count();
        const url = route.replace(":id", incidentId);
        const res = await t.app.inject({
          method: method as "POST" | "PUT" | "PATCH" | "DELETE",
          url,
          headers: { cookie: cookies[role] },
          payload: body() as object,
        });
        if (expectAllowed) {
          // allowed: not refused for the role (the request may still be refused on its merits, e.g. a stale version)
          expect([401, 403]).not.toContain(res.statusCode);
        } else {
          expect(res.statusCode).toBe(403);
          expect(await t.db.incidentEvent.count()).toBe(events);
        }
      });
    }
  }

  // the roster's officer picker and a station's duty report: read by those who write them; a unit's crew on shift
  for (const [route, allowed] of [
    ["/api/duty/officers?q=王", ["leader", "admin"]],
    ["/api/stations/st-dc/duty", ["chief", "admin"]],
    // a unit's crew on shift: every board that sees the unit (东城's, the chief's own)
    ["/api/units/un-dc-car-1/duty", ALL],
  ] as [string, Role[]][]) {
    for (const role of ALL) {
      it(`GET ${route} as ${role}: ${allowed.includes(role) ? "allowed" : "403"}`, async () => {
        const res = await t.app.inject({ method: "GET", url: route, headers: { cookie: cookies[role] } });
        expect(res.statusCode).toBe(allowed.includes(role) ? 200 : 403);
      });
    }
    it(`GET ${route} without a session is 401`, async () => {
      expect((await t.app.inject({ method: "GET", url: route })).statusCode).toBe(401);
    });
  }

  // the administrators' reads: everyone else is refused, and nothing of the audit goes out
  for (const route of [
    "/api/audit",
    "/api/audit/export",
    "/api/reinforcement-groups",
    "/api/devices/units",
    "/api/users?q=a",
    "/api/grids/geojson",
  ]) {
    for (const role of ALL) {
      it(`GET ${route} as ${role}: ${role === "admin" ? "allowed" : "403"}`, async () => {
        const res = await t.app.inject({ method: "GET", url: route, headers: { cookie: cookies[role] } });
        expect(res.statusCode).toBe(role === "admin" ? 200 : 403);
        if (role !== "admin") expect(res.body).not.toContain("auth.login");
      });
    }
    it(`GET ${route} without a session is 401`, async () => {
      expect((await t.app.inject({ method: "GET", url: route })).statusCode).toBe(401);
    });
  }

  for (const route of ["/api/county/export", "/api/county/template"]) {
    for (const role of ALL) {
      it(`GET ${route} as ${role}: ${role === "admin" ? "allowed" : "403"}`, async () => {
        const res = await t.app.inject({ method: "GET", url: route, headers: { cookie: cookies[role] } });
        expect(res.statusCode).toBe(role === "admin" ? 200 : 403);
      });
    }
  }

  it.each(["/api/incidents", "/api/incidents/x/dispatch", "/api/incidents/x/tier", "/api/posture", "/api/duty"])(
    "%s without a session is 401",
    async (url) => {
      const res = await t.app.inject({ method: url.endsWith("posture") || url.endsWith("duty") ? "PUT" : "POST", url, payload: {} });
      expect(res.statusCode).toBe(401);
    },
  );

  it.each([
    ["POST", "/api/users"],
    ["PATCH", "/api/users/us-none"],
    ["DELETE", "/api/users/us-none"],
    ["POST", "/api/users/us-none/reset-password"],
    ["POST", "/api/auth/password"],
  ])("%s %s without a session is 401", async (method, url) => {
    const res = await t.app.inject({ method: method as "POST", url, payload: {} });
    expect(res.statusCode).toBe(401);
  });

  it("keeps another station's incident from a chief: 404 on every action, and nothing on their socket", async () => {
    const { socket } = await connectBoard(base, cookies.chief);
    const heard: string[] = [];
    for (const e of ["incident:created", "incident:updated", "assignment:updated", "tier:changed", "unit:status"] as const)
      socket.on(e, () => heard.push(e));
    const bc = (
      await t.app.inject({
        method: "POST",
        url: "/api/incidents",
        headers: { cookie: cookies.operator },
        payload: { category: "fight", lat: 31.03, lon: 106.395 },
      })
    ).json();
    await t.db.unit.update({
      where: { id: "un-bc-car-1" },
      data: { status: "AVAILABLE", lastLat: 31.031, lastLon: 106.395, lastFixAt: new Date() },
    });
    await t.app.inject({
      method: "POST",
      url: `/api/incidents/${bc.id}/dispatch`,
      headers: { cookie: cookies.operator },
      payload: { unitIds: ["un-bc-car-1"] },
    });
    await t.app.inject({
      method: "POST",
      url: `/api/incidents/${bc.id}/tier`,
      headers: { cookie: cookies.leader },
      payload: { tier: "LEVEL_III", reason: "fight spreading" },
    });
    for (const [method, url, payload] of [
      ["GET", `/api/incidents/${bc.id}`, undefined],
      ["GET", `/api/incidents/${bc.id}/recommendations`, undefined],
      ["POST", `/api/incidents/${bc.id}/notes`, { text: "peek" }],
      ["POST", `/api/incidents/${bc.id}/status`, { status: "CANCELLED", reason: "peek" }],
      ["POST", `/api/incidents/${bc.id}/dispatch`, { unitIds: ["un-dc-car-2"] }],
      ["POST", `/api/incidents/${bc.id}/escalation-request`, { tier: "LEVEL_I", reason: "peek" }],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: { cookie: cookies.chief }, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    await sleep(300);
    expect(heard).toEqual([]);
    // while the operator's board heard all of it
    const bcEvents = await t.db.incidentEvent.findMany({ where: { incidentId: bc.id } });
    expect(bcEvents.map((e) => e.type)).toEqual(["created", "dispatched", "tier_changed"]);
    socket.close();
  });
});
