// Administrators add, change and remove stations, officers, grids, units and cameras (issue 12): 201 / 200 /
// 204 or { retired: true }, 409 on a taken key or a resource still held, 400 naming the fields, every
// change audited and heard at once by the boards of its station (and the county's), no others.
import { findGrid } from "@onemap/domain";
import type {
  AdministeredGrid,
  Board,
  Camera,
  ErrorBody,
  GeoJsonPolygon,
  Officer,
  ReinforcementGroup,
  Station,
  Unit,
} from "@onemap/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, deviceOf, login, type TestContext } from "./helpers";
import { connectBoard, sleep, waitForEvent } from "./realtime-helpers";

describe("administration of the county's resources", () => {
  let t: TestContext;
  let base: string;
  let admin: string;
  let operator: string;
  let chief: string;

  const call = async <T = ErrorBody>(
    method: "POST" | "PATCH" | "PUT" | "DELETE" | "GET",
    url: string,
    payload?: object,
    cookie = admin,
  ) => {
    const res = await t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: (res.body ? res.json() : null) as T & ErrorBody };
  };
  const audited = (action: string, targetId: string) => t.db.auditEvent.count({ where: { action, targetId } });
  const unitBody = (over: Record<string, unknown> = {}) => ({
    callsign: `测试${Math.random().toString(36).slice(2, 7)}`,
    kind: "CAR",
    homeStationId: "st-bc",
    ...over,
  });

  beforeAll(async () => {
    t = await buildTestApp();
    base = await t.app.listen({ host: "127.0.0.1", port: 0 });
    [admin, operator, chief] = await Promise.all([login(t.app, "admin"), login(t.app, "operator"), login(t.app, "chief")]);
  });
  afterAll(async () => {
    await t.close();
  });

  it("an operator, a duty leader or a station chief gets 403 and writes nothing", async () => {
    const [units, entries] = [await t.db.unit.count(), await t.db.auditEvent.count({ where: { action: { startsWith: "unit." } } })];
    for (const user of ["operator", "leader", "chief"]) {
      const cookie = await login(t.app, user);
      expect((await call("POST", "/api/units", unitBody({ homeStationId: "st-dc" }), cookie)).status).toBe(403);
      expect((await call("DELETE", "/api/units/un-dc-car-1", undefined, cookie)).status).toBe(403);
    }
    expect(await t.db.unit.count()).toBe(units);
    expect(await t.db.auditEvent.count({ where: { action: { startsWith: "unit." } } })).toBe(entries);
  });

  describe("units", () => {
    it("a new unit: 201, audited, in the lists and the board; the county's and its station's boards hear it, another station's do not", async () => {
      const county = await connectBoard(base, operator);
      const dcChief = await connectBoard(base, chief);
      const chiefHeard: unknown[] = [];
      dcChief.socket.on("county:changed", (e) => void chiefHeard.push(e));
      const heard = waitForEvent(county.socket, "county:changed", 3000);
      const leader = await t.db.officer.findFirstOrThrow({ where: { stationId: "st-bc", ledUnits: { none: {} } } });
      const res = await call<Unit>("POST", "/api/units", unitBody({ leaderId: leader.id, reinforcementGroup: null }));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({ kind: "CAR", status: "AVAILABLE", homeStationId: "st-bc", leader: { id: leader.id }, version: 0 });
      await heard;
      expect((await call<Board>("GET", "/api/board", undefined, operator)).body.units.map((u) => u.id)).toContain(res.body.id);
      expect((await call<Unit[]>("GET", "/api/units", undefined, operator)).body.map((u) => u.id)).toContain(res.body.id);
      expect(await audited("unit.created", res.body.id)).toBe(1);
      await sleep(200);
      expect(chiefHeard).toEqual([]); // 北城's unit: 东城's chief reloads nothing

      const own = waitForEvent(dcChief.socket, "county:changed", 3000);
      const mine = await call<Unit>("POST", "/api/units", unitBody({ homeStationId: "st-dc" }));
      expect(mine.status).toBe(201);
      await own;
      county.socket.close();
      dcChief.socket.close();
    });

    it("a taken callsign is 409 callsign_taken, a retired unit's included; bad input is 400 naming the fields; neither writes", async () => {
      const existing = await t.db.unit.findFirstOrThrow({ where: { homeStationId: "st-dc" } });
      const units = await t.db.unit.count();
      const dup = await call("POST", "/api/units", unitBody({ callsign: existing.callsign }));
      expect(dup.status).toBe(409);
      expect(dup.body).toMatchObject({ code: "callsign_taken", params: { callsign: existing.callsign } });
      const bad = await call("POST", "/api/units", { callsign: "", kind: "TANK", homeStationId: "st-nowhere" });
      expect(bad.status).toBe(400);
      expect(bad.body.issues?.map((i) => i.path).sort()).toEqual(["body.callsign", "body.kind"]);
      const nowhere = await call("POST", "/api/units", unitBody({ homeStationId: "st-nowhere", gridId: "gr-nowhere" }));
      expect(nowhere.status).toBe(400);
      expect(nowhere.body.issues?.map((i) => i.path)).toEqual(["body.homeStationId", "body.gridId"]);
      expect(await t.db.unit.count()).toBe(units);
    });

    it("a change needs the version read: stale is 409 changed_meanwhile; a current one is 200, audited, version + 1", async () => {
      const unit = (await call<Unit>("POST", "/api/units", unitBody())).body;
      const stale = await call("PATCH", `/api/units/${unit.id}`, { kind: "MOTORCYCLE", version: unit.version + 5 });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe("changed_meanwhile");
      const grid = await t.db.grid.findFirstOrThrow({ where: { stationId: "st-dc" } });
      const ok = await call<Unit>("PATCH", `/api/units/${unit.id}`, { homeStationId: "st-dc", gridId: grid.id, version: unit.version });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ homeStationId: "st-dc", gridId: grid.id, kind: "CAR", version: unit.version + 1 });
      expect(await audited("unit.changed", unit.id)).toBe(1);
      expect((await call("PATCH", `/api/units/${unit.id}`, { version: 1 })).status).toBe(400); // nothing to change
    });

    it("removing: a unit nothing points to is erased (204); one with history is retired (200) and its device stops; one on an open incident is 409", async () => {
      const fresh = (await call<Unit>("POST", "/api/units", unitBody())).body;
      const erased = await call("DELETE", `/api/units/${fresh.id}`);
      expect(erased.status).toBe(204);
      expect(await t.db.unit.findUnique({ where: { id: fresh.id } })).toBeNull();
      expect(await audited("unit.deleted", fresh.id)).toBe(1);
      expect((await call("DELETE", `/api/units/${fresh.id}`)).status).toBe(404);

      const withDevice = await t.db.unit.findFirstOrThrow({ where: { homeStationId: "st-bc", kind: "CAR", devices: { some: {} } } });
      const device = await deviceOf(t.db, withDevice.id);
      const retired = await call<{ retired: boolean; retiredAt: string }>("DELETE", `/api/units/${withDevice.id}`);
      expect(retired.status).toBe(200);
      expect(retired.body).toMatchObject({ retired: true, retiredAt: expect.stringMatching(/^\d{4}-/) });
      expect(await audited("unit.retired", withDevice.id)).toBe(1);
      expect((await call<Unit[]>("GET", "/api/units", undefined, operator)).body.map((u) => u.id)).not.toContain(withDevice.id);
      expect((await call<Unit>("GET", `/api/units/${withDevice.id}`, undefined, operator)).body.retiredAt).toBe(retired.body.retiredAt);
      await sleep(300); // the registry's reload on the database's notice
      const report = await t.app.inject({
        method: "POST",
        url: `/ingest/osmand?${device.query}&timestamp=${Math.floor(Date.now() / 1000)}&lat=31.03&lon=106.4`,
      });
      expect(report.statusCode).toBeGreaterThanOrEqual(400);
      expect(report.statusCode).toBeLessThan(500);
      const again = await call("PATCH", `/api/units/${withDevice.id}`, { kind: "FOOT", version: 99 });
      expect(again).toMatchObject({ status: 409, body: { code: "retired" } });

      const busy = await t.db.unit.findFirstOrThrow({ where: { homeStationId: "st-dc", kind: "CAR", retiredAt: null } });
      await t.db.unit.update({
        where: { id: busy.id },
        data: { status: "AVAILABLE", lastLat: 31.03, lastLon: 106.425, lastFixAt: new Date() },
      });
      const incident = (
        await call<{ id: string; number: string }>("POST", "/api/incidents", { category: "theft", lat: 31.03, lon: 106.425 }, operator)
      ).body;
      expect((await call("POST", `/api/incidents/${incident.id}/dispatch`, { unitIds: [busy.id] }, operator)).status).toBe(200);
      const held = await call("DELETE", `/api/units/${busy.id}`);
      expect(held.status).toBe(409);
      expect(held.body).toMatchObject({ code: "unit_on_incident", params: { callsign: busy.callsign, incident: incident.number } });
      expect((await t.db.unit.findUniqueOrThrow({ where: { id: busy.id } })).retiredAt).toBeNull();
    });
  });

  describe("grids", () => {
    /** an axis-aligned box, degrees: the town's grids lie within 31.018–31.042 N, 106.39–106.432 E */
    const box = (w: number, s: number, e: number, n: number): GeoJsonPolygon => ({
      type: "Polygon",
      coordinates: [
        [
          [w, s],
          [e, s],
          [e, n],
          [w, n],
          [w, s],
        ],
      ],
    });
    const gridBody = (over: Record<string, unknown> = {}) => ({
      code: `G-T-${Math.random().toString(36).slice(2, 7)}`,
      name: "测试网格",
      stationId: "st-dc",
      polygon: box(106.44, 31.02, 106.45, 31.03),
      ...over,
    });
    const fileCall = async (lat: number, lon: number) =>
      (await call<{ gridId: string | null }>("POST", "/api/incidents", { category: "theft", lat, lon }, operator)).body.gridId;

    it("a new grid takes the next call placed in it at once; moved (PATCH), it takes the call at its new place and not the old; boards hear it", async () => {
      expect(await fileCall(31.025, 106.445)).toBeNull(); // east of town: in no grid yet
      const county = await connectBoard(base, operator);
      const dcChief = await connectBoard(base, chief);
      const heard = Promise.all([
        waitForEvent(county.socket, "county:changed", 3000),
        waitForEvent(dcChief.socket, "county:changed", 3000),
      ]);
      const created = await call<AdministeredGrid>("POST", "/api/grids", gridBody());
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body).toMatchObject({ stationId: "st-dc", owner: null, warnings: [], center: { lat: 31.025, lon: 106.445 } });
      await heard;
      expect(await audited("grid.created", created.body.id)).toBe(1);
      expect(await fileCall(31.025, 106.445)).toBe(created.body.id);

      const moved = await call<AdministeredGrid>("PATCH", `/api/grids/${created.body.id}`, { polygon: box(106.46, 31.02, 106.47, 31.03) });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      expect(moved.body.center).toEqual({ lat: 31.025, lon: 106.465 });
      expect(await audited("grid.changed", created.body.id)).toBe(1);
      expect(await fileCall(31.025, 106.465)).toBe(created.body.id);
      expect(await fileCall(31.025, 106.445)).toBeNull();
      county.socket.close();
      dcChief.socket.close();

      // calls point to it now: removing retires it, and the next call there is filed under no grid
      const retired = await call("DELETE", `/api/grids/${created.body.id}`);
      expect(retired).toMatchObject({ status: 200, body: { retired: true } });
      expect(await audited("grid.retired", created.body.id)).toBe(1);
      expect(await fileCall(31.025, 106.465)).toBeNull();
      expect((await call("PATCH", `/api/grids/${created.body.id}`, { name: "x" })).body.code).toBe("retired");
    });

    it("overlaps are warnings with the shared area, never refusals; neighbours that only touch are not", async () => {
      const grids = (await t.db.grid.findMany({ where: { retiredAt: null } })).map((g) => ({
        ...g,
        polygon: g.polygon as unknown as GeoJsonPolygon,
      }));
      const under = findGrid({ lat: 31.03, lon: 106.428 }, grids);
      const over = await call<AdministeredGrid>("POST", "/api/grids", gridBody({ polygon: box(106.425, 31.028, 106.445, 31.032) }));
      expect(over.status, JSON.stringify(over.body)).toBe(201);
      // the gaps between the county's grids are warnings too (grids-admin.test.ts): only the overlaps here
      const overlaps = (warnings: AdministeredGrid["warnings"]) => warnings.flatMap((w) => (w.kind === "overlap" ? [w] : []));
      expect(overlaps(over.body.warnings).length).toBeGreaterThan(0);
      expect(overlaps(over.body.warnings)).toContainEqual(
        expect.objectContaining({ kind: "overlap", gridId: under?.id, code: under?.code, name: under?.name, areaM2: expect.any(Number) }),
      );
      for (const w of over.body.warnings) expect(w.areaM2).toBeGreaterThan(0);
      // the overlapped part is at most 0.007° × 0.004° (≈ 665 m × 445 m)
      expect(overlaps(over.body.warnings).reduce((sum, w) => sum + w.areaM2, 0)).toBeLessThan(300_000);
      const beside = await call<AdministeredGrid>("POST", "/api/grids", gridBody({ polygon: box(106.44, 31.028, 106.455, 31.032) }));
      expect(overlaps(beside.body.warnings).map((w) => w.gridId)).toEqual([over.body.id]); // shares an area with `over` only
      // moved east to `over`'s edge: they share a border, no area
      const touching = await call<AdministeredGrid>("PATCH", `/api/grids/${beside.body.id}`, {
        polygon: box(106.445, 31.028, 106.455, 31.032),
      });
      expect(overlaps(touching.body.warnings)).toEqual([]);
      for (const id of [over.body.id, beside.body.id]) expect((await call("DELETE", `/api/grids/${id}`)).status).toBe(204);
      expect(await audited("grid.deleted", over.body.id)).toBe(1);
    });

    it("a taken code is 409 code_taken; a bad station, owner or boundary is 400 naming the field; an owner of another grid is 409; a grid with units is 409 grid_in_use", async () => {
      const existing = await t.db.grid.findFirstOrThrow({ where: { ownerOfficerId: { not: null } } });
      const grids = await t.db.grid.count();
      expect((await call("POST", "/api/grids", gridBody({ code: existing.code }))).body).toMatchObject({
        code: "code_taken",
        params: { code: existing.code },
      });
      const hq = await t.db.station.findFirstOrThrow({ where: { kind: "HQ_UNIT" } });
      const bcOfficer = await t.db.officer.findFirstOrThrow({ where: { stationId: "st-bc", retiredAt: null } });
      const bad = await call("POST", "/api/grids", gridBody({ stationId: hq.id, ownerOfficerId: bcOfficer.id }));
      expect(bad.status).toBe(400);
      expect(bad.body.issues?.map((i) => i.path)).toEqual(["body.stationId", "body.ownerOfficerId"]);
      const bowTie = {
        type: "Polygon",
        coordinates: [
          [
            [106.44, 31.02],
            [106.45, 31.03],
            [106.45, 31.02],
            [106.44, 31.03],
            [106.44, 31.02],
          ],
        ],
      };
      const crossed = await call("POST", "/api/grids", gridBody({ polygon: bowTie }));
      expect(crossed.body.issues?.map((i) => i.path)).toEqual(["body.polygon"]);
      const open = box(106.44, 31.02, 106.45, 31.03).coordinates[0]?.slice(0, 4);
      expect((await call("POST", "/api/grids", gridBody({ polygon: { type: "Polygon", coordinates: [open] } }))).status).toBe(400);
      const owner = await t.db.officer.findUniqueOrThrow({ where: { id: existing.ownerOfficerId as string } });
      expect((await call("POST", "/api/grids", gridBody({ stationId: owner.stationId, ownerOfficerId: owner.id }))).body).toMatchObject({
        code: "grid_owner_taken",
        params: { name: owner.name, grid: existing.code },
      });
      expect(await t.db.grid.count()).toBe(grids);

      const free = await t.db.officer.findFirstOrThrow({ where: { stationId: "st-dc", retiredAt: null, ownedGrid: null } });
      const owned = await call<AdministeredGrid>("POST", "/api/grids", gridBody({ ownerOfficerId: free.id }));
      expect(owned.body.owner?.id).toBe(free.id);
      expect((await call("PATCH", `/api/grids/${owned.body.id}`, { stationId: "st-bc" })).body.issues?.map((i) => i.path)).toEqual([
        "body.ownerOfficerId",
      ]);
      expect((await call("DELETE", `/api/grids/${owned.body.id}`)).status).toBe(204);

      const unit = await t.db.unit.findFirstOrThrow({ where: { gridId: { not: null }, retiredAt: null }, orderBy: { callsign: "asc" } });
      const held = await call("DELETE", `/api/grids/${unit.gridId}`);
      expect(held).toMatchObject({ status: 409, body: { code: "grid_in_use", params: { holders: expect.stringContaining("units (") } } });
      expect((await t.db.grid.findUniqueOrThrow({ where: { id: unit.gridId as string } })).retiredAt).toBeNull();
      expect((await call("DELETE", "/api/grids/gr-none")).status).toBe(404);
    });
  });

  describe("stations, officers, cameras", () => {
    it("a station: 201; a taken code 409; 409 station_in_use naming what it still has; an empty new one is erased", async () => {
      const body = {
        code: "T-01",
        name: "测试派出所",
        kind: "POLICE_STATION",
        urban: false,
        lat: 31.1,
        lon: 106.5,
        address: null,
        phone: null,
      };
      const created = await call<Station>("POST", "/api/stations", body);
      expect(created.status).toBe(201);
      expect((await call("POST", "/api/stations", { ...body, name: "另一个" })).body).toMatchObject({
        code: "code_taken",
        params: { code: "T-01" },
      });
      const renamed = await call<Station>("PATCH", `/api/stations/${created.body.id}`, { name: "测试所" });
      expect(renamed.body.name).toBe("测试所");
      const held = await call("DELETE", "/api/stations/st-dc");
      expect(held.status).toBe(409);
      expect(held.body.code).toBe("station_in_use");
      expect(held.body.params?.holders).toMatch(/units \(/);
      expect((await call("DELETE", `/api/stations/${created.body.id}`)).status).toBe(204);
      expect(await audited("station.deleted", created.body.id)).toBe(1);
    });

    it("an officer: 201; a taken badge number 409; 409 officer_in_use while leading a unit; history → retired, crews left", async () => {
      const body = {
        badgeNo: "T900001",
        name: "测试警员",
        birthYear: 1990,
        post: "STATION",
        auxiliary: false,
        title: null,
        phone: null,
        stationId: "st-dc",
      };
      const created = await call<Officer>("POST", "/api/officers", body);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect((await call("POST", "/api/officers", body)).body).toMatchObject({ code: "badge_no_taken", params: { badgeNo: "T900001" } });
      const leader = await t.db.unit.findFirstOrThrow({ where: { leaderId: { not: null }, retiredAt: null }, include: { leader: true } });
      const held = await call("DELETE", `/api/officers/${leader.leaderId}`);
      expect(held).toMatchObject({ status: 409, body: { code: "officer_in_use", params: { holder: leader.callsign } } });
      const crewOnly = await t.db.officer.findFirstOrThrow({
        where: { memberships: { some: {} }, ledUnits: { none: {} }, ownedGrid: null, user: null },
      });
      const retired = await call("DELETE", `/api/officers/${crewOnly.id}`);
      expect(retired.status).toBe(200);
      expect(await t.db.unitMember.count({ where: { officerId: crewOnly.id } })).toBe(0);
      expect((await call("DELETE", `/api/officers/${created.body.id}`)).status).toBe(204);
    });

    it("a camera: 201 and on the board; a taken code 409; one whose status was changed is retired, a fresh one erased", async () => {
      const body = { code: "CAM-T-1", name: "测试点位", kind: "SKYNET", lat: 31.03, lon: 106.42, stationId: "st-dc" };
      const created = await call<Camera>("POST", "/api/cameras", body);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect((await call<Board>("GET", "/api/board", undefined, operator)).body.cameras.map((c) => c.id)).toContain(created.body.id);
      expect((await call("POST", "/api/cameras", body)).body).toMatchObject({ code: "code_taken" });
      expect((await call("PATCH", `/api/cameras/${created.body.id}`, { gridId: "gr-nowhere" })).status).toBe(400);
      expect((await call("PUT", `/api/cameras/${created.body.id}/status`, { status: "OFFLINE" })).status).toBeLessThan(300);
      expect((await call("DELETE", `/api/cameras/${created.body.id}`)).body).toMatchObject({ retired: true });
      expect((await call<Board>("GET", "/api/board", undefined, operator)).body.cameras.map((c) => c.id)).not.toContain(created.body.id);
      const fresh = await call<Camera>("POST", "/api/cameras", { ...body, code: "CAM-T-2" });
      expect((await call("DELETE", `/api/cameras/${fresh.body.id}`)).status).toBe(204);
    });

    it("reinforcement groups: listed with their units; one per kind (409); renamed; 409 group_in_use while units are in it; erased when empty", async () => {
      const groups = (await call<ReinforcementGroup[]>("GET", "/api/reinforcement-groups")).body;
      const rapid = groups.find((g) => g.kind === "RAPID_REACTION") as ReinforcementGroup;
      expect(rapid.unitCount).toBe(await t.db.unit.count({ where: { reinforcementGroupId: rapid.id, retiredAt: null } }));
      const dup = await call("POST", "/api/reinforcement-groups", { kind: "RAPID_REACTION", name: "又一个", activatesAtTier: "LEVEL_II" });
      expect(dup).toMatchObject({ status: 409, body: { code: "group_kind_taken", params: { kind: "RAPID_REACTION" } } });
      const renamed = await call<ReinforcementGroup>("PATCH", `/api/reinforcement-groups/${rapid.id}`, { name: "快反力量" });
      expect(renamed.body).toMatchObject({ name: "快反力量", kind: "RAPID_REACTION" });
      expect(await audited("reinforcement.changed", rapid.id)).toBe(1);
      const member = await t.db.unit.findFirstOrThrow({ where: { retiredAt: null }, orderBy: { callsign: "asc" } });
      await t.db.unit.update({ where: { id: member.id }, data: { reinforcementGroupId: rapid.id } });
      const held = await call("DELETE", `/api/reinforcement-groups/${rapid.id}`);
      expect(held).toMatchObject({
        status: 409,
        body: { code: "group_in_use", params: { units: expect.stringContaining(member.callsign) } },
      });
      const reserve = groups.find((g) => g.kind === "HQ_RESERVE") as ReinforcementGroup;
      await t.db.unit.updateMany({ where: { reinforcementGroupId: reserve.id }, data: { reinforcementGroupId: null } });
      expect((await call("DELETE", `/api/reinforcement-groups/${reserve.id}`)).status).toBe(204);
      const back = await call<ReinforcementGroup>("POST", "/api/reinforcement-groups", {
        kind: "HQ_RESERVE",
        name: "机关备勤",
        activatesAtTier: "LEVEL_I",
      });
      expect(back).toMatchObject({ status: 201, body: { kind: "HQ_RESERVE", unitCount: 0 } });
      expect((await call("PATCH", `/api/reinforcement-groups/${back.body.id}`, { kind: "SWAT_ASSAULT" })).status).toBe(400);
    });
  });
});
