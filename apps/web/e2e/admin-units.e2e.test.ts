// The administrators' units and cameras pages in Chromium (issue 12, item 1). Units: a unit created with
// a leader and a crew chosen among its station's officers (searched on the server) is in the list and in
// the API with that crew; a taken callsign and a callsign too long are refused beside the field, in
// Chinese; a unit on an open incident cannot be removed (said in Chinese); a save over someone else's
// change is refused and the form reloads; one with devices is retired, one with no history erased.
// Cameras: one placed by a click on the form's map is on the operator's board at that place; the stream
// address's play check says it failed for an address nothing answers. Both pages read in English.
// Screenshots: test-results/admin-units-*.png, admin-cameras-*.png.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Board, Camera, Officer, Unit } from "@onemap/shared";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, root, signIn } from "../../api/test/process";
import { closeContext, openBoard, startBoardServer } from "./board-page";
import { launch } from "./browser";

const shots = join(root, "test-results");
const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `admin-${name}.png`) });
const VIEWPORT = { width: 1366, height: 800 };
/** expected failures: map tiles (no internet here), the first "who am I" (401), the play check's blocked or refused stream */
const pageErrors = (errors: string[]) =>
  errors.filter((e) => !e.startsWith("Failed to load resource") && !e.includes("Content Security Policy"));

