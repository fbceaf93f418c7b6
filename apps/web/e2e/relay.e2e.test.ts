// The board when the relay between API processes (Redis) goes down and comes back: it says so, in
// the board's language, and clears the notice (reloading its snapshot) when the relay returns. With no
// unit reporting, the "live" badge says the position feed has stopped.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createTestDatabase, runtimeUrl } from "@onemap/db/testing";
import { demoDeviceToken } from "@onemap/domain/demo-tokens";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, root, type ServerProcess, startServer, waitFor } from "../../api/test/process";
import { signInOnPage } from "./board-page";
import { launch } from "./browser";

const REDIS_SERVER = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].find((p) => existsSync(p));

describe.skipIf(!REDIS_SERVER && !process.env.CI)("the board and the realtime relay", () => {
  let redis: ChildProcess | undefined;
  let server: ServerProcess | undefined;
  afterAll(async () => {
    server?.child.kill("SIGTERM");
    await server?.exited;
    redis?.kill("SIGKILL");
  });

  it("shows 'realtime relay down' while Redis is away, in Chinese and English, and clears it when it is back", {
    timeout: 120_000,
  }, async () => {
    const redisPort = await freePort();
    const startRedis = () =>
      spawn(REDIS_SERVER ?? "redis-server", ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
        stdio: "ignore",
      });
    redis = startRedis();
    const owner = await createTestDatabase("county");
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = startServer({
      DATABASE_URL: runtimeUrl(owner),
      DATABASE_OWNER_URL: owner,
      PORT: String(port),
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      REDIS_PREFIX: `relay-e2e-${Date.now()}`,
      WEB_DIST: join(root, "apps/web/dist"),
      TILE_URL: "",
      SIMULATOR: "false",
    });
    await waitFor(async () => (await fetch(`${base}/api/health`)).ok, "the server", server.output);
    const browser = await launch();
    try {
      const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "zh-CN" })).newPage();
      await page.goto(base);
      await signInOnPage(page, "operator");
      expect(await page.locator('[data-testid="relay-down"]').count()).toBe(0);

      redis.kill("SIGKILL");
      const banner = page.locator('[data-testid="relay-down"]');
      await banner.waitFor({ timeout: 15_000 });
      expect(await banner.textContent()).toContain("实时中继中断");
      await page.screenshot({ path: join(root, "test-results/board-relay-1-down-zh.png") });
      await page.click('[data-testid="language"]');
      await expect.poll(async () => banner.textContent()).toContain("Realtime relay down");
      await page.screenshot({ path: join(root, "test-results/board-relay-2-down-en.png") });

      redis = startRedis();
      await banner.waitFor({ state: "detached", timeout: 30_000 });
      await page.screenshot({ path: join(root, "test-results/board-relay-3-back-en.png") });

      // no simulator here: no fix arrives, and the badge does not claim "live"
      const badge = page.locator('[data-testid="connection"]');
      await page.locator('[data-testid="connection"][data-feed="stalled"]').waitFor({ timeout: 30_000 });
      expect(await badge.textContent()).toContain("Waiting for fixes");
      // one unit reports (OsmAnd, its demo token): live
      const client = new pg.Client({ connectionString: owner });
      await client.connect();
      const { rows } = await client.query<{ identifier: string }>(`SELECT identifier FROM "Device" ORDER BY identifier LIMIT 1`);
      await client.end();
      const identifier = rows[0]?.identifier ?? "";
      const fix = await fetch(
        `${base}/ingest/osmand?id=${identifier}&key=${demoDeviceToken(identifier)}&lat=31.03&lon=106.42&timestamp=${Math.floor(Date.now() / 1000)}`,
        { method: "POST" },
      );
      expect(fix.status).toBe(200);
      await page.locator('[data-testid="connection"][data-feed="flowing"]').waitFor({ timeout: 10_000 });
      expect(await badge.textContent()).toContain("Live");
      // then silence again: "no fixes for N s", in Chinese "定位中断 N 秒"
      await page.click('[data-testid="language"]');
      await page.locator('[data-testid="connection"][data-feed="stalled"]').waitFor({ timeout: 30_000 });
      expect(await badge.textContent()).toMatch(/定位中断 \d+ 秒/);
      await page.screenshot({ path: join(root, "test-results/board-feed-stalled-zh.png") });
    } finally {
      await browser.close();
    }
  });
});
