// The operator's desk at the API: the call-taking clock (callStartedAt), non-police calls (a reason to
// send police), and refusals that name themselves with a code and translatable field issues.
import type { ErrorBody, Incident, IncidentDetail, LiveStats } from "@onemap/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, login, type TestContext } from "./helpers";

const POINT = { lat: 31.03, lon: 106.425 };

describe("the operator's desk", () => {
  let t: TestContext;
  let operator: string;
  let chief: string;

  const post = async <T = Incident>(url: string, cookie: string, payload: unknown) => {
    const res = await t.app.inject({ method: "POST", url, headers: { cookie }, payload: payload as object });
    return { status: res.statusCode, body: res.json() as T & ErrorBody };
  };
  const availableUnit = async () => {
    const unit = await t.db.unit.findFirstOrThrow({ where: { homeStationId: "st-dc", status: "AVAILABLE" }, orderBy: { callsign: "asc" } });
    await t.db.unit.update({ where: { id: unit.id }, data: { lastLat: POINT.lat, lastLon: POINT.lon, lastFixAt: new Date() } });
    return unit;
  };

  beforeAll(async () => {
    t = await buildTestApp();
    [operator, chief] = await Promise.all([login(t.app, "operator"), login(t.app, "chief")]);
  });
  afterAll(async () => {
    await t.close();
  });

  describe("the call-to-dispatch clock starts when the call was taken", () => {
    it("keeps callStartedAt, and times call-to-dispatch from it", async () => {
      const started = new Date(Date.now() - 40_000).toISOString();
      const created = await post("/api/incidents", operator, { category: "theft", ...POINT, callStartedAt: started });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(Date.parse(created.body.callStartedAt)).toBe(Date.parse(started));
      const unit = await availableUnit();
      const sent = await post<{ incident: Incident }>(`/api/incidents/${created.body.id}/dispatch`, operator, { unitIds: [unit.id] });
      expect(sent.status).toBe(200);
      expect(sent.body.incident.callToDispatchS).toBeGreaterThanOrEqual(40);
      expect(sent.body.incident.callToDispatchS).toBeLessThan(60);
    });

    it("defaults to now when the board does not say", async () => {
      const before = Date.now();
      const created = await post("/api/incidents", operator, { category: "theft", ...POINT });
      expect(Date.parse(created.body.callStartedAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(created.body.callStartedAt).toBe(created.body.reportedAt);
    });

    it("refuses a call start in the future or over an hour ago, naming the field; nothing is created", async () => {
      const count = await t.db.incident.count();
      for (const [at, key] of [
        [new Date(Date.now() + 10 * 60_000), "field:call_in_future"],
        [new Date(Date.now() - 2 * 3_600_000), "field:call_too_old"],
      ] as const) {
        const res = await post("/api/incidents", operator, { category: "theft", ...POINT, callStartedAt: at.toISOString() });
        expect(res.status).toBe(400);
        expect(res.body.code).toBe("invalid_input");
        expect(res.body.issues).toEqual([expect.objectContaining({ path: "body.callStartedAt", code: key })]);
      }
      expect(await t.db.incident.count()).toBe(count);
    });

    it("takes a board clock a few seconds ahead as now", async () => {
      const res = await post("/api/incidents", operator, {
        category: "theft",
        ...POINT,
        callStartedAt: new Date(Date.now() + 5000).toISOString(),
      });
      expect(res.status).toBe(201);
      expect(Date.parse(res.body.callStartedAt)).toBeLessThanOrEqual(Date.parse(res.body.reportedAt));
    });

    it("reports today's median and 90th percentile from the call start", async () => {
      // every earlier call moves to three days ago: today holds just the ten below
      const earlier = new Date(Date.now() - 3 * 86_400_000);
      await t.db.incident.updateMany({ data: { reportedAt: earlier, callStartedAt: earlier } });
      const base = Date.now() - 30 * 60_000;
      // ten calls dispatched 10, 20, … 100 s after the call started
      const ids: string[] = [];
      for (let i = 0; i < 10; i++) ids.push((await post("/api/incidents", operator, { category: "noise", ...POINT })).body.id);
      for (const [i, id] of ids.entries())
        await t.db.incident.update({
          where: { id },
          data: {
            reportedAt: new Date(base),
            callStartedAt: new Date(base - 60_000),
            dispatchedAt: new Date(base - 60_000 + (i + 1) * 10_000),
          },
        });
      const res = await t.app.inject({ method: "GET", url: "/api/stats/live", headers: { cookie: operator } });
      const stats = res.json() as LiveStats;
      expect(stats.today.medianCallToDispatchS).toBe(55);
      expect(stats.today.p90CallToDispatchS).toBe(91);
    });
  });

  describe("non-police calls", () => {
    it("refuses to send police to a non-police call without a reason; with one, it is on the timeline", async () => {
      const incident = (await post("/api/incidents", operator, { category: "utility_fault", ...POINT })).body;
      const unit = await availableUnit();
      const refused = await post(`/api/incidents/${incident.id}/dispatch`, operator, { unitIds: [unit.id] });
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe("dispatch_reason_required");
      expect(refused.body.issues).toEqual([expect.objectContaining({ path: "body.reason", code: "field:reason_required" })]);
      expect((await t.db.unit.findUniqueOrThrow({ where: { id: unit.id } })).status).toBe("AVAILABLE");

      const sent = await post(`/api/incidents/${incident.id}/dispatch`, operator, { unitIds: [unit.id], reason: "燃气泄漏，需要警戒疏散" });
      expect(sent.status).toBe(200);
      const detail = (
        await t.app.inject({ method: "GET", url: `/api/incidents/${incident.id}`, headers: { cookie: operator } })
      ).json() as IncidentDetail;
      expect(detail.timeline.find((e) => e.type === "dispatched")?.reason).toBe("燃气泄漏，需要警戒疏散");
    });

    it("sends police to a police call without a reason", async () => {
      const incident = (await post("/api/incidents", operator, { category: "fight", ...POINT })).body;
      const unit = await availableUnit();
      expect((await post(`/api/incidents/${incident.id}/dispatch`, operator, { unitIds: [unit.id] })).status).toBe(200);
    });
  });

  describe("refusals name themselves", () => {
    it("a role refusal says which roles may", async () => {
      const res = await t.app.inject({
        method: "PUT",
        url: "/api/posture",
        headers: { cookie: operator },
        payload: { level: "LEVEL_II", reason: "x" },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: "role_required", params: { roles: "DUTY_LEADER" } });
    });

    it("a field of a shared schema carries its message key; zod's own issues carry their code and facts", async () => {
      const res = await post("/api/incidents", operator, { category: "theft", ...POINT, callerPhone: "call me", address: "x".repeat(201) });
      expect(res.status).toBe(400);
      expect(res.body.issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: "body.callerPhone", code: "field:phone" }),
          expect.objectContaining({
            path: "body.address",
            code: "too_big",
            params: expect.objectContaining({ maximum: 200, origin: "string" }),
          }),
        ]),
      );
    });

    it("a field left out is 'required', whatever check it then fails", async () => {
      const res = await post("/api/incidents", operator, { lat: 31.03, lon: 106.4 });
      expect(res.status).toBe(400);
      expect(res.body.issues).toEqual([expect.objectContaining({ path: "body.category", code: "field:required" })]);
    });

    it("a station chief's call outside the station's area is refused with its code", async () => {
      const res = await post("/api/incidents", chief, { category: "theft", lat: 31.03, lon: 106.395 });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe("outside_station_area");
    });
  });
});
