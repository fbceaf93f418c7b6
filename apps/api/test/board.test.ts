import type { Board } from "@onemap/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, login, type TestContext } from "./helpers";

describe("GET /api/board", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await buildTestApp();
    await t.db.incident.createMany({
      data: [
        { id: "inc-dc", number: "T-1", category: "theft", priority: "P3", lat: 31.03, lon: 106.42, stationId: "st-dc", gridId: "gr-05" },
        { id: "inc-bc", number: "T-2", category: "fight", priority: "P2", lat: 31.03, lon: 106.395, stationId: "st-bc", gridId: "gr-01" },
        {
          id: "inc-closed",
          number: "T-3",
          category: "fight",
          priority: "P2",
          status: "CLOSED",
          lat: 31.03,
          lon: 106.395,
          stationId: "st-bc",
        },
      ],
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it("gives an operator the whole county in one snapshot", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/board", headers: { cookie: await login(t.app, "operator") } });
    expect(res.statusCode).toBe(200);
    const board = res.json<Board>();
    expect(board.stations).toHaveLength(12);
    expect(board.grids).toHaveLength(18);
    expect(board.cameras).toHaveLength(368);
    expect(board.units.length).toBe(await t.db.unit.count());
    expect(board.units.every((u) => u.lastFix !== null)).toBe(true);
    expect(board.departments.map((d) => d.name)).toContain("特巡警大队");
    expect(board.incidents.map((i) => i.id).sort()).toEqual(["inc-bc", "inc-dc"]);
    expect(board.posture.level).toBe("ROUTINE");
    expect(board.duty.entries.some((e) => e.role === "DUTY_LEADER" && e.shift === board.duty.currentShift)).toBe(true);
  });

  it("gives a station chief only their station", async () => {
    const board = (
      await t.app.inject({ method: "GET", url: "/api/board", headers: { cookie: await login(t.app, "chief") } })
    ).json<Board>();
    expect(board.stations.map((s) => s.id)).toEqual(["st-dc"]);
    expect(board.departments).toEqual([]);
    expect(board.grids).toHaveLength(9);
    expect(board.grids.every((g) => g.stationId === "st-dc")).toBe(true);
    expect(board.units.length).toBeGreaterThan(0);
    expect(board.units.every((u) => u.homeStationId === "st-dc")).toBe(true);
    expect(board.cameras.every((c) => c.stationId === "st-dc")).toBe(true);
    expect(board.incidents.map((i) => i.id)).toEqual(["inc-dc"]);
  });
});
