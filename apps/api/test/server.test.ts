// The README's run command, for real: a process with no DATABASE_URL starts an embedded PostgreSQL,
// migrates and seeds it, serves the county, stops cleanly on SIGTERM and reuses its data next time.
import { chmodSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Board } from "@onemap/shared";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, type ServerProcess, startServer, waitFor } from "./process";

describe("npm start with no DATABASE_URL", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "onemap-start-"));
  chmodSync(dataDir, 0o755);
  const running: ServerProcess[] = [];
  afterAll(() => {
    for (const r of running) r.child.kill("SIGKILL");
  });

  it("starts on an embedded PostgreSQL with the seeded county, stops cleanly, and reuses the data", { timeout: 180_000 }, async () => {
    const [port, pgPort] = [await freePort(), await freePort()];
    const env = { PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), ONEMAP_DATA_DIR: dataDir, SIMULATOR: "false" };
    const base = `http://127.0.0.1:${port}`;

    const first = startServer(env);
    running.push(first);
    await waitFor(async () => (await fetch(`${base}/api/health`)).ok, "health", first.output);
    expect(first.output()).toMatch(/inserted/);
    const health = await (await fetch(`${base}/api/health`)).json();
    expect(health).toMatchObject({ status: "ok", embeddedDatabase: true });

    const login = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "operator", password: "onemap" }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const board = (await (await fetch(`${base}/api/board`, { headers: { cookie } })).json()) as Board;
    expect(board.stations).toHaveLength(12);
    expect(board.grids).toHaveLength(18);
    expect(board.cameras).toHaveLength(368);
    expect(board.units.length).toBeGreaterThan(40);

    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    // the embedded server is down too: its port is free again
    await waitFor(async () => await freePortIs(pgPort), "the embedded PostgreSQL to stop", first.output, 15_000);

    const second = startServer(env);
    running.push(second);
    await waitFor(async () => (await fetch(`${base}/api/health`)).ok, "health after restart", second.output);
    expect(second.output()).toMatch(/: 0 rows inserted/);
    // the session from before the restart is still valid: it lives in the database
    const me = await fetch(`${base}/api/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    second.child.kill("SIGINT");
    expect(await second.exited).toBe(0);
  });

  it("refuses to start with a bad variable, naming it", { timeout: 60_000 }, async () => {
    const r = startServer({ PORT: "not-a-port", ONEMAP_DATA_DIR: dataDir });
    running.push(r);
    expect(await r.exited).toBe(2);
    expect(r.output()).toMatch(/PORT/);
  });
});

function freePortIs(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}
