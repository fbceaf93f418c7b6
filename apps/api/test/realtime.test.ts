// Real socket.io-client boards against the listening app.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, deviceOf, login, type TestContext } from "./helpers";
import { connectBoard, recordFrames, sleep, waitForEvent } from "./realtime-helpers";

describe("the /board namespace", () => {
  let t: TestContext;
  let base: string;
  let devices: Map<string, string>;
  const fix = (unitId: string, lat: number, lon: number, at = Date.now()) =>
    t.app.inject({
      method: "POST",
      url: `/ingest/osmand?${devices.get(unitId)}&timestamp=${at}&lat=${lat}&lon=${lon}&speed=20&bearing=45`,
    });

  beforeAll(async () => {
    t = await buildTestApp({ env: { POSITION_TICK_MS: "100" } });
    base = await t.app.listen({ host: "127.0.0.1", port: 0 });
    devices = new Map(
      await Promise.all((await t.db.unit.findMany()).map(async (u) => [u.id, (await deviceOf(t.db, u.id)).query] as const)),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it("refuses a connection without a valid session", async () => {
    await expect(connectBoard(base, null)).rejects.toThrow(/unauthorized/);
    await expect(connectBoard(base, "onemap_session=forged")).rejects.toThrow(/unauthorized/);
  });

  it("delivers a Traccar Client fix to an operator's board as a coalesced frame within a second", async () => {
    const { socket, hello } = await connectBoard(base, await login(t.app, "operator"));
    expect(hello).toMatchObject({ recovered: false, scope: { county: true, stationId: null }, tickMs: 100 });
    const rec = recordFrames(socket);
    const sent = Date.now();
    expect((await fix("un-bc-car-1", 31.035, 106.395)).statusCode).toBe(200);
    const { row, receivedAt } = await rec.waitFor("un-bc-car-1", 1000);
    expect(receivedAt - sent).toBeLessThan(1000);
    const [id, lat, lon, heading, speed, fixAt, arrivedAt] = row;
    expect([id, lat, lon, heading]).toEqual(["un-bc-car-1", 31.035, 106.395, 45]);
    expect(speed).toBeCloseTo(37, 0); // 20 knots
    expect(fixAt).toBeLessThanOrEqual(arrivedAt + 1);
    socket.close();
  });

  it("sends many fixes of one tick as one frame, each unit once with its newest fix", async () => {
    const { socket } = await connectBoard(base, await login(t.app, "leader"));
    const rec = recordFrames(socket);
    const at = Date.now();
    await Promise.all([
      fix("un-dc-car-3", 31.031, 106.421, at - 2000),
      fix("un-dc-car-3", 31.032, 106.422, at - 1000),
      fix("un-dc-car-4", 31.033, 106.423, at - 1000),
    ]);
    await rec.waitFor("un-dc-car-4");
    await sleep(250);
    const rows = rec.frames.flatMap(({ frame }) => frame.units).filter((u) => u[0] === "un-dc-car-3");
    expect(rows).toHaveLength(1);
    expect(rows[0]?.[1]).toBe(31.032);
    expect(rec.frames.length).toBeLessThanOrEqual(2);
    socket.close();
  });

  it("never shows a station chief another station's units, even when they ask", async () => {
    const { socket: chief, hello } = await connectBoard(base, await login(t.app, "chief"));
    expect(hello.scope).toEqual({ county: false, stationId: "st-dc" });
    const chiefFrames = recordFrames(chief);
    const refused = await chief.timeout(1000).emitWithAck("board:subscribe", { stationId: "st-bc" });
    expect(refused).toEqual({ ok: false, error: "not your station" });

    await Promise.all([fix("un-bc-car-2", 31.036, 106.396), fix("un-dc-car-5", 31.026, 106.424)]);
    await chiefFrames.waitFor("un-dc-car-5");
    await sleep(300);
    const seen = chiefFrames.unitIds();
    expect(seen.has("un-dc-car-5")).toBe(true);
    expect(seen.has("un-bc-car-2")).toBe(false);
    const dcUnits = new Set((await t.db.unit.findMany({ where: { homeStationId: "st-dc" } })).map((u) => u.id));
    for (const id of seen) expect(dcUnits.has(id)).toBe(true);
    chief.close();
  });

  it("sends a status change at once, to the boards that may see the unit", async () => {
    const operator = await connectBoard(base, await login(t.app, "operator"));
    const chief = await connectBoard(base, await login(t.app, "chief"));
    const chiefStatuses: unknown[] = [];
    chief.socket.on("unit:status", (e) => chiefStatuses.push(e));
    const unit = await t.db.unit.findUniqueOrThrow({ where: { id: "un-bc-car-1" } });
    const heard = waitForEvent(operator.socket, "unit:status", 1000);
    const res = await t.app.inject({
      method: "PUT",
      url: "/api/units/un-bc-car-1/status",
      headers: { cookie: await login(t.app, "operator") },
      payload: { status: "OUT_OF_SERVICE", version: unit.version },
    });
    expect(res.statusCode).toBe(200);
    expect(await heard).toMatchObject({
      unitId: "un-bc-car-1",
      status: "OUT_OF_SERVICE",
      previous: "AVAILABLE",
      version: unit.version + 1,
    });
    await sleep(200);
    expect(chiefStatuses).toEqual([]);
    // the same version again is a conflict, not a silent overwrite
    const stale = await t.app.inject({
      method: "PUT",
      url: "/api/units/un-bc-car-1/status",
      headers: { cookie: await login(t.app, "operator") },
      payload: { status: "AVAILABLE", version: unit.version },
    });
    expect(stale.statusCode).toBe(409);
    operator.socket.close();
    chief.socket.close();
  });

  it("tells the boards when a patrolling unit leaves its grid, and when it comes back, once each", async () => {
    const unit = await t.db.unit.findFirstOrThrow({
      where: { homeStationId: "st-dc", gridId: { not: null }, status: "AVAILABLE", kind: "CAR" },
      include: { grid: true },
    });
    const { socket } = await connectBoard(base, await login(t.app, "chief"));
    const events: { transition: string }[] = [];
    socket.on("unit:geofence", (e) => events.push(e));
    const centre = { lat: unit.grid?.centerLat ?? 0, lon: unit.grid?.centerLon ?? 0 };
    const t0 = Date.now() - 10_000;
    await fix(unit.id, centre.lat, centre.lon, t0);
    await fix(unit.id, 31.1, 106.5, t0 + 1000); // far outside the town
    await fix(unit.id, 31.1001, 106.5001, t0 + 2000); // still outside: no second event
    await fix(unit.id, centre.lat, centre.lon, t0 + 3000);
    await sleep(400);
    expect(events.map((e) => e.transition)).toEqual(["EXITED", "ENTERED"]);
    const rows = await t.db.geofenceEvent.findMany({ where: { unitId: unit.id }, orderBy: { at: "asc" } });
    expect(rows.map((r) => r.transition)).toEqual(["EXITED", "ENTERED"]);
    expect(rows[0]?.gridId).toBe(unit.gridId);
    socket.close();
  });

  it("closes a board's socket when its session signs out", async () => {
    const cookie = await login(t.app, "leader");
    const { socket } = await connectBoard(base, cookie);
    const closed = new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));
    await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie } });
    expect(await closed).toBe("io server disconnect");
  });
});

