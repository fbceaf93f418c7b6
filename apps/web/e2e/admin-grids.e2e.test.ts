// The grids page in Chromium (issue 12 item 2): an administrator draws a grid by clicking its vertices
// on the map (leaflet-geoman's draw mode), fills in the form, saves, and is warned of the overlap with
// the neighbour it was drawn over (named, and the shared area drawn on the map); the county's grids
// download as GeoJSON; a bad file's features are refused, each named with its errors, nothing written.
// Screenshots: test-results/admin-grids-*.png.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Grid, GridsGeoJson } from "@onemap/shared";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root, signIn } from "../../api/test/process";
import { closeContext, openBoard, startBoardServer } from "./board-page";
import { launch } from "./browser";

const shots = join(root, "test-results");
const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `admin-grids-${name}.png`) });
const VIEWPORT = { width: 1500, height: 900 };
/** errors of the page itself: the map tiles (no internet here) and the first "who am I" (401) are loads the board expects to fail */
const pageErrors = (errors: string[]) => errors.filter((e) => !e.startsWith("Failed to load resource"));
const shapeOf = (code: string) => `path.grids-shape-${code.replace(/[^\w-]/g, "_")}`;

/** a FeatureCollection with one good feature and two bad ones (an unknown station; a bow-tie boundary) */
const badFile = JSON.stringify({
  type: "FeatureCollection",
  features: [
    {
      type: "Feature",
      properties: { code: "E2E-OK", name: "好网格", stationCode: "DC" },
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [106.6, 31.1],
            [106.61, 31.1],
            [106.61, 31.11],
            [106.6, 31.1],
          ],
        ],
      },
    },
    {
      type: "Feature",
      properties: { code: "E2E-BAD1", name: "坏网格", stationCode: "NOPE" },
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [106.7, 31.1],
            [106.71, 31.1],
            [106.71, 31.11],
            [106.7, 31.1],
          ],
        ],
      },
    },
    {
      type: "Feature",
      properties: { code: "E2E-BAD2", name: "交叉网格", stationCode: "DC" },
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [106.8, 31.1],
            [106.81, 31.11],
            [106.81, 31.1],
            [106.8, 31.11],
            [106.8, 31.1],
          ],
        ],
      },
    },
  ],
});