/** picks `label` in an antd select: opens it, types to search, clicks the option */
async function choose(page: Page, testId: string, search: string, label = search) {
  await page.click(`[data-testid="${testId}"]`);
  await page.keyboard.type(search);
  await page.click(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${label}"]`);
}

/** page 2 of a server-paged list shows other rows, and stays on page 2 (a page turned is not a new sort) */
async function turnsPage(page: Page, rowId: string, keyAttribute: string) {
  const keys = () => page.locator(`[data-testid="${rowId}"]`).evaluateAll((rows, a) => rows.map((r) => r.getAttribute(a)), keyAttribute);
  const first = await keys();
  await page.click(".ant-table-pagination .ant-pagination-item-2");
  await expect.poll(async () => (await keys()).some((k) => first.includes(k))).toBe(false);
  expect(await page.getAttribute(".ant-table-pagination .ant-pagination-item-2", "class")).toContain("ant-pagination-item-active");
  await page.click(".ant-table-pagination .ant-pagination-item-1");
  await expect.poll(keys).toEqual(first);
}

describe("the administrators' units and cameras pages in Chromium", () => {
  let server: Awaited<ReturnType<typeof startBoardServer>> | undefined;
  let base = "";
  let browser: Browser;
  let admin = "";
  let operator = "";
  const call = async <T>(path: string, init: { method?: string; body?: unknown; cookie?: string } = {}) => {
    const res = await fetch(`${base}${path}`, {
      method: init.method ?? "GET",
      headers: { cookie: init.cookie ?? admin, ...(init.body ? { "content-type": "application/json" } : {}) },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  };

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await startBoardServer({ LOGIN_RATE_LIMIT_PER_MINUTE: "1000" });
    base = server.base;
    [admin, operator] = [await signIn(base, "admin"), await signIn(base, "operator")];
    browser = await launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("units: created with a leader and a crew, listed; a taken and a too long callsign refused in Chinese; a unit on an incident kept", {
    timeout: 150_000,
  }, async () => {
    const station = (await call<{ id: string; name: string }[]>("/api/stations")).body.find((s) => s.id === "st-bc");
    if (!station) throw new Error("no 北城 station");
    const officers = (await call<Officer[]>("/api/officers?station=st-bc&sort=badgeNo&limit=50")).body;
    const [leader, crew1, crew2] = officers.slice(-3);
    if (!leader || !crew1 || !crew2) throw new Error("too few officers");
    // a unit working an incident: dispatched by an operator
    const busy = (await call<Unit[]>("/api/units?station=st-bc&status=AVAILABLE&limit=1")).body[0];
    if (!busy) throw new Error("no available unit");
    const incident = await call<{ id: string; number: string }>("/api/incidents", {
      method: "POST",
      cookie: operator,
      body: { category: "theft", lat: 31.0312, lon: 106.419 },
    });
    const dispatched = await call(`/api/incidents/${incident.body.id}/dispatch`, {
      method: "POST",
      cookie: operator,
      body: { unitIds: [busy.id] },
    });
    expect(dispatched.status).toBe(200);

    const { context, page, consoleErrors } = await openBoard(browser, base, { username: "admin", viewport: VIEWPORT });
    await page.click('[data-testid="admin-open"]');
    await page.click('[data-testid="admin-menu-units"]');
    await page.waitForSelector('[data-testid="unit-row"]');
    expect(new URL(page.url()).pathname).toBe("/admin/units");
    await shot(page, "units-0-list-zh-CN");
    await turnsPage(page, "unit-row", "data-callsign");

    // a new unit, its leader and crew searched among 北城's officers
    await page.click('[data-testid="unit-add"]');
    await page.fill('[data-testid="unit-callsign"]', "北城E2E巡01");
    await choose(page, "unit-station", station.name);
    await choose(page, "unit-leader", leader.name, `${leader.name}（${leader.badgeNo}）`);
    await choose(page, "unit-crew", crew1.badgeNo, `${crew1.name}（${crew1.badgeNo}）`);
    await choose(page, "unit-crew", crew2.name, `${crew2.name}（${crew2.badgeNo}）`);
    await page.click(".ant-modal-title");
    await shot(page, "units-1-form-zh-CN");
    await page.click('[data-testid="unit-save"]');
    await page.waitForSelector('.ant-message-notice:has-text("已新增 北城E2E巡01")');
    const created = (await call<Unit[]>(`/api/units?q=${encodeURIComponent("北城E2E巡01")}`)).body[0];
    expect(created).toMatchObject({ homeStationId: "st-bc", leader: { id: leader.id }, memberCount: 2 });
    const crew = (await call<Officer[]>(`/api/officers?unit=${created?.id}`)).body.map((o) => o.id).sort();
    expect(crew).toEqual([crew1.id, crew2.id].sort());

    // in the list, found by the server
    await page.fill('[data-testid="units-search"] input', "E2E巡01");
    await page.keyboard.press("Enter");
    const row = page.locator('[data-testid="unit-row"][data-callsign="北城E2E巡01"]');
    await row.waitFor();
    await expect.poll(() => page.locator('[data-testid="unit-row"]').count()).toBe(1);
    expect(await row.textContent()).toContain(leader.name);
    await shot(page, "units-2-created-zh-CN");

    // the same callsign again: refused beside the field, in Chinese; then one too long (the shared schema)
    await page.click('[data-testid="unit-add"]');
    await page.fill('[data-testid="unit-callsign"]', "北城E2E巡01");
    await choose(page, "unit-station", station.name);
    await page.click('[data-testid="unit-save"]');
    const callsignError = page.locator('.ant-form-item:has([data-testid="unit-callsign"]) .ant-form-item-explain-error');
    await expect.poll(() => callsignError.textContent()).toContain("呼号 北城E2E巡01 已被使用");
    await shot(page, "units-3-taken-zh-CN");
    await page.fill('[data-testid="unit-callsign"]', "很".repeat(33));
    await page.click('[data-testid="unit-save"]');
    await expect.poll(() => callsignError.textContent()).toMatch(/32/);
    expect(await callsignError.textContent()).toMatch(/[\u4e00-\u9fff]/);
    await shot(page, "units-4-field-error-zh-CN");
    await page.click(".ant-modal-footer .ant-btn:not(.ant-btn-primary)");

    // a unit on an open incident stays, said in Chinese
    await page.fill('[data-testid="units-search"] input', busy.callsign);
    await page.keyboard.press("Enter");
    const busyRow = page.locator(`[data-testid="unit-row"][data-callsign="${busy.callsign}"]`);
    await busyRow.locator('[data-testid="unit-remove"]').click();
    await page.click('[data-testid="unit-remove-ok"]');
    await page.waitForSelector(`.ant-message-notice:has-text("${busy.callsign} 正在处置警情 ${incident.body.number}")`);
    await shot(page, "units-5-on-incident-zh-CN");
    expect((await call<Unit>(`/api/units/${busy.id}`)).body.retiredAt ?? null).toBeNull();

    // someone else saves the new unit while the form is open: told so, and the form shows their change
    await page.fill('[data-testid="units-search"] input', "E2E巡01");
    await page.keyboard.press("Enter");
    await row.locator('[data-testid="unit-edit"]').click();
    await page.waitForSelector('[data-testid="unit-form"]');
    const meanwhile = await call<Unit>(`/api/units/${created?.id}`, {
      method: "PATCH",
      body: { version: created?.version, kind: "MOTORCYCLE" },
    });
    expect(meanwhile.status).toBe(200);
    await page.click('[data-testid="unit-save"]');
    await page.waitForSelector('.ant-message-notice:has-text("北城E2E巡01 刚被他人修改，已载入最新内容")');
    await expect.poll(() => page.textContent('[data-testid="unit-kind"]')).toContain("摩托");
    await shot(page, "units-6-changed-meanwhile-zh-CN");
    await page.click('[data-testid="unit-save"]');
    await page.waitForSelector('.ant-message-notice:has-text("已保存 北城E2E巡01")');
    expect((await call<Unit>(`/api/units/${created?.id}`)).body).toMatchObject({ kind: "MOTORCYCLE", memberCount: 2 });

    // a unit with devices has a history: retired, and said so
    const tracked = (await call<Unit[]>("/api/units?station=st-dc&status=AVAILABLE&limit=1")).body[0];
    if (!tracked || tracked.deviceCount === 0) throw new Error("no unit with a device");
    await page.fill('[data-testid="units-search"] input', tracked.callsign);
    await page.keyboard.press("Enter");
    await page.locator(`[data-testid="unit-row"][data-callsign="${tracked.callsign}"] [data-testid="unit-remove"]`).click();
    await page.click('[data-testid="unit-remove-ok"]');
    await page.waitForSelector(`.ant-message-notice:has-text("${tracked.callsign} 有历史记录，已停用")`);
    expect((await call<Unit>(`/api/units/${tracked.id}`)).body.retiredAt).toBeTruthy();

    // the new unit has no history: erased
    await page.fill('[data-testid="units-search"] input', "E2E巡01");
    await page.keyboard.press("Enter");
    await row.locator('[data-testid="unit-remove"]').click();
    await page.click('[data-testid="unit-remove-ok"]');
    await page.waitForSelector('.ant-message-notice:has-text("已删除 北城E2E巡01")');
    expect((await call(`/api/units/${created?.id}`)).status).toBe(404);
    expect(pageErrors(consoleErrors)).toEqual([]);
    await closeContext(context);
  });

  it("cameras: placed by a map click, on the operator's board there; the play check fails for an address nothing answers", {
    timeout: 120_000,
  }, async () => {
    const deadPort = await freePort();
    const { context, page, consoleErrors } = await openBoard(browser, base, { username: "admin", viewport: VIEWPORT });
    await page.click('[data-testid="admin-open"]');
    await page.click('[data-testid="admin-menu-cameras"]');
    await page.waitForSelector('[data-testid="camera-row"]');
    await shot(page, "cameras-0-list-zh-CN");
    await turnsPage(page, "camera-row", "data-code");

    await page.click('[data-testid="camera-add"]');
    await page.fill('[data-testid="camera-code"]', "E2E-CAM-01");
    await page.fill('[data-testid="camera-name"]', "E2E 测试点位");
    await page.waitForSelector('[data-testid="camera-map"] .leaflet-overlay-pane path');
    await page.waitForTimeout(500);
    // the middle of the county's grids: a grid there, so its station and grid are picked too
    await page.click('[data-testid="camera-map"]');
    await expect.poll(async () => page.inputValue('[data-testid="camera-lat"]')).not.toBe("");
    const lat = Number(await page.inputValue('[data-testid="camera-lat"]'));
    const lon = Number(await page.inputValue('[data-testid="camera-lon"]'));
    expect(lat).toBeGreaterThan(30);
    expect(lon).toBeGreaterThan(105);
    if ((await page.locator('.ant-form-item:has([data-testid="camera-station"]) .ant-select-selection-item').count()) === 0)
      await choose(page, "camera-station", "北城派出所");

    await page.fill('[data-testid="camera-stream-url"]', `http://127.0.0.1:${deadPort}/live/e2e.m3u8`);
    await page.click('[data-testid="camera-play-check"]');
    const result = page.locator('[data-testid="camera-play-result"]');
    await result.waitFor({ timeout: 12_000 });
    expect(await result.textContent()).toContain("播放失败");
    await shot(page, "cameras-1-form-play-failed-zh-CN");

    await page.click('[data-testid="camera-save"]');
    await page.waitForSelector('.ant-message-notice:has-text("已新增 E2E 测试点位")');
    const board = (await call<Board>("/api/board", { cookie: operator })).body;
    const onBoard = board.cameras.find((c: Camera) => c.code === "E2E-CAM-01");
    expect(onBoard).toMatchObject({ lat, lon, name: "E2E 测试点位", streamUrl: `http://127.0.0.1:${deadPort}/live/e2e.m3u8` });
    await page.fill('[data-testid="cameras-search"] input', "E2E-CAM");
    await page.keyboard.press("Enter");
    await page.locator('[data-testid="camera-row"][data-code="E2E-CAM-01"]').waitFor();
    await expect.poll(() => page.locator('[data-testid="camera-row"]').count()).toBe(1);
    await shot(page, "cameras-2-created-zh-CN");
    expect(pageErrors(consoleErrors)).toEqual([]);
    await closeContext(context);
  });

  it("reads in English: the units and cameras pages and their forms", { timeout: 90_000 }, async () => {
    const { context, page, consoleErrors } = await openBoard(browser, base, { username: "admin", viewport: VIEWPORT, locale: "en" });
    await page.click('[data-testid="admin-open"]');
    await page.click('[data-testid="admin-menu-units"]');
    await page.waitForSelector('[data-testid="unit-row"]');
    expect(await page.textContent('[data-testid="units-page"]')).toContain("Reinforcement group");
    await shot(page, "units-7-list-en");
    await page.locator('[data-testid="unit-edit"]').first().click();
    await page.waitForSelector('[data-testid="unit-form"]');
    await page.waitForTimeout(600);
    await shot(page, "units-8-edit-en");
    await page.click(".ant-modal-footer .ant-btn:not(.ant-btn-primary)");

    await page.click('[data-testid="admin-menu-cameras"]');
    await page.waitForSelector('[data-testid="camera-row"]');
    await shot(page, "cameras-3-list-en");
    await page.locator('[data-testid="camera-edit"]').first().click();
    await page.waitForSelector('[data-testid="camera-map"] .leaflet-overlay-pane path');
    await page.fill('[data-testid="camera-stream-url"]', `http://127.0.0.1:${await freePort()}/x.m3u8`);
    await page.click('[data-testid="camera-play-check"]');
    await page.locator('[data-testid="camera-play-result"]').waitFor({ timeout: 12_000 });
    expect(await page.textContent('[data-testid="camera-play-result"]')).toContain("It did not play");
    await shot(page, "cameras-4-edit-en");
    expect(pageErrors(consoleErrors)).toEqual([]);
    await closeContext(context);
  });
});