describe("connection-state recovery", () => {
  it("replays what a board missed during a short drop, and says so when the drop was too long", async () => {
    const t = await buildTestApp({ env: { POSITION_TICK_MS: "50", RECOVERY_WINDOW_S: "2" } });
    try {
      const base = await t.app.listen({ host: "127.0.0.1", port: 0 });
      const cookie = await login(t.app, "operator");
      const device = (await deviceOf(t.db, "un-jp-car-1")).query;
      const { io } = await import("socket.io-client");
      const socket = io(`${base}/board`, {
        transports: ["websocket"],
        extraHeaders: { cookie },
        reconnectionDelay: 100,
        reconnectionDelayMax: 200,
      });
      const hellos: { recovered: boolean }[] = [];
      socket.on("board:hello", (h) => hellos.push(h));
      const seen: string[] = [];
      socket.on("units:positions", (f: { units: [string, number][] }) => {
        for (const u of f.units) seen.push(`${u[0]}@${u[1]}`);
      });
      while (hellos.length < 1) await sleep(20);
      // a frame so that the server has an offset for this board
      await t.app.inject({ method: "POST", url: `/ingest/osmand?${device}&timestamp=${Date.now()}&lat=31.08&lon=106.45` });
      while (!seen.includes("un-jp-car-1@31.08")) await sleep(20);

      // a short drop: the fix sent meanwhile arrives after reconnection, and the board is told it recovered
      socket.io.engine.close();
      await t.app.inject({ method: "POST", url: `/ingest/osmand?${device}&timestamp=${Date.now()}&lat=31.081&lon=106.45` });
      while (hellos.length < 2) await sleep(20);
      expect(hellos[1]?.recovered).toBe(true);
      const until = Date.now() + 2000;
      while (!seen.includes("un-jp-car-1@31.081") && Date.now() < until) await sleep(20);
      expect(seen).toContain("un-jp-car-1@31.081");

      // a drop longer than the window: nothing replayed, and the board is told to reload the snapshot
      socket.io.reconnection(false);
      socket.io.engine.close();
      await sleep(2600);
      expect(hellos).toHaveLength(2);
      socket.io.reconnection(true);
      socket.connect();
      while (hellos.length < 3) await sleep(20);
      expect(hellos[2]?.recovered).toBe(false);
      socket.close();
    } finally {
      await t.close();
    }
  });
});