describe("the grids page in Chromium", () => {
  let server: Awaited<ReturnType<typeof startBoardServer>> | undefined;
  let base = "";
  let browser: Browser;
  let admin = "";
  const grids = async () => (await (await fetch(`${base}/api/grids`, { headers: { cookie: admin } })).json()) as Grid[];

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await startBoardServer({ LOGIN_RATE_LIMIT_PER_MINUTE: "1000" });
    base = server.base;
    admin = await signIn(base, "admin");
    browser = await launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("draws a grid over a neighbour, saves it and is warned of the overlap; exports GeoJSON; a bad import is refused feature by feature", {
    timeout: 180_000,
  }, async () => {
    const before = await grids();
    const neighbour = before[0];
    if (!neighbour) throw new Error("no grid in the county");
    const { context, page, consoleErrors } = await openBoard(browser, base, { username: "admin", viewport: VIEWPORT });
    await page.click('[data-testid="admin-open"]');
    await page.click('[data-testid="admin-menu-grids"]');
    await page.waitForSelector('[data-testid="grids-row"]');
    expect(new URL(page.url()).pathname).toBe("/admin/grids");
    expect(await page.locator('[data-testid="grids-row"]').count()).toBe(Math.min(before.length, 12));
    await page.waitForSelector(shapeOf(neighbour.code));
    await shot(page, "0-list-zh-CN");

    // a box over the neighbour's east half, reaching a little beyond it: five clicks, the last on the first vertex
    await page.click('[data-testid="grids-draw"]');
    await page.waitForSelector('[data-testid="grids-draw-hint"]');
    const box = await page.locator(shapeOf(neighbour.code)).boundingBox();
    if (!box) throw new Error("the neighbour is not drawn");
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const w = Math.max(24, box.width / 4);
    const h = Math.max(24, box.height / 4);
    const vertices = [
      [cx, cy - h],
      [cx + 2 * w, cy - h],
      [cx + 2 * w, cy + h],
      [cx, cy + h],
      [cx, cy - h],
    ] as const;
    for (const [x, y] of vertices) {
      await page.mouse.click(x, y);
      await page.waitForTimeout(150);
    }
    await page.waitForSelector('[data-testid="grid-form"]');
    await expect.poll(() => page.locator('[data-testid="grids-draw-hint"]').count()).toBe(0);
    await page.fill('[data-testid="grid-code"]', "E2E-G01");
    await page.fill('[data-testid="grid-name"]', "画出的网格");
    await page.click('[data-testid="grid-station"]');
    await page.keyboard.type("东城");
    await page.keyboard.press("Enter");
    await shot(page, "1-drawn-zh-CN");
    await page.click('[data-testid="grid-save"]');

    const warning = page.locator('[data-testid="grid-warning-overlap"]').filter({ hasText: neighbour.code });
    await warning.waitFor();
    expect(await warning.textContent()).toContain(neighbour.name);
    expect(await warning.textContent()).toMatch(/重叠 [\d.]+ 平方(米|公里)/);
    expect(await page.locator("path.grids-overlap").count()).toBeGreaterThan(0);
    const saved = (await grids()).find((g) => g.code === "E2E-G01");
    expect(saved).toMatchObject({ name: "画出的网格", stationId: "st-dc" });
    expect(saved?.polygon.coordinates[0]).toHaveLength(5); // four vertices, closed
    await shot(page, "2-overlap-zh-CN");

    // the county's grids as GeoJSON, the new one among them
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="grids-export"]')]);
    expect(download.suggestedFilename()).toBe("grids.geojson");
    const path = await download.path();
    const exported = JSON.parse(readFileSync(path, "utf8")) as GridsGeoJson;
    expect(exported.type).toBe("FeatureCollection");
    expect(exported.features).toHaveLength(before.length + 1);
    expect(exported.features.find((f) => f.properties.code === "E2E-G01")?.properties).toMatchObject({
      name: "画出的网格",
      stationCode: "DC",
    });

    // a bad file: each bad feature named with its errors, and nothing written (not even the good one)
    await page.setInputFiles('input[type="file"]', { name: "bad.geojson", mimeType: "application/geo+json", buffer: Buffer.from(badFile) });
    const errors = page.locator('[data-testid="grids-import-error"]');
    await expect.poll(() => errors.count()).toBe(2);
    expect(await errors.nth(0).textContent()).toContain("第 2 个要素（E2E-BAD1）");
    expect(await errors.nth(0).textContent()).toContain("派出所编号：没有这个派出所");
    expect(await errors.nth(1).textContent()).toContain("第 3 个要素（E2E-BAD2）");
    expect(await errors.nth(1).textContent()).toContain("边界");
    await page.waitForTimeout(400);
    await shot(page, "3-import-errors-zh-CN");
    expect((await grids()).map((g) => g.code)).not.toContain("E2E-OK");
    expect(pageErrors(consoleErrors)).toEqual([]);
    await closeContext(context);
  });

  it("reads in English: the list, a grid selected for editing, a bad import's errors", { timeout: 90_000 }, async () => {
    const { context, page, consoleErrors } = await openBoard(browser, base, { username: "admin", viewport: VIEWPORT, locale: "en" });
    await page.click('[data-testid="admin-open"]');
    await page.click('[data-testid="admin-menu-grids"]');
    const row = page.locator('[data-testid="grids-row"]').first();
    await row.waitFor();
    await row.click();
    await page.click('[data-testid="grid-edit-shape"]');
    await page.waitForSelector(".leaflet-marker-icon.marker-icon");
    expect(await page.textContent('[data-testid="grids-page"]')).toContain("Drag a vertex");
    await shot(page, "4-edit-en");
    await page.setInputFiles('input[type="file"]', { name: "bad.geojson", mimeType: "application/geo+json", buffer: Buffer.from(badFile) });
    const errors = page.locator('[data-testid="grids-import-error"]');
    await expect.poll(() => errors.count()).toBe(2);
    expect(await errors.nth(0).textContent()).toContain("Feature 2 (E2E-BAD1): station code: No such police station");
    await page.waitForTimeout(400);
    await shot(page, "5-import-errors-en");
    expect(pageErrors(consoleErrors)).toEqual([]);
    await closeContext(context);
  });
});
