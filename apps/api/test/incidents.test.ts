// Incidents, dispatch and graded response against the real app, database and sockets.
import type { Incident, IncidentDetail, Recommendations } from "@onemap/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, deviceOf, login, type TestContext } from "./helpers";
import { connectBoard, sleep, waitForEvent } from "./realtime-helpers";

const DC_POINT = { lat: 31.03, lon: 106.425 }; // 东城's half of town
const BC_POINT = { lat: 31.03, lon: 106.395 }; // 北城's half

describe("incidents and dispatch", () => {
  let t: TestContext;
  let operator: string;
  let leader: string;
  let chief: string;
  let admin: string;
  let base: string;

  const post = async <T = Incident>(url: string, cookie: string, payload: unknown, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({ method: "POST", url, headers: { cookie, ...headers }, payload: payload as object });
    return { status: res.statusCode, body: res.json() as T & { message: string; issues?: { path: string }[] }, headers: res.headers };
  };
  const get = async <T>(url: string, cookie: string) => {
    const res = await t.app.inject({ method: "GET", url, headers: { cookie } });
    return { status: res.statusCode, body: res.json() as T };
  };
  const create = async (over: Record<string, unknown> = {}, cookie = operator) => {
    const res = await post("/api/incidents", cookie, {
      category: "theft",
      ...DC_POINT,
      address: "相如街道 测试路 1 号",
      callerName: "张三",
      callerPhone: "13900000000",
      ...over,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  /** an available unit with a fresh fix near a point */
  const placeUnit = async (unitId: string, point: { lat: number; lon: number }, northM = 0) => {
    await t.db.unit.update({
      where: { id: unitId },
      data: { status: "AVAILABLE", lastLat: point.lat + northM / 111_320, lastLon: point.lon, lastFixAt: new Date() },
    });
  };

  beforeAll(async () => {
    t = await buildTestApp({ env: { POSITION_TICK_MS: "50" } });
    base = await t.app.listen({ host: "127.0.0.1", port: 0 });
    [operator, leader, chief, admin] = await Promise.all([
      login(t.app, "operator"),
      login(t.app, "leader"),
      login(t.app, "chief"),
      login(t.app, "admin"),
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  describe("taking a call", () => {
    it("creates an incident in the grid and station of its location, numbered, with the category's priority", async () => {
      const incident = await create({ category: "robbery" });
      expect(incident).toMatchObject({ status: "NEW", tier: "ROUTINE", priority: "P1", stationId: "st-dc", callerName: "张三" });
      expect(incident.number).toMatch(/^\d{8}-\d{4}$/);
      const grid = await t.db.grid.findUniqueOrThrow({ where: { id: incident.gridId ?? "" } });
      expect(grid.stationId).toBe("st-dc");
      const overridden = await create({ category: "robbery", priority: "P3", lat: 31.029, lon: 106.426 });
      expect(overridden.priority).toBe("P3");
    });

    it("gives a call outside every grid to the nearest station", async () => {
      const jp = await t.db.station.findUniqueOrThrow({ where: { id: "st-jp" } });
      const incident = await create({ lat: jp.lat + 0.005, lon: jp.lon });
      expect(incident).toMatchObject({ stationId: "st-jp", gridId: null });
    });

    it("flags a likely duplicate (same category, 200 m, 10 minutes) and lets the operator link it", async () => {
      const first = await create({ category: "fight", lat: 31.027, lon: 106.428 });
      const second = await create({ category: "fight", lat: 31.0275, lon: 106.428 });
      expect(second.likelyDuplicateOf.map((d) => d.id)).toEqual([first.id]);
      const other = await create({ category: "noise", lat: 31.0275, lon: 106.428 });
      expect(other.likelyDuplicateOf).toEqual([]);
      const linked = await post(`/api/incidents/${second.id}/link`, operator, { duplicateOfId: first.id });
      expect(linked.body.duplicateOfId).toBe(first.id);
    });

    it("refuses a bad call with 400 naming each field, writing nothing", async () => {
      const before = await t.db.incident.count();
      const res = await post("/api/incidents", operator, { category: "alien_landing", lat: 95, lon: 106.4, callerPhone: "call me" });
      expect(res.status).toBe(400);
      expect(res.body.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(["body.category", "body.lat", "body.callerPhone"]));
      expect(await t.db.incident.count()).toBe(before);
      expect(await t.db.incidentEvent.count({ where: { type: "created" } })).toBe(before);
    });

    it("keeps a station chief to their own area", async () => {
      expect((await post("/api/incidents", chief, { category: "theft", ...BC_POINT })).status).toBe(403);
      const own = await create({}, chief);
      expect(own.stationId).toBe("st-dc");
      const bc = await create({ ...BC_POINT });
      expect((await get(`/api/incidents/${bc.id}`, chief)).status).toBe(404);
      const listed = await get<Incident[]>("/api/incidents", chief);
      expect(listed.body.every((i) => i.stationId === "st-dc")).toBe(true);
    });

    it("lists with filters and shows one incident with its timeline", async () => {
      const incident = await create({ category: "fraud" });
      const listed = await get<Incident[]>("/api/incidents?category=fraud&status=NEW", operator);
      expect(listed.body.map((i) => i.id)).toContain(incident.id);
      expect(listed.body.every((i) => i.category === "fraud" && i.status === "NEW")).toBe(true);
      expect((await get("/api/incidents?status=LOST", operator)).status).toBe(400);
      const detail = await get<IncidentDetail>(`/api/incidents/${incident.id}`, operator);
      expect(detail.body.timeline.map((e) => e.type)).toEqual(["created"]);
      expect(detail.body.timeline[0]?.actor?.username).toBe("operator");
      expect((await get("/api/incidents/nope", operator)).status).toBe(404);
    });
  });

  describe("the lifecycle", () => {
    it("refuses an illegal transition with 409 and the reason", async () => {
      const incident = await create();
      const res = await post(`/api/incidents/${incident.id}/status`, operator, { status: "RESOLVED" });
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/NEW cannot become RESOLVED/);
      const noReason = await post(`/api/incidents/${incident.id}/status`, operator, { status: "CANCELLED" });
      expect(noReason.status).toBe(400);
      const cancelled = await post(`/api/incidents/${incident.id}/status`, operator, { status: "CANCELLED", reason: "caller withdrew" });
      expect(cancelled.body.status).toBe("CANCELLED");
      expect((await post(`/api/incidents/${incident.id}/status`, operator, { status: "CLOSED" })).status).toBe(409);
    });

    it("stamps each step and derives call-to-dispatch and dispatch-to-arrival", async () => {
      const incident = await create();
      await placeUnit("un-dc-car-1", DC_POINT, 300);
      const dispatched = await post<{ incident: Incident; assignments: { id: string }[] }>(
        `/api/incidents/${incident.id}/dispatch`,
        operator,
        { unitIds: ["un-dc-car-1"] },
      );
      expect(dispatched.status).toBe(200);
      const device = await deviceOf(t.db, "un-dc-car-1");
      const assignment = dispatched.body.assignments[0]?.id;
      await post(`/api/devices/assignments/${assignment}/onscene`, "", {}, device.bearer);
      const resolved = await post(`/api/incidents/${incident.id}/status`, operator, {
        status: "RESOLVED",
        case: { kind: "property", caughtOnScene: true },
      });
      expect(resolved.body).toMatchObject({ status: "RESOLVED", caseLevel: 3, caseRoute: "LOCAL_STATION" });
      expect(resolved.body.callToDispatchS).toBeGreaterThanOrEqual(0);
      expect(resolved.body.dispatchToArrivalS).toBeGreaterThanOrEqual(0);
      expect(resolved.body.onSceneAt).not.toBeNull();
      const closed = await post(`/api/incidents/${incident.id}/status`, operator, { status: "CLOSED" });
      expect(closed.body.closedAt).not.toBeNull();
      // closing releases the unit still on scene
      expect((await t.db.unit.findUniqueOrThrow({ where: { id: "un-dc-car-1" } })).status).toBe("AVAILABLE");
      const timeline = (await get<IncidentDetail>(`/api/incidents/${incident.id}`, operator)).body.timeline.map((e) => e.type);
      expect(timeline).toEqual(["created", "dispatched", "assignment_on_scene", "status_changed", "status_changed"]);
    });

    it("routes a resolved case by the 133 model", async () => {
      const incident = await create({ category: "burglary" });
      await t.db.incident.update({ where: { id: incident.id }, data: { status: "ON_SCENE" } });
      const res = await post(`/api/incidents/${incident.id}/status`, operator, {
        status: "RESOLVED",
        case: { kind: "property", serial: true },
      });
      expect(res.body).toMatchObject({ caseLevel: 1, caseRoute: "MAJOR_CASE_SQUAD" });
    });

    it("hands a non-police call over and closes the police side, releasing its units", async () => {
      const incident = await create({ category: "utility_fault" });
      await placeUnit("un-dc-car-2", DC_POINT, 200);
      await post(`/api/incidents/${incident.id}/dispatch`, operator, { unitIds: ["un-dc-car-2"] });
      const res = await post(`/api/incidents/${incident.id}/transfer`, operator, {
        department: "UTILITIES",
        reason: "停水, 移交自来水公司",
      });
      expect(res.body).toMatchObject({ status: "TRANSFERRED", transferDepartment: "UTILITIES" });
      expect((await t.db.unit.findUniqueOrThrow({ where: { id: "un-dc-car-2" } })).status).toBe("AVAILABLE");
      expect((await post(`/api/incidents/${incident.id}/transfer`, operator, { department: "HEALTH", reason: "again" })).status).toBe(409);
      expect((await post(`/api/incidents/${incident.id}/transfer`, operator, { department: "MARS", reason: "x" })).status).toBe(400);
    });
  });

  describe("recommendations", () => {
    it("ranks available units by ETA with leader, members, station and fix age, and answers where from / who leads", async () => {
      const incident = await create({ category: "assault", lat: 31.031, lon: 106.426 });
      await placeUnit("un-dc-car-3", { lat: 31.031, lon: 106.426 }, 150);
      await placeUnit("un-dc-car-4", { lat: 31.031, lon: 106.426 }, 900);
      await t.db.unit.update({
        where: { id: "un-dc-car-5" },
        data: { status: "AVAILABLE", lastLat: 31.0312, lastLon: 106.426, lastFixAt: new Date(Date.now() - 30 * 60_000) },
      });
      const res = await get<Recommendations>(`/api/incidents/${incident.id}/recommendations`, operator);
      expect(res.status).toBe(200);
      const recs = res.body.recommendations;
      const ids = recs.map((r) => r.unitId);
      expect(ids.indexOf("un-dc-car-3")).toBeLessThan(ids.indexOf("un-dc-car-4"));
      const etas = recs.filter((r) => !r.stale).map((r) => r.etaS);
      expect([...etas].sort((a, b) => a - b)).toEqual(etas);
      const stale = recs.find((r) => r.unitId === "un-dc-car-5");
      expect(stale?.stale).toBe(true);
      expect(stale?.lastFixAgeS).toBeGreaterThanOrEqual(1800);
      expect(ids.indexOf("un-dc-car-5")).toBeGreaterThan(ids.indexOf("un-dc-car-4"));
      expect(recs[0]?.etaS).toBe(Math.min(...etas));
      const car3 = recs.find((r) => r.unitId === "un-dc-car-3");
      expect(car3).toMatchObject({ stationName: "东城派出所", stale: false });
      expect(car3?.distanceM).toBeCloseTo(150, -1);
      expect(car3?.leader?.name).toBeTruthy();
      expect(car3?.memberCount).toBeGreaterThan(0);
      expect(recs.every((r) => r.reinforcementGroup === null)).toBe(true); // routine: no reinforcement groups
      const dc = res.body.byStation.find((s) => s.stationId === "st-dc");
      expect(dc?.within3km).toBeGreaterThanOrEqual(2);
      expect(dc?.within10km).toBeGreaterThanOrEqual(dc?.within5km ?? 0);
      expect(res.body.commandingLeader?.role).toBe("DUTY_LEADER");
      expect(res.body.commandingLeader?.officer.name).toBeTruthy();
      expect(res.body.commander?.name).toBeTruthy();
    });
  });

  describe("one-click dispatch", () => {
    it("sends a unit: DISPATCHED, an assignment, a timeline entry, and the boards hear it", async () => {
      const board = await connectBoard(base, operator);
      const incident = await create();
      await placeUnit("un-dc-motorcycle-7", DC_POINT, 100);
      const heardUnit = waitForEvent(board.socket, "unit:status");
      const heardAssignment = waitForEvent(board.socket, "assignment:updated");
      const res = await post<{ incident: Incident; assignments: { unitId: string; status: string }[] }>(
        `/api/incidents/${incident.id}/dispatch`,
        operator,
        { unitIds: ["un-dc-motorcycle-7"] },
      );
      expect(res.status).toBe(200);
      expect(res.body.incident.status).toBe("DISPATCHED");
      expect(res.body.assignments).toMatchObject([{ unitId: "un-dc-motorcycle-7", status: "DISPATCHED" }]);
      expect((await t.db.unit.findUniqueOrThrow({ where: { id: "un-dc-motorcycle-7" } })).status).toBe("DISPATCHED");
      expect(await heardUnit).toMatchObject({ unitId: "un-dc-motorcycle-7", status: "DISPATCHED", previous: "AVAILABLE" });
      expect(await heardAssignment).toMatchObject({ unitId: "un-dc-motorcycle-7", incidentId: incident.id });
      board.socket.close();
    });

    it("answers 409 naming the incident that took the unit, and assigns none of a partly taken list", async () => {
      const first = await create();
      const second = await create({ lat: 31.025, lon: 106.428 });
      await placeUnit("un-dc-car-6", DC_POINT, 100);
      await placeUnit("un-dc-motorcycle-8", DC_POINT, 200);
      await post(`/api/incidents/${first.id}/dispatch`, operator, { unitIds: ["un-dc-car-6"] });
      const res = await post(`/api/incidents/${second.id}/dispatch`, operator, { unitIds: ["un-dc-motorcycle-8", "un-dc-car-6"] });
      expect(res.status).toBe(409);
      expect(res.body.message).toContain(`already on incident ${first.number}`);
      // and who sent it there, so the operator knows whom to talk to
      expect(res.body.message).toMatch(/dispatched by 接处警员\(演示\) at \d\d:\d\d:\d\d \(UTC\+8\)/);
      expect(res.body).toMatchObject({
        code: "unit_taken",
        params: {
          callsign: expect.any(String),
          incident: first.number,
          by: "接处警员(演示)",
          at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
      });
      expect((await t.db.unit.findUniqueOrThrow({ where: { id: "un-dc-motorcycle-8" } })).status).toBe("AVAILABLE");
      expect(await t.db.assignment.count({ where: { incidentId: second.id } })).toBe(0);
      expect((await t.db.incident.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("NEW");
    });

    it("lets exactly one of 50 concurrent dispatches of one unit succeed: one assignment, one timeline entry", async () => {
      const incidents = await Promise.all(Array.from({ length: 50 }, (_, i) => create({ lat: 31.02 + i * 1e-4, lon: 106.427 })));
      await placeUnit("un-dc-foot-9", DC_POINT, 50);
      const results = await Promise.all(
        incidents.map((inc) => post(`/api/incidents/${inc.id}/dispatch`, operator, { unitIds: ["un-dc-foot-9"] })),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(results.filter((r) => r.status === 409)).toHaveLength(49);
      expect(await t.db.assignment.count({ where: { unitId: "un-dc-foot-9" } })).toBe(1);
      expect(await t.db.incidentEvent.count({ where: { incidentId: { in: incidents.map((i) => i.id) }, type: "dispatched" } })).toBe(1);
      const winner = incidents[results.findIndex((r) => r.status === 200)];
      expect(results.find((r) => r.status === 409)?.body.message).toContain(winner?.number);
    });

    it("makes a repeated click with the same Idempotency-Key harmless: same answer, one effect", async () => {
      const incident = await create();
      await placeUnit("un-dc-foot-10", DC_POINT, 80);
      const headers = { "idempotency-key": `click-${incident.id}` };
      const [a, b] = await Promise.all([
        post(`/api/incidents/${incident.id}/dispatch`, operator, { unitIds: ["un-dc-foot-10"] }, headers),
        post(`/api/incidents/${incident.id}/dispatch`, operator, { unitIds: ["un-dc-foot-10"] }, headers),
      ]);
      const c = await post(`/api/incidents/${incident.id}/dispatch`, operator, { unitIds: ["un-dc-foot-10"] }, headers);
      expect([a.status, b.status, c.status]).toEqual([200, 200, 200]);
      expect(b.body).toEqual(a.body);
      expect(c.body).toEqual(a.body);
      expect(c.headers["idempotent-replayed"]).toBe("true");
      expect(await t.db.assignment.count({ where: { incidentId: incident.id } })).toBe(1);
      expect(await t.db.incidentEvent.count({ where: { incidentId: incident.id, type: "dispatched" } })).toBe(1);
      const reused = await post(`/api/incidents/${incident.id}/dispatch`, operator, { unitIds: ["un-dc-car-1"] }, headers);
      expect(reused.status).toBe(409);
      expect(reused.body.message).toMatch(/different request/);
    });

    it("refuses unknown units (404), bad bodies (400) and finished incidents (409)", async () => {
      const incident = await create();
      expect((await post(`/api/incidents/${incident.id}/dispatch`, operator, { unitIds: ["un-nope"] })).status).toBe(404);
      expect((await post(`/api/incidents/${incident.id}/dispatch`, operator, { unitIds: [] })).status).toBe(400);
      expect((await post(`/api/incidents/${incident.id}/dispatch`, operator, { unitIds: ["a", "a"] })).status).toBe(400);
      expect((await post("/api/incidents/nope/dispatch", operator, { unitIds: ["un-dc-car-1"] })).status).toBe(404);
      await post(`/api/incidents/${incident.id}/status`, operator, { status: "CANCELLED", reason: "test" });
      expect((await post(`/api/incidents/${incident.id}/dispatch`, operator, { unitIds: ["un-dc-car-1"] })).status).toBe(409);
      // a chief may not send another station's unit
      const own = await create({}, chief);
      expect((await post(`/api/incidents/${own.id}/dispatch`, chief, { unitIds: ["un-bc-car-3"] })).status).toBe(404);
    });
  });

  describe("the unit's progress", () => {
    it("follows the device's reports, refuses going back and other devices, and frees the unit on clear", async () => {
      const incident = await create();
      await placeUnit("un-dc-car-3", DC_POINT, 400);
      const res = await post<{ assignments: { id: string }[] }>(`/api/incidents/${incident.id}/dispatch`, operator, {
        unitIds: ["un-dc-car-3"],
      });
      const id = res.body.assignments[0]?.id;
      const device = (await deviceOf(t.db, "un-dc-car-3")).bearer;
      // another unit's device: the assignment does not exist for it; no token: not a device
      expect((await post(`/api/devices/assignments/${id}/ack`, "", {}, (await deviceOf(t.db, "un-dc-car-2")).bearer)).status).toBe(404);
      expect((await post(`/api/devices/assignments/${id}/ack`, "", {})).status).toBe(401);
      expect((await post(`/api/devices/assignments/${id}/ack`, "", {}, { authorization: "Bearer nope" })).status).toBe(401);
      expect((await post(`/api/devices/assignments/${id}/ack`, "", {}, device)).body).toMatchObject({ status: "ACKNOWLEDGED" });
      expect((await post(`/api/devices/assignments/${id}/enroute`, "", {}, device)).body).toMatchObject({ status: "EN_ROUTE" });
      expect((await t.db.unit.findUniqueOrThrow({ where: { id: "un-dc-car-3" } })).status).toBe("EN_ROUTE");
      expect((await post(`/api/devices/assignments/${id}/ack`, "", {}, device)).status).toBe(409);
      expect((await post(`/api/devices/assignments/${id}/teleport`, "", {}, device)).status).toBe(400);
      expect((await post(`/api/devices/assignments/${id}/clear`, "", {}, device)).body).toMatchObject({ status: "CLEARED" });
      expect((await t.db.unit.findUniqueOrThrow({ where: { id: "un-dc-car-3" } })).status).toBe("AVAILABLE");
    });

    it("sets an en-route unit on scene when its position comes within 50 m of the incident", async () => {
      const incident = await create({ lat: 31.033, lon: 106.424 });
      await placeUnit("un-dc-car-4", { lat: 31.033, lon: 106.424 }, 800);
      const res = await post<{ assignments: { id: string }[] }>(`/api/incidents/${incident.id}/dispatch`, operator, {
        unitIds: ["un-dc-car-4"],
      });
      const id = res.body.assignments[0]?.id;
      const device = await deviceOf(t.db, "un-dc-car-4");
      await post(`/api/devices/assignments/${id}/enroute`, "", {}, device.bearer);
      const fix = (northM: number) =>
        t.app.inject({
          method: "POST",
          url: `/ingest/osmand?${device.query}&timestamp=${Date.now()}&lat=${31.033 + northM / 111_320}&lon=106.424`,
        });
      await fix(300);
      await sleep(150);
      expect((await t.db.assignment.findUniqueOrThrow({ where: { id } })).status).toBe("EN_ROUTE");
      await fix(30);
      let status = "";
      for (let i = 0; i < 40 && status !== "ON_SCENE"; i++) {
        await sleep(50);
        status = (await t.db.assignment.findUniqueOrThrow({ where: { id } })).status;
      }
      expect(status).toBe("ON_SCENE");
      const after = await t.db.incident.findUniqueOrThrow({ where: { id: incident.id } });
      expect(after.status).toBe("ON_SCENE");
      expect(after.onSceneAt).not.toBeNull();
    });
  });

  describe("graded response", () => {
    it("refuses a tier from an operator (403), who may request escalation instead", async () => {
      const incident = await create({ category: "mass_incident" });
      const refused = await post(`/api/incidents/${incident.id}/tier`, operator, { tier: "LEVEL_II", reason: "crowd growing" });
      expect(refused.status).toBe(403);
      expect((await t.db.incident.findUniqueOrThrow({ where: { id: incident.id } })).tier).toBe("ROUTINE");
      const requested = await post(`/api/incidents/${incident.id}/escalation-request`, operator, {
        tier: "LEVEL_II",
        reason: "crowd growing",
      });
      expect(requested.body.escalationRequested).toBe("LEVEL_II");
      expect((await post(`/api/incidents/${incident.id}/escalation-request`, operator, { tier: "ROUTINE", reason: "x1" })).status).toBe(
        409,
      );
    });

    it("lets a duty leader raise an incident to Level II: supervising leader on duty commands, SWAT-patrol group joins", async () => {
      const board = await connectBoard(base, chief);
      const incident = await create({ category: "mass_incident", lat: 31.028, lon: 106.427 });
      const heard = waitForEvent(board.socket, "tier:changed");
      expect((await post(`/api/incidents/${incident.id}/tier`, leader, { tier: "LEVEL_II" })).status).toBe(400); // a reason is required
      const res = await post(`/api/incidents/${incident.id}/tier`, leader, { tier: "LEVEL_II", reason: "聚集人数超过 200 人" });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ tier: "LEVEL_II", escalationRequested: null, activatedGroups: ["RAPID_REACTION", "SWAT_ASSAULT"] });
      const duty = await t.db.dutyShift.findMany({ where: { role: "SUPERVISING_LEADER" }, include: { officer: true } });
      expect(duty.map((d) => d.officer.id)).toContain(res.body.commandingOfficer?.id);
      // the notice names the person, not the sign-in name
      const { displayName } = await t.db.user.findUniqueOrThrow({ where: { username: "leader" } });
      expect(displayName).not.toBe("leader");
      expect(await heard).toMatchObject({ incidentId: incident.id, from: "ROUTINE", to: "LEVEL_II", by: displayName });

      const event = (await get<IncidentDetail>(`/api/incidents/${incident.id}`, leader)).body.timeline.find(
        (e) => e.type === "tier_changed",
      );
      expect(event).toMatchObject({
        reason: "聚集人数超过 200 人",
        before: { tier: "ROUTINE" },
        after: { tier: "LEVEL_II", commandingRole: "SUPERVISING_LEADER", activated: ["RAPID_REACTION", "SWAT_ASSAULT"] },
      });
      expect(event?.actor?.username).toBe("leader");

      const recs = (await get<Recommendations>(`/api/incidents/${incident.id}/recommendations`, operator)).body;
      expect(recs.commandingLeader?.role).toBe("SUPERVISING_LEADER");
      const groups = new Set(recs.recommendations.map((r) => r.reinforcementGroup));
      expect(groups.has("SWAT_ASSAULT")).toBe(true);
      expect(groups.has("RAPID_REACTION")).toBe(true);
      expect(groups.has("HQ_RESERVE")).toBe(false);
      expect((await post(`/api/incidents/${incident.id}/tier`, leader, { tier: "LEVEL_II", reason: "again" })).status).toBe(409);
      board.socket.close();
    });

    it("sets the county posture (leaders only) and reports the grids under its minimum", async () => {
      expect(
        (
          await t.app.inject({
            method: "PUT",
            url: "/api/posture",
            headers: { cookie: operator },
            payload: { level: "LEVEL_I", reason: "x" },
          })
        ).statusCode,
      ).toBe(403);
      const res = await t.app.inject({
        method: "PUT",
        url: "/api/posture",
        headers: { cookie: leader },
        payload: { level: "LEVEL_I", reason: "重大活动安保" },
      });
      expect(res.statusCode).toBe(200);
      const posture = res.json();
      expect(posture).toMatchObject({ level: "LEVEL_I", minimumUnitsPerUrbanGrid: 4 });
      expect(posture.grids).toHaveLength(18);
      expect(posture.grids.filter((g: { underMinimum: boolean }) => g.underMinimum).length).toBeGreaterThan(0);
      for (const g of posture.grids) expect(g.underMinimum).toBe(g.patrolling < 4);
      expect((await get<{ level: string }>("/api/posture", chief)).body.level).toBe("LEVEL_I");
      await t.app.inject({
        method: "PUT",
        url: "/api/posture",
        headers: { cookie: leader },
        payload: { level: "ROUTINE", reason: "活动结束" },
      });
    });
  });

  describe("the duty roster", () => {
    it("is edited by administrators only, with existing officers", async () => {
      const officer = await t.db.officer.findFirstOrThrow({ where: { stationId: "st-zhzx" } });
      const body = { date: "2026-12-25", entries: [{ shift: "DAY", role: "DUTY_LEADER", officerId: officer.id }] };
      expect((await t.app.inject({ method: "PUT", url: "/api/duty", headers: { cookie: operator }, payload: body })).statusCode).toBe(403);
      const res = await t.app.inject({ method: "PUT", url: "/api/duty", headers: { cookie: admin }, payload: body });
      expect(res.statusCode).toBe(200);
      expect(res.json().entries).toHaveLength(1);
      const bad = await t.app.inject({
        method: "PUT",
        url: "/api/duty",
        headers: { cookie: admin },
        payload: { ...body, entries: [{ shift: "DAY", role: "COMMANDER", officerId: "of-nope" }] },
      });
      expect(bad.statusCode).toBe(400);
      expect((await get<{ entries: unknown[] }>("/api/duty?date=2026-12-25", operator)).body.entries).toHaveLength(1);
    });
  });

  describe("live statistics", () => {
    it("counts open incidents and today's call-to-dispatch times", async () => {
      const res = await get<{
        openIncidents: { total: number; byStatus: Record<string, number> };
        units: { available: number };
        today: { dispatched: number; medianCallToDispatchS: number | null };
      }>("/api/stats/live", operator);
      expect(res.status).toBe(200);
      expect(res.body.openIncidents.total).toBe(
        await t.db.incident.count({ where: { status: { in: ["NEW", "DISPATCHED", "ON_SCENE"] } } }),
      );
      expect(res.body.units.available).toBe(await t.db.unit.count({ where: { status: "AVAILABLE" } }));
      expect(res.body.today.dispatched).toBeGreaterThan(0);
      expect(res.body.today.medianCallToDispatchS).not.toBeNull();
    });
  });
});

describe("posture coverage", () => {
  it("tells the boards when a grid falls under the posture's minimum as units move", async () => {
    const t = await buildTestApp({ env: { COVERAGE_CHECK_MS: "500" } });
    try {
      const base = await t.app.listen({ host: "127.0.0.1", port: 0 });
      const leader = await login(t.app, "leader");
      await t.app.inject({
        method: "PUT",
        url: "/api/posture",
        headers: { cookie: leader },
        payload: { level: "ROUTINE", reason: "baseline" },
      });
      const { socket } = await connectBoard(base, await login(t.app, "chief"));
      // every unit in grid gr-05 leaves it: that grid is now under the routine minimum of one
      const grid = await t.db.grid.findUniqueOrThrow({ where: { id: "gr-05" } });
      const before = (await (await t.app.inject({ method: "GET", url: "/api/posture", headers: { cookie: leader } })).json()).grids.find(
        (g: { gridId: string }) => g.gridId === "gr-05",
      );
      expect(before.underMinimum).toBe(false);
      const heard = waitForEvent(socket, "posture:changed", 5000);
      const inside = (await t.db.unit.findMany({ where: { status: "AVAILABLE" } })).filter(
        (u) => Math.abs((u.lastLat ?? 0) - grid.centerLat) < 0.006 && Math.abs((u.lastLon ?? 0) - grid.centerLon) < 0.006,
      );
      await t.db.unit.updateMany({ where: { id: { in: inside.map((u) => u.id) } }, data: { lastLat: 31.2, lastLon: 106.6 } });
      const event = await heard;
      expect(event.grids.find((g) => g.gridId === "gr-05")?.underMinimum).toBe(true);
      socket.close();
    } finally {
      await t.close();
    }
  });
});
