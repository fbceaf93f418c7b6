// Duty in Chromium (issue 12 items 4 and 5): a duty leader opens 值班 (their one page: the roster), puts
// another officer on as the current shift's duty leader and saves — and the operator's board, open on a
// routine incident, names the new commanding leader without a reload (duty:changed). A station chief
// opens 值班 (their station's duty report, nothing else, not even by address), puts people on shift and
// on a unit, is shown two leaders of one unit before saving, and saves. Screenshots: test-results/duty-*.png.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chinaDate, shiftAt } from "@onemap/domain";
import type { Duty, StationDuty } from "@onemap/shared";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root, signIn } from "../../api/test/process";
import { closeContext, openBoard, pickOption, startBoardServer, stepLog } from "./board-page";
import { launch } from "./browser";

const shots = join(root, "test-results");
const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `duty-${name}.png`) });
const VIEWPORT = { width: 1366, height: 768 };
const pageErrors = (errors: string[]) => errors.filter((e) => !e.startsWith("Failed to load resource"));

describe("duty rosters in Chromium", () => {
  let server: Awaited<ReturnType<typeof startBoardServer>> | undefined;
  let base = "";
  let browser: Browser;
  const call = async <T>(cookie: string, path: string, init: { method?: string; body?: unknown } = {}) => {
    const res = await fetch(`${base}${path}`, {
      method: init.method ?? "GET",
      headers: { cookie, ...(init.body ? { "content-type": "application/json" } : {}) },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  };

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await startBoardServer({ LOGIN_RATE_LIMIT_PER_MINUTE: "1000" });
    base = server.base;
    browser = await launch();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("a duty leader changes the current shift's duty leader; the operator's board names them live", { timeout: 180_000 }, async () => {
    const step = stepLog();
    const [operator, leader] = [await signIn(base, "operator"), await signIn(base, "leader")];
    const now = new Date();
    const today = chinaDate(now);
    const shift = shiftAt(now);
    const duty = (await call<Duty>(leader, `/api/duty?date=${today}`)).body;
    const was = duty.entries.find((e) => e.shift === shift && e.role === "DUTY_LEADER")?.officer;
    if (!was) throw new Error("the seed has no duty leader on now");
    // a routine incident: its commander is the duty leader of the shift
    const incident = await call<{ id: string }>(operator, "/api/incidents", {
      method: "POST",
      body: { category: "noise", lat: 31.03, lon: 106.425 },
    });
    expect(incident.status).toBe(201);

    step("operator's board");
    const op = await openBoard(browser, base, { username: "operator", viewport: VIEWPORT });
    expect(await op.page.locator('[data-testid="admin-open"]').count()).toBe(0);
    await op.page.locator(".onemap-queue-item").first().click();
    await expect.poll(() => op.page.textContent('[data-testid="commanding-officer"]')).toContain(was.name);

    step("leader's roster");
    const lead = await openBoard(browser, base, { username: "leader", viewport: VIEWPORT });
    expect((await lead.page.textContent('[data-testid="admin-open"]'))?.replace(/\s/g, "")).toBe("值班");
    await lead.page.click('[data-testid="admin-open"]');
    await lead.page.waitForSelector('[data-testid="roster-page"][data-loaded="true"]');
    // their one page: the roster, whatever the address asks for
    expect(await lead.page.locator('[data-testid^="admin-menu-"]').count()).toBe(1);
    await lead.page.goto(`${base}/admin/devices`);
    await lead.page.waitForSelector('[data-testid="roster-page"][data-loaded="true"]');
    expect(await lead.page.locator('[data-testid="devices-unit"]').count()).toBe(0);
    const cell = lead.page.locator(`[data-testid="roster-cell"][data-date="${today}"][data-shift="${shift}"][data-role="DUTY_LEADER"]`);
    await cell.locator(`[data-officer="${was.id}"] .ant-tag-close-icon`).click();
    const officers = (await call<{ id: string; name: string; badgeNo: string }[]>(leader, "/api/duty/officers?q=0&limit=50")).body;
    const rostered = new Set(duty.entries.filter((e) => e.shift === shift).map((e) => e.officer.id));
    const next = officers.find((o) => !rostered.has(o.id));
    if (!next) throw new Error("nobody free to roster");
    await cell.locator('[data-testid="roster-add"]').click();
    await lead.page.keyboard.type(next.badgeNo);
    await lead.page.click(`.ant-select-dropdown:visible .ant-select-item-option:has-text("${next.badgeNo}")`);
    await cell.locator(`[data-officer="${next.id}"]`).waitFor();
    await shot(lead.page, "roster-leader-zh-CN");

    step("saved");
    await lead.page.click('[data-testid="roster-save"]');
    await expect.poll(() => lead.page.getAttribute('[data-testid="roster-changed"]', "data-count")).toBe("0");
    const saved = (await call<Duty>(leader, `/api/duty?date=${today}`)).body.entries;
    expect(saved.filter((e) => e.shift === shift && e.role === "DUTY_LEADER").map((e) => e.officer.id)).toEqual([next.id]);
    // the operator's board, never reloaded, names the new leader
    await expect.poll(() => op.page.textContent('[data-testid="commanding-officer"]'), { timeout: 10_000 }).toContain(next.name);

    step("english");
    await expect.poll(() => lead.page.locator(".ant-message-notice").count(), { timeout: 10_000 }).toBe(0);
    await lead.page.click('[data-testid="language"]');
    await lead.page.waitForSelector('[data-testid="roster-page"][data-loaded="true"]');
    await shot(lead.page, "roster-leader-en");
    expect(pageErrors(op.consoleErrors)).toEqual([]);
    expect(pageErrors(lead.consoleErrors)).toEqual([]);
    await closeContext(op.context);
    await closeContext(lead.context);
  });

  it("a station chief reports their station's duty: conflicts before saving, then saved", { timeout: 180_000 }, async () => {
    const step = stepLog();
    const chiefCookie = await signIn(base, "chief");
    const { context, page, consoleErrors } = await openBoard(browser, base, { username: "chief", viewport: VIEWPORT });
    expect((await page.textContent('[data-testid="admin-open"]'))?.replace(/\s/g, "")).toBe("值班");
    await page.click('[data-testid="admin-open"]');
    await page.waitForSelector('[data-testid="station-duty-page"] [data-testid="sd-row"]');
    expect(await page.locator('[data-testid^="admin-menu-"]').count()).toBe(1);
    expect(await page.textContent('[data-testid="station-duty-page"]')).toContain("东城派出所");
    expect(await page.textContent('[data-testid="sd-reported"]')).toContain("尚未报备");

    step("on shift, on a unit");
    const rows = page.locator('[data-testid="sd-row"]');
    const pickUnit = (row: number, callsign: string) => pickOption(page, rows.nth(row).locator('[data-testid="sd-unit"]'), callsign);
    const before = (await call<StationDuty>(chiefCookie, "/api/stations/st-dc/duty")).body;
    const unit = before.units[0];
    if (!unit) throw new Error("东城 has no unit");
    for (const i of [0, 1, 2]) await rows.nth(i).locator('[data-testid="sd-on"]').click();
    await pickUnit(0, unit.callsign);
    await pickUnit(1, unit.callsign);
    await rows.nth(0).locator('[data-testid="sd-leader"]').click();
    await rows.nth(1).locator('[data-testid="sd-leader"]').click();
    // two leaders of one unit: named before saving, and Save is held back
    await page.waitForSelector('[data-testid="sd-conflicts"]');
    expect(await page.textContent('[data-testid="sd-conflicts"]')).toContain("一个作战单元只有一名带班民警");
    expect(await page.isDisabled('[data-testid="sd-save"]')).toBe(true);
    await shot(page, "station-conflict-zh-CN");
    await rows.nth(1).locator('[data-testid="sd-leader"]').click();
    await expect.poll(() => page.locator('[data-testid="sd-conflicts"]').count()).toBe(0);

    step("saved");
    await page.click('[data-testid="sd-save"]');
    await expect.poll(() => page.textContent('[data-testid="sd-reported"]')).toContain("已报备 3 人");
    const saved = (await call<StationDuty>(chiefCookie, "/api/stations/st-dc/duty")).body;
    const ids = before.officers.slice(0, 3).map((o) => o.id);
    expect(saved.entries.map((e) => [e.officerId, e.unitId, e.leader]).sort()).toEqual(
      [
        [ids[0], unit.id, true],
        [ids[1], unit.id, false],
        [ids[2], null, false],
      ].sort(),
    );
    await shot(page, "station-saved-zh-CN");
    // another admin page by its address: the chief's own page instead
    await page.goto(`${base}/admin/devices`);
    await page.waitForSelector('[data-testid="station-duty-page"] [data-testid="sd-row"]');

    step("the unit card");
    // the board's unit card: the crew on shift as reported, the leader marked
    await page.click('[data-testid="admin-back"]');
    await page.waitForSelector('[data-testid="board"][data-ready="true"]');
    await page.click('[data-testid="unit-search"]');
    await page.keyboard.type(unit.callsign);
    await page.keyboard.press("Enter");
    const crew = page.locator('[data-testid="unit-duty-crew"]');
    await expect.poll(() => crew.textContent()).toBe(`${before.officers[0]?.name}（带班）、${before.officers[1]?.name}`);
    await shot(page, "unit-card-crew-zh-CN");
    await page.goto(`${base}/admin/station-duty`);
    await page.waitForSelector('[data-testid="station-duty-page"] [data-testid="sd-row"]');

    step("english");
    await page.click('[data-testid="language"]');
    await expect.poll(() => page.textContent('[data-testid="sd-reported"]')).toContain("Reported: 3");
    await shot(page, "station-saved-en");
    expect(pageErrors(consoleErrors)).toEqual([]);
    await closeContext(context);
  });
});
