// An empty start in Chromium (issue 12, item 6): a bureau's own PostgreSQL (DATABASE_URL) with the schema
// and nothing else, its administrator from ONEMAP_ADMIN_PASSWORD, no demo data. In the board alone the
// administrator creates a station, draws a grid, adds two officers and a unit crewed by them, registers
// the unit's device (its token shown once), a camera, and an operator's account. The operator signs in,
// sees that county, creates an incident in the new grid and dispatches the unit with D; the unit's device,
// with its token, reports it moving and the board shows it where it reported. Screenshots:
// test-results/empty-*.png.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Board, Grid, Unit } from "@onemap/shared";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "../../api/test/process";
import { closeContext, openBoard, pickOption, startBoardServer, stepLog } from "./board-page";
import { launch } from "./browser";

const shots = join(root, "test-results");
const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `empty-${name}.png`) });
const VIEWPORT = { width: 1366, height: 768 };
const ADMIN_PASSWORD = "Peng-an county 2026, its own";
const OPERATOR_PASSWORD = "river lantern quietly 47";
/** an input by its test id: on the input itself, or on the wrapper antd puts it on */
const input = (id: string) => `input[data-testid="${id}"], [data-testid="${id}"] input`;
/** picks an option of the antd Select with this test id, typing part of its label first */
const choose = (page: Page, selectId: string, typed: string, label = typed) =>
  pickOption(page, page.locator(`[data-testid="${selectId}"]`), label, { typed });
const unitOnMap = (page: Page, id: string) => page.evaluate((unitId) => window.__onemap?.unitAt(unitId) ?? null, id);

