// The administrators' devices and roster pages in Chromium (issue 12, items 1 and 4). Devices: a device
// registered for a unit shows its token, the Traccar Client URL and a QR code once — the URL works at
// the ingest, and after a reload the token is nowhere; a new token replaces it (the old one stops
// working); a taken identifier is refused in Chinese; removal takes it off. Roster: today's duty leader
// is in today's column, last week is copied, the same officer twice in a shift is warned of on the cell
// and in the list, and what is saved is there after a reload and in GET /api/duty; a day that fails to
// save (its officer gone meanwhile) is named and stays unsaved while the others are saved.
// Screenshots: test-results/admin-devices-*.png, admin-roster-*.png.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { addDays, chinaDate, shiftAt, weekOf } from "@onemap/domain";
import type { Duty, Officer, UnitDevicesPage } from "@onemap/shared";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root, signIn } from "../../api/test/process";
import { openBoard, startBoardServer } from "./board-page";
import { launch } from "./browser";

const shots = join(root, "test-results");
const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `admin-${name}.png`) });
const VIEWPORT = { width: 1366, height: 768 };
const REGISTER = '.ant-modal:has([data-testid="device-register-form"])';
const REGISTER_OK = `${REGISTER} .ant-modal-footer .ant-btn-primary`;
/** the token dialog, in full view: the register dialog gone and the zoom finished */
async function tokenShown(page: Page) {
  await page.waitForSelector('[data-testid="token-qr"]');
  await expect.poll(() => page.locator('[data-testid="device-register-form"]').count()).toBe(0);
  await page.waitForTimeout(500);
}
/** errors of the page itself: the map tiles (no internet here) and the first "who am I" (401) are loads the board expects to fail */
const pageErrors = (errors: string[]) => errors.filter((e) => !e.startsWith("Failed to load resource"));

