// The board shell end to end: the real server (built board, real database, simulator), a real
// Chromium. Sign in, see the units move, create an incident by clicking the map, dispatch the top
// recommendation, and see the unit's status change. Screenshots go to test-results/.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { createTestDatabase } from "@onemap/db/testing";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, root, type ServerProcess, startServer, waitFor } from "../../api/test/process";
import { launch } from "./browser";

const shots = join(root, "test-results");

describe("the board in Chromium", () => {
  let server: ServerProcess;
  let base = "";
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = startServer({
      DATABASE_URL: await createTestDatabase("county"),
      PORT: String(port),
      WEB_DIST: join(root, "apps/web/dist"),
      SIMULATOR: "true",
      SIMULATOR_INTERVAL_MS: "500",
      POSITION_TICK_MS: "100",
    });
    await waitFor(async () => (await fetch(`${base}/`)).ok, "the server", server.output);
    browser = await launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.child.kill("SIGTERM");
    await server?.exited;
  });

  it("signs in, shows moving units, creates an incident on the map and dispatches the top unit", { timeout: 90_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    await page.goto(base);
    await page.fill('input[name="username"]', "operator");
    await page.fill('input[name="password"]', "onemap");
    await page.click('button[type="submit"]');
    await page.waitForSelector(".leaflet-container");
    await page.waitForSelector('[data-testid="connection"]:has-text("live")');
    await page.screenshot({ path: join(shots, "1-signed-in.png") });

    // units move: the canvas repaints as frames arrive
    const canvas = page.locator(".leaflet-overlay-pane canvas").first();
    const before = await canvas.screenshot();
    await page.waitForTimeout(2500);
    expect(Buffer.compare(before, await canvas.screenshot())).not.toBe(0);

    await page.mouse.click(640, 430);
    await page.waitForSelector('[data-testid="new-incident"]');
    await page.click("text=创建 Create");
    await page.waitForSelector('[data-testid="recommendations"] li');
    await page.screenshot({ path: join(shots, "2-incident-and-recommendations.png") });
    const label = (await page.locator('[data-testid="recommendations"] button').textContent()) ?? "";
    const callsign = label.split("Dispatch ")[1]?.trim() ?? "";
    expect(callsign).not.toBe("");
    await page.click('[data-testid="recommendations"] button');
    await page.waitForSelector(`text=${callsign} dispatched`);
    await page.waitForSelector("text=DISPATCHED");
    await page.screenshot({ path: join(shots, "3-dispatched.png") });
    await page.close();
  });
});