describe("an empty county, put in by hand in the board", () => {
  let server: Awaited<ReturnType<typeof startBoardServer>> | undefined;
  let base = "";
  let browser: Browser;
  const count = async (table: string) =>
    Number((await (server?.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${table}"`) ?? []))[0]?.n ?? -1);

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await startBoardServer(
      { DEMO: "false", ONEMAP_ADMIN_PASSWORD: ADMIN_PASSWORD, LOGIN_RATE_LIMIT_PER_MINUTE: "1000", SIMULATOR: "false" },
      "dist-test",
      "empty",
    );
    base = server.base;
    browser = await launch();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("an administrator puts a county in by hand; an operator dispatches its unit, which its device then moves on the board", {
    timeout: 300_000,
  }, async () => {
    const step = stepLog();
    // nothing but the administrator
    for (const table of ["Station", "Grid", "Officer", "Unit", "Camera", "Device", "Incident"]) expect(await count(table)).toBe(0);
    expect(await count("User")).toBe(1);

    step("the administrator signs in to an empty county");
    const admin = await openBoard(browser, base, { username: "admin", password: ADMIN_PASSWORD, viewport: VIEWPORT });
    const page = admin.page;
    await shot(page, "0-empty-board-zh-CN");
    await page.click('[data-testid="admin-open"]');

    step("a station, placed by a click on the form's map");
    await page.click('[data-testid="admin-menu-stations"]');
    await page.waitForSelector('[data-testid="stations-page"]');
    await page.click('[data-testid="station-add"]');
    await page.fill(input("station-code"), "XS-01");
    await page.fill(input("station-name"), "新城派出所");
    await page.fill(input("station-phone"), "0817-8000110");
    await page.click('[data-testid="station-map"]');
    await expect.poll(async () => Number(await page.inputValue(input("station-lat")))).toBeGreaterThan(0);
    await page.click('[data-testid="station-save"]');
    await page.waitForSelector('.ant-message-notice:has-text("已新增 新城派出所")');
    await page.waitForSelector('[data-testid="station-row"][data-code="XS-01"]');

    step("a grid, drawn on the map");
    await page.click('[data-testid="admin-menu-grids"]');
    await page.waitForSelector('[data-testid="grids-page"]');
    await page.click('[data-testid="grids-draw"]');
    await page.waitForSelector('[data-testid="grids-draw-hint"]');
    const map = await page.locator('[data-testid="grids-map"]').boundingBox();
    if (!map) throw new Error("no grids map");
    const cx = map.x + map.width / 2;
    const cy = map.y + map.height / 2;
    for (const [x, y] of [
      [cx - 150, cy - 110],
      [cx + 150, cy - 110],
      [cx + 150, cy + 110],
      [cx - 150, cy + 110],
      [cx - 150, cy - 110],
    ] as const) {
      await page.mouse.click(x, y);
      await page.waitForTimeout(150);
    }
    await page.waitForSelector('[data-testid="grid-form"]');
    await page.fill('[data-testid="grid-code"]', "XS-G01");
    await page.fill('[data-testid="grid-name"]', "新城一网格");
    await choose(page, "grid-station", "新城");
    await page.click('[data-testid="grid-save"]');
    await expect.poll(() => count("Grid")).toBe(1);
    const [grid] = (await server?.query<{ id: string; code: string }>(`SELECT id, code FROM "Grid"`)) ?? [];
    expect(grid?.code).toBe("XS-G01");
    await shot(page, "1-grid-drawn-zh-CN");

    step("two officers of the station");
    await page.click('[data-testid="admin-menu-officers"]');
    await page.waitForSelector('[data-testid="officers-page"]');
    for (const [badge, name, title] of [
      ["XS0001", "林安", "社区民警"],
      ["XS0002", "周平", "巡逻民警"],
    ] as const) {
      await page.click('[data-testid="officer-add"]');
      await page.fill(input("officer-badge"), badge);
      await page.fill(input("officer-name"), name);
      await page.fill(input("officer-title"), title);
      await page.fill(input("officer-birth-year"), "1988");
      await choose(page, "officer-station", "新城");
      await page.click('[data-testid="officer-save"]');
      await page.waitForSelector(`.ant-message-notice:has-text("已新增 ${name}")`);
      await page.waitForSelector(`[data-testid="officer-row"][data-badge="${badge}"]`);
    }
    expect(await count("Officer")).toBe(2);

    step("a unit in the grid, led by one officer and crewed by both");
    await page.click('[data-testid="admin-menu-units"]');
    await page.waitForSelector('[data-testid="units-page"]');
    await page.click('[data-testid="unit-add"]');
    await page.fill('[data-testid="unit-callsign"]', "新城巡01");
    await choose(page, "unit-station", "新城派出所");
    await choose(page, "unit-grid", "新城一网格");
    await choose(page, "unit-leader", "林安", "林安（XS0001）");
    await choose(page, "unit-crew", "林安", "林安（XS0001）");
    await pickOption(page, page.locator('[data-testid="unit-crew"]'), "周平（XS0002）", { typed: "周平", open: false });
    await page.click(".ant-modal-title");
    await shot(page, "unit-form-zh-CN");
    await page.click('[data-testid="unit-save"]');
    await page.waitForSelector('.ant-message-notice:has-text("已新增 新城巡01")');
    const [unit] =
      (await server?.query<{ id: string; leaderId: string | null; gridId: string | null }>(
        `SELECT id, "leaderId", "gridId" FROM "Unit" WHERE callsign = '新城巡01'`,
      )) ?? [];
    if (!unit) throw new Error("the unit was not saved");
    expect(unit.gridId).toBe(grid?.id);
    expect(unit.leaderId).not.toBeNull();
    expect(await count("UnitMember")).toBe(2);

    step("the unit's device: its token and the Traccar Client URL, once");
    await page.click('[data-testid="admin-menu-devices"]');
    const row = page.locator(`[data-testid="devices-unit"][data-unit="${unit.id}"]`);
    await row.waitFor();
    await row.locator('[data-testid="device-register"]').click();
    await page.fill('[data-testid="device-identifier"]', "XS-PHONE-01");
    await page.click('.ant-modal:has([data-testid="device-register-form"]) .ant-modal-footer .ant-btn-primary');
    await page.waitForSelector('[data-testid="token-qr"]');
    const url = (await page.textContent('[data-testid="token-url"]'))?.trim() ?? "";
    expect(url).toMatch(new RegExp(`^${base}/ingest/osmand\\?key=.{20,}`));
    await page.click('[data-testid="token-done"]');

    step("a camera, placed by a click on the map, in the grid");
    await page.click('[data-testid="admin-menu-cameras"]');
    await page.waitForSelector('[data-testid="cameras-page"]');
    await page.click('[data-testid="camera-add"]');
    await page.fill('[data-testid="camera-code"]', "XS-CAM-01");
    await page.fill('[data-testid="camera-name"]', "新城路口");
    await page.waitForSelector('[data-testid="camera-map"] .leaflet-overlay-pane path');
    await page.waitForTimeout(500);
    await page.click('[data-testid="camera-map"]');
    await expect.poll(async () => page.inputValue('[data-testid="camera-lat"]')).not.toBe("");
    if ((await page.locator('.ant-form-item:has([data-testid="camera-station"]) .ant-select-selection-item').count()) === 0)
      await choose(page, "camera-station", "新城派出所");
    await page.click('[data-testid="camera-save"]');
    await page.waitForSelector('.ant-message-notice:has-text("已新增 新城路口")');
    expect(await count("Camera")).toBe(1);

    step("an operator's account");
    await page.click('[data-testid="admin-menu-users"]');
    await page.waitForSelector('[data-testid="users-page"]');
    await page.click('[data-testid="user-create"]');
    await page.fill(input("user-username"), "xs.operator");
    await page.fill(input("user-display-name"), "新城接警员");
    await page.fill(input("user-password"), OPERATOR_PASSWORD);
    await pickOption(page, page.locator('[data-testid="user-role"]'), "接警员");
    await page.click('[data-testid="user-save"]');
    await page.waitForSelector('[data-testid="user-form"]', { state: "detached" });
    await shot(page, "2-users-zh-CN");
    await closeContext(admin.context);

    step("the device reports from inside the grid, with its token");
    const grids = (await (await fetch(`${base}/api/grids`, { headers: { cookie: await signInCookie("xs.operator") } })).json()) as Grid[];
    const drawn = grids.find((g) => g.code === "XS-G01");
    if (!drawn) throw new Error("the operator does not see the grid");
    const ring = drawn.polygon.coordinates[0] ?? [];
    const lons = ring.map((p) => p[0] ?? 0);
    const lats = ring.map((p) => p[1] ?? 0);
    const west = Math.min(...lons);
    const east = Math.max(...lons);
    const south = Math.min(...lats);
    const north = Math.max(...lats);
    const report = (lat: number, lon: number) =>
      fetch(`${url}&id=XS-PHONE-01&timestamp=${Math.floor(Date.now() / 1000)}&lat=${lat}&lon=${lon}&speed=20&bearing=90`, {
        method: "POST",
      });
    const start = { lat: south + (north - south) * 0.3, lon: west + (east - west) * 0.3 };
    expect((await report(start.lat, start.lon)).status).toBe(200);

    step("the operator signs in: the county, its unit where it reported");
    const operator = await openBoard(browser, base, { username: "xs.operator", password: OPERATOR_PASSWORD, viewport: VIEWPORT });
    const board = operator.page;
    const snapshot = (await board.evaluate(() => fetch("/api/board").then((r) => r.json()))) as Board;
    expect(snapshot.stations.map((s) => s.name)).toEqual(["新城派出所"]);
    expect(snapshot.grids.map((g) => g.code)).toEqual(["XS-G01"]);
    expect(snapshot.units.map((u: Unit) => u.callsign)).toEqual(["新城巡01"]);
    expect(snapshot.cameras.map((c) => c.code)).toEqual(["XS-CAM-01"]);
    await expect.poll(() => unitOnMap(board, unit.id), { timeout: 15_000 }).not.toBeNull();

    step("an incident in the grid, and the unit dispatched with D");
    await board.keyboard.press("n");
    await board.waitForSelector('[data-testid="new-incident"]');
    // a point in the grid's north-east, clear of the station's and the unit's markers
    const area = await board.locator('[data-testid="map"]').boundingBox();
    const target = { lat: south + (north - south) * 0.75, lon: west + (east - west) * 0.75 };
    const at = await board.evaluate(({ lat, lon }) => window.__onemap?.map()?.latLngToContainerPoint([lat, lon]) ?? null, target);
    if (!area || !at) throw new Error("no map");
    await board.mouse.click(area.x + at.x, area.y + at.y);
    await expect.poll(() => board.inputValue('[data-testid="field-lat"]')).not.toBe("");
    await board.click('[data-testid="field-category"]');
    await board.keyboard.type("盗窃");
    await board.keyboard.press("Enter");
    await board.click('[data-testid="create-incident"]');
    await board.waitForSelector('[data-testid="incident-detail"]');
    await expect.poll(() => board.getAttribute('[data-testid="dispatch-top"]', "data-callsign"), { timeout: 20_000 }).toBe("新城巡01");
    await board.keyboard.press("d");
    await board.waitForSelector('[data-testid="assignment"][data-unit="新城巡01"]');
    const [incident] = (await server?.query<{ id: string; gridId: string | null }>(`SELECT id, "gridId" FROM "Incident"`)) ?? [];
    expect(incident?.gridId).toBe(grid?.id);
    await shot(board, "3-dispatched-zh-CN");

    step("the device moves the unit: the board shows it where it reported");
    const next = { lat: south + (north - south) * 0.6, lon: west + (east - west) * 0.6 };
    expect((await report(next.lat, next.lon)).status).toBe(200);
    await expect
      .poll(
        async () => {
          const at = await unitOnMap(board, unit.id);
          return at ? Math.hypot(at.lat - next.lat, at.lon - next.lon) : Number.POSITIVE_INFINITY;
        },
        { timeout: 15_000 },
      )
      .toBeLessThan(1e-4);
    await shot(board, "4-moved-zh-CN");
    expect(operator.consoleErrors.filter((e) => !e.startsWith("Failed to load resource"))).toEqual([]);
    await closeContext(operator.context);
  });

  /** a session cookie for a user of this county */
  async function signInCookie(username: string): Promise<string> {
    const res = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password: OPERATOR_PASSWORD }),
    });
    expect(res.status).toBe(200);
    return (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  }
});
