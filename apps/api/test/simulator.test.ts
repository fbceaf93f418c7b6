// The simulator, run as the server runs it in demo mode, drives the units through the public
// device API: positions land in the history and on a connected board.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, login, type TestContext } from "./helpers";
import { root } from "./process";
import { connectBoard, recordFrames } from "./realtime-helpers";

function runSimulator(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(join(root, "node_modules/.bin/tsx"), ["apps/simulator/src/main.ts", ...args], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
    });
    child.stderr.on("data", (d) => {
      output += d;
    });
    child.once("exit", (code) => resolve({ code, output }));
  });
}

describe("the simulator", () => {
  let t: TestContext;
  let base: string;
  beforeAll(async () => {
    t = await buildTestApp({ env: { POSITION_TICK_MS: "100" } });
    base = await t.app.listen({ host: "127.0.0.1", port: 0 });
  });
  afterAll(async () => {
    await t.close();
  });

  it("moves every unit on a connected board through the OsmAnd protocol, inside its grid", { timeout: 60_000 }, async () => {
    const { socket } = await connectBoard(base, await login(t.app, "operator"));
    const frames = recordFrames(socket);
    const before = await t.db.unitPosition.count();
    const unitCount = await t.db.unit.count();
    const run = await runSimulator(["--base", base, "--interval", "500", "--duration", "3", "--report", "0"]);
    expect(run.code, run.output).toBe(0);
    const summary = JSON.parse(run.output.split("SIMULATOR_SUMMARY ")[1] ?? "{}");
    expect(summary.units).toBe(unitCount);
    expect(summary.ok).toBeGreaterThanOrEqual(unitCount * 4);
    expect(summary.rejected + summary.failed).toBe(0);
    expect(await t.db.unitPosition.count()).toBeGreaterThanOrEqual(before + summary.ok);
    expect(frames.unitIds().size).toBe(unitCount);

    // patrolling units stayed in their grids: no geofence exits
    expect(await t.db.geofenceEvent.count()).toBe(0);
    socket.close();
  });

  it("drives a dispatched unit to its incident, through the device APIs, and clears it after its time on scene", {
    timeout: 60_000,
  }, async () => {
    const operator = await login(t.app, "operator");
    const unit = await t.db.unit.findUniqueOrThrow({ where: { id: "un-dc-car-2" } });
    const target = { lat: (unit.lastLat ?? 0) + 0.0015, lon: unit.lastLon ?? 0 }; // about 170 m north
    const incident = (
      await t.app.inject({
        method: "POST",
        url: "/api/incidents",
        headers: { cookie: operator },
        payload: { category: "theft", ...target },
      })
    ).json();
    const sent = await t.app.inject({
      method: "POST",
      url: `/api/incidents/${incident.id}/dispatch`,
      headers: { cookie: operator },
      payload: { unitIds: [unit.id] },
    });
    expect(sent.statusCode).toBe(200);
    const run = await runSimulator([
      "--base",
      base,
      "--interval",
      "300",
      "--follow",
      "300",
      "--dwell",
      "1",
      "--duration",
      "22",
      "--report",
      "0",
    ]);
    expect(run.code, run.output).toBe(0);
    const summary = JSON.parse(run.output.split("SIMULATOR_SUMMARY ")[1] ?? "{}");
    expect(summary.responded).toBe(1);
    const assignment = await t.db.assignment.findFirstOrThrow({ where: { incidentId: incident.id } });
    // acknowledged and en route by its device, on scene by its position, cleared after its time there
    expect(assignment.acknowledgedAt).not.toBeNull();
    expect(assignment.enRouteAt).not.toBeNull();
    expect(assignment.onSceneAt).not.toBeNull();
    expect(assignment.status).toBe("CLEARED");
    expect((await t.db.unit.findUniqueOrThrow({ where: { id: unit.id } })).status).toBe("AVAILABLE");
    expect((await t.db.incident.findUniqueOrThrow({ where: { id: incident.id } })).status).toBe("ON_SCENE");
  });

  it("refuses bad options plainly", async () => {
    const run = await runSimulator(["--base", base, "--interval", "fast"]);
    expect(run.code).toBe(2);
    expect(run.output).toMatch(/--interval must be a whole number/);
  });
});
