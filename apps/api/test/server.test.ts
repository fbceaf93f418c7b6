// The README's run command, for real: a process with no DATABASE_URL starts an embedded PostgreSQL,

// migrates and seeds it, serves the county, stops cleanly on SIGTERM and reuses its data next time.
import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Board } from "@onemap/shared";
import { afterAll, describe, expect, it } from "vitest";

const root = new URL("../../../", import.meta.url).pathname;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Running {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  const child = spawn(join(root, "node_modules/.bin/tsx"), ["apps/api/src/server.ts"], {
    cwd: root,
    env: { ...rest, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitFor(check: () => Promise<boolean>, what: string, output: () => string, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}; output:\n${output()}`);
}

describe("npm start with no DATABASE_URL", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "onemap-start-"));
  chmodSync(dataDir, 0o755);
  const running: Running[] = [];
  afterAll(() => {
    for (const r of running) r.child.kill("SIGKILL");
  });

  it("starts on an embedded PostgreSQL with the seeded county, stops cleanly, and reuses the data", { timeout: 180_000 }, async () => {
    const [port, pgPort] = [await freePort(), await freePort()];
    const env = { PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), ONEMAP_DATA_DIR: dataDir, WEB_DIST: "/nonexistent" };
    const base = `http://127.0.0.1:${port}`;

    const first = start(env);
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

    const second = start(env);
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
    const r = start({ PORT: "not-a-port", ONEMAP_DATA_DIR: dataDir });
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