describe("the administrators' devices and roster pages in Chromium", () => {
  let server: Awaited<ReturnType<typeof startBoardServer>> | undefined;
  let base = "";
  let browser: Browser;
  let admin = "";
  const query = (sql: string, params: unknown[] = []) => {
    if (!server) throw new Error("no server");
    return server.query(sql, params);
  };
  const call = async <T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${base}${path}`, {
      method: init.method ?? "GET",
      headers: { cookie: admin, ...(init.body ? { "content-type": "application/json" } : {}) },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  };
  /** a fix as Traccar Client sends it, to the URL the page gave */
  const report = (url: string, identifier: string) =>
    fetch(`${url}&id=${identifier}&timestamp=${Math.floor(Date.now() / 1000)}&lat=31.0312&lon=106.4190`, { method: "POST" });

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

  it("registers a device for a unit: token, URL and QR once; a new token; a refusal in Chinese; removed", {
    timeout: 120_000,
  }, async () => {
    const unit = (await call<UnitDevicesPage>("/api/devices/units?limit=1&offset=3")).body.units[0];
    if (!unit) throw new Error("no unit in the county");
    const { context, page, consoleErrors } = await openBoard(browser, base, { username: "admin", viewport: VIEWPORT });
    await page.click('[data-testid="admin-open"]');
    await page.click('[data-testid="admin-menu-devices"]');
    await page.waitForSelector('[data-testid="devices-unit"]');
    expect(new URL(page.url()).pathname).toBe("/admin/devices");
    await shot(page, "devices-0-list-zh-CN");

    // the server finds the unit by its callsign
    await page.fill('[data-testid="devices-search"] input', unit.callsign);
    await page.keyboard.press("Enter");
    const row = page.locator(`[data-testid="devices-unit"][data-unit="${unit.id}"]`);
    await row.waitFor();
    const callsigns = () => page.$$eval('[data-testid="devices-unit"] td:first-child', (els) => els.map((e) => e.textContent ?? ""));
    await expect.poll(async () => (await callsigns()).every((c) => c.includes(unit.callsign))).toBe(true);
    await row.waitFor();

    await row.locator('[data-testid="device-register"]').click();
    await page.fill('[data-testid="device-identifier"]', "E2E-PHONE-1");
    await page.click(REGISTER_OK);
    const tokenBox = page.locator('[data-testid="device-token"]');
    await tokenBox.waitFor();
    const token = (await page.textContent('[data-testid="token-value"]'))?.trim() ?? "";
    const url = (await page.textContent('[data-testid="token-url"]'))?.trim() ?? "";
    expect(token.length).toBeGreaterThan(20);
    expect(url).toBe(`${base}/ingest/osmand?key=${token}`);
    await tokenShown(page);
    expect(await page.getAttribute('[data-testid="token-qr"]', "src")).toMatch(/^data:image\/png;base64,/);
    expect(await tokenBox.textContent()).toContain("只显示这一次");
    await shot(page, "devices-1-token-zh-CN");
    // the URL the page gave is the one Traccar Client needs: a fix sent to it is taken
    expect((await report(url, "E2E-PHONE-1")).status).toBe(200);

    await page.click('[data-testid="token-done"]');
    await expect.poll(() => page.locator('[data-testid="device-token"]').count()).toBe(0);
    await row.locator('[data-testid="device-row"][data-identifier="E2E-PHONE-1"]').waitFor();
    expect(await page.content()).not.toContain(token);
    // after a reload, the device is listed and its token is nowhere
    await page.reload();
    await page.waitForSelector('[data-testid="devices-unit"]');
    await page.fill('[data-testid="devices-search"] input', unit.callsign);
    await page.keyboard.press("Enter");
    await row.locator('[data-testid="device-row"][data-identifier="E2E-PHONE-1"]').waitFor();
    expect(await page.content()).not.toContain(token);
    await shot(page, "devices-2-registered-zh-CN");

    // a new token: shown once again, the old one refused from now on
    const mine = row.locator('[data-testid="device-row"][data-identifier="E2E-PHONE-1"]');
    await mine.locator('[data-testid="device-rotate"]').click();
    await page.click(".ant-popconfirm-buttons .ant-btn-primary");
    await tokenBox.waitFor();
    const rotated = (await page.textContent('[data-testid="token-value"]'))?.trim() ?? "";
    expect(rotated).not.toBe(token);
    expect((await report(`${base}/ingest/osmand?key=${token}`, "E2E-PHONE-1")).status).toBe(401);
    expect((await report(`${base}/ingest/osmand?key=${rotated}`, "E2E-PHONE-1")).status).toBe(200);
    await page.click('[data-testid="token-done"]');
    await expect.poll(() => page.locator('[data-testid="device-token"]').count()).toBe(0);

    // the same identifier again: refused, in the board's language
    await row.locator('[data-testid="device-register"]').click();
    await page.fill('[data-testid="device-identifier"]', "E2E-PHONE-1");
    await page.click(REGISTER_OK);
    await page.waitForSelector('.ant-message-notice:has-text("编号为 E2E-PHONE-1 的终端已登记")');
    await page.waitForTimeout(400);
    await shot(page, "devices-3-refused-zh-CN");
    await page.click(`${REGISTER} .ant-modal-footer .ant-btn:not(.ant-btn-primary)`);

    // removed: off the list and out of the API
    const others = unit.devices.map((d) => d.identifier);
    await mine.locator('[data-testid="device-remove"]').click();
    await page.click(".ant-popconfirm-buttons .ant-btn-dangerous");
    await expect.poll(() => mine.count()).toBe(0);
    await page.waitForSelector('.ant-message-notice:has-text("已移除终端 E2E-PHONE-1")');
    expect(await row.locator('[data-testid="device-row"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-identifier")))).toEqual(
      others,
    );
    const left = (await call<{ identifier: string }[]>(`/api/units/${unit.id}/devices`)).body;
    expect(left.map((d) => d.identifier)).toEqual(others);
    expect((await report(`${base}/ingest/osmand?key=${rotated}`, "E2E-PHONE-1")).status).toBe(401);
    expect(pageErrors(consoleErrors)).toEqual([]);
    await context.close();
  });

  it("reads in English: the devices page and a token", { timeout: 60_000 }, async () => {
    const { context, page, consoleErrors } = await openBoard(browser, base, { username: "admin", viewport: VIEWPORT, locale: "en" });
    await page.goto(`${base}/admin/devices`);
    await page.waitForSelector('[data-testid="devices-unit"]');
    expect(await page.textContent('[data-testid="devices-page"]')).toContain("Register a device");
    await shot(page, "devices-4-list-en");
    await page.locator('[data-testid="device-register"]').first().click();
    await page.fill('[data-testid="device-identifier"]', "E2E-PHONE-EN");
    await page.click(REGISTER_OK);
    await tokenShown(page);
    expect(await page.textContent('[data-testid="device-token"]')).toContain("shown this once");
    await shot(page, "devices-5-token-en");
    expect(pageErrors(consoleErrors)).toEqual([]);
    await context.close();
  });

  it("the roster week: today's leader, last week copied, a conflict warned of, saved and there after a reload", {
    timeout: 120_000,
  }, async () => {
    const now = new Date();
    const today = chinaDate(now);
    const duty = (await call<Duty>("/api/duty")).body;
    const leader = duty.entries.find((e) => e.shift === shiftAt(now) && e.role === "DUTY_LEADER");
    if (!leader) throw new Error("the seed rosters no duty leader now");

    // the week after next starts empty (the seed covers a week from today); next week gets a roster of its own
    const source = weekOf(addDays(today, 7));
    const target = weekOf(addDays(today, 14));
    const officers = (await call<Officer[]>("/api/officers?limit=40")).body;
    const pick = (i: number) => officers[i % officers.length] as Officer;
    for (const [d, date] of source.entries()) {
      const entries = (["NIGHT", "DAY", "EVENING"] as const).flatMap((shift, s) => [
        { shift, role: "PRINCIPAL_LEADER", officerId: pick(d * 5 + s + 30).id },
        { shift, role: "SUPERVISING_LEADER", officerId: pick(d * 5 + s + 35).id },
        { shift, role: "DUTY_LEADER", officerId: pick(d * 5 + s).id },
        { shift, role: "COMMANDER", officerId: pick(d * 5 + s + 10).id },
        { shift, role: "OPERATOR", officerId: pick(d * 5 + s + 20).id },
      ]);
      expect((await call("/api/duty", { method: "PUT", body: { date, entries } })).status).toBe(200);
    }
    for (const date of target) expect((await call<Duty>(`/api/duty?date=${date}`)).body.entries).toEqual([]);

    const { context, page, consoleErrors } = await openBoard(browser, base, { username: "admin", viewport: VIEWPORT });
    await page.goto(`${base}/admin/roster`);
    await page.waitForSelector('[data-testid="roster-page"][data-loaded="true"]');
    const cell = (date: string, shift: string, role: string) =>
      page.locator(`[data-testid="roster-cell"][data-date="${date}"][data-shift="${shift}"][data-role="${role}"]`);
    expect(await cell(today, shiftAt(now), "DUTY_LEADER").textContent()).toContain(leader.officer.name);
    await shot(page, "roster-1-week-zh-CN");

    // two weeks on: empty, warned of; copy last week
    await page.click('[data-testid="roster-next"]');
    await page.click('[data-testid="roster-next"]');
    await expect.poll(() => page.getAttribute('[data-testid="roster-week"]', "data-from")).toBe(target[0]);
    await page.waitForSelector('[data-testid="roster-page"][data-loaded="true"]');
    expect(await page.textContent('[data-testid="roster-warnings"]')).toContain("全天未排班");
    await page.click('[data-testid="roster-copy"]');
    await expect.poll(() => page.getAttribute('[data-testid="roster-changed"]', "data-count")).toBe("7");
    const monday = target[0] as string;
    const copied = (d: number, s: number) => pick(d * 5 + s);
    expect(await cell(monday, "NIGHT", "DUTY_LEADER").getAttribute("data-warning")).toBeNull();
    expect(await cell(monday, "NIGHT", "DUTY_LEADER").textContent()).toContain(copied(0, 0).name);
    expect(await cell(target[6] as string, "EVENING", "COMMANDER").textContent()).toContain(pick(6 * 5 + 2 + 10).name);
    expect(await page.textContent('[data-testid="roster-summary"]')).toContain("没有冲突");

    // the day shift's duty leader put among its operators too: warned of on the cell and in the list
    const twice = copied(0, 1);
    await cell(monday, "DAY", "OPERATOR").locator('[data-testid="roster-add"]').click();
    await page.keyboard.type(twice.badgeNo);
    await page.click(`.ant-select-dropdown:visible .ant-select-item-option:has-text("${twice.badgeNo}")`);
    await cell(monday, "DAY", "OPERATOR").locator(`[data-officer="${twice.id}"][data-twice="true"]`).waitFor();
    expect(await cell(monday, "DAY", "DUTY_LEADER").getAttribute("data-warning")).toBe("twice_in_shift");
    const list = await page.textContent('[data-testid="roster-warnings"]');
    expect(list).toContain(`${twice.name} 同时排在值班领导、值班员`);
    await shot(page, "roster-2-conflict-zh-CN");
    // taken off again; the night shift's commander taken off: no commander, warned of
    await cell(monday, "DAY", "OPERATOR").locator(`[data-officer="${twice.id}"] .ant-tag-close-icon`).click();
    await cell(monday, "NIGHT", "COMMANDER").locator(".ant-tag-close-icon").click();
    await expect.poll(() => cell(monday, "NIGHT", "COMMANDER").getAttribute("data-warning")).toBe("no_commander");
    expect(await page.textContent('[data-testid="roster-warnings"]')).not.toContain("同时排在");
    // and someone else added to Monday's night operators
    const added = pick(39);
    await cell(monday, "NIGHT", "OPERATOR").locator('[data-testid="roster-add"]').click();
    await page.keyboard.type(added.badgeNo);
    await page.click(`.ant-select-dropdown:visible .ant-select-item-option:has-text("${added.badgeNo}")`);
    await cell(monday, "NIGHT", "OPERATOR").locator(`[data-officer="${added.id}"]`).waitFor();
    await shot(page, "roster-3-edited-zh-CN");

    await page.click('[data-testid="roster-save"]');
    await expect.poll(() => page.getAttribute('[data-testid="roster-changed"]', "data-count")).toBe("0");
    expect(await page.locator('[data-testid="roster-failure"]').count()).toBe(0);

    // there after a reload, and in the API
    await page.reload();
    await page.waitForSelector('[data-testid="roster-page"][data-loaded="true"]');
    await page.click('[data-testid="roster-next"]');
    await page.click('[data-testid="roster-next"]');
    await expect.poll(() => page.getAttribute('[data-testid="roster-week"]', "data-from")).toBe(target[0]);
    await page.waitForSelector('[data-testid="roster-page"][data-loaded="true"]');
    await cell(monday, "NIGHT", "OPERATOR").locator(`[data-officer="${added.id}"]`).waitFor();
    expect(await cell(monday, "NIGHT", "COMMANDER").getAttribute("data-warning")).toBe("no_commander");
    const saved = (await call<Duty>(`/api/duty?date=${monday}`)).body.entries;
    expect(saved.filter((e) => e.shift === "NIGHT" && e.role === "OPERATOR").map((e) => e.officer.id)).toContain(added.id);
    expect(saved.filter((e) => e.shift === "NIGHT" && e.role === "COMMANDER")).toEqual([]);
    expect(saved.filter((e) => e.shift === "DAY" && e.role === "OPERATOR").map((e) => e.officer.id)).not.toContain(twice.id);
    for (const [d, date] of target.entries()) {
      const day = (await call<Duty>(`/api/duty?date=${date}`)).body.entries;
      expect(day.find((e) => e.shift === "DAY" && e.role === "DUTY_LEADER")?.officer.id).toBe(copied(d, 1).id);
    }
    await shot(page, "roster-4-saved-zh-CN");
    expect(pageErrors(consoleErrors)).toEqual([]);
    await context.close();
  });

  it("a day that fails to save is named, and stays unsaved; the other days are saved", { timeout: 90_000 }, async () => {
    const today = chinaDate(new Date());
    const week = weekOf(addDays(today, 21));
    const [first, second] = week as [string, string];
    const station = (await query(`SELECT "stationId" FROM "Officer" LIMIT 1`))[0]?.stationId as string;
    // an officer who will be gone by the time the roster is saved
    await query(
      `INSERT INTO "Officer" (id, "badgeNo", name, "birthYear", post, auxiliary, "stationId", "updatedAt") VALUES ('of-e2e-gone', 'E2E9001', '临时民警', 1990, 'HQ', false, $1, now())`,
      [station],
    );
    const kept = (await call<Officer[]>("/api/officers?limit=3")).body[2] as Officer;
    const { context, page } = await openBoard(browser, base, { username: "admin", viewport: VIEWPORT });
    await page.goto(`${base}/admin/roster`);
    await page.waitForSelector('[data-testid="roster-page"][data-loaded="true"]');
    for (let i = 0; i < 3; i++) await page.click('[data-testid="roster-next"]');
    await expect.poll(() => page.getAttribute('[data-testid="roster-week"]', "data-from")).toBe(first);
    await page.waitForSelector('[data-testid="roster-page"][data-loaded="true"]');
    const add = async (date: string, who: string) => {
      const cell = page.locator(`[data-testid="roster-cell"][data-date="${date}"][data-shift="DAY"][data-role="DUTY_LEADER"]`);
      await cell.locator('[data-testid="roster-add"]').click();
      await page.keyboard.type(who);
      await page.click(`.ant-select-dropdown:visible .ant-select-item-option:has-text("${who}")`);
      await cell.locator('[data-testid="roster-officer"]').first().waitFor();
    };
    await add(first, "E2E9001");
    await add(second, kept.badgeNo);
    await query(`DELETE FROM "Officer" WHERE id = 'of-e2e-gone'`);
    await page.click('[data-testid="roster-save"]');
    const failure = page.locator('[data-testid="roster-failure"]');
    await failure.waitFor();
    expect(await failure.count()).toBe(1);
    expect(await failure.textContent()).toContain(`周一 ${first.slice(5)} 保存失败`);
    expect(await failure.textContent()).toContain("没有这名民警");
    // the failed day stays in the draft; the other is saved
    expect(await page.getAttribute('[data-testid="roster-changed"]', "data-count")).toBe("1");
    expect((await call<Duty>(`/api/duty?date=${first}`)).body.entries).toEqual([]);
    expect((await call<Duty>(`/api/duty?date=${second}`)).body.entries.map((e) => e.officer.id)).toEqual([kept.id]);
    await page.waitForTimeout(400);
    await shot(page, "roster-7-day-failed-zh-CN");
    await context.close();
  });

  it("the roster reads in English", { timeout: 60_000 }, async () => {
    const { context, page, consoleErrors } = await openBoard(browser, base, { username: "admin", viewport: VIEWPORT, locale: "en" });
    await page.goto(`${base}/admin/roster`);
    await page.waitForSelector('[data-testid="roster-page"][data-loaded="true"]');
    expect(await page.textContent('[data-testid="roster-page"]')).toContain("Copy last week");
    await shot(page, "roster-5-week-en");
    await page.click('[data-testid="roster-next"]');
    await page.click('[data-testid="roster-next"]');
    await page.waitForSelector('[data-testid="roster-page"][data-loaded="true"]');
    expect(await page.textContent('[data-testid="roster-warnings"]')).toContain("no commander");
    await shot(page, "roster-6-saved-week-en");
    expect(pageErrors(consoleErrors)).toEqual([]);
    await context.close();
  });
});
