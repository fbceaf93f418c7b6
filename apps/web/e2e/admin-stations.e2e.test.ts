// The administrators' stations, officers, reinforcement groups and county workbook pages in Chromium
// (issue 12, items 1 and 3). An administrator adds a station placed by a click on the form's map; an
// officer of it, after a birth year and a phone the shared schema refuses (in Chinese, beside their
// fields) and a taken badge number (refused in Chinese); the station, still holding that officer, is
// refused deletion naming them. A reinforcement group is set up and a unit put in it. A workbook with
// planted errors is refused with every error listed by sheet, row and column (nothing written); the
// county's own export goes in with no changes. In English: the pages, a field error, the workbook's
// errors, and an officer whom history names retired (and said so). Screenshots: test-results/admin-stations-*.png.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Officer, Station } from "@onemap/shared";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root, signIn } from "../../api/test/process";
import { closeContext, openBoard, startBoardServer, stepLog } from "./board-page";
import { launch } from "./browser";

const shots = join(root, "test-results");
const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `admin-stations-${name}.png`) });
const VIEWPORT = { width: 1366, height: 768 };
/** an input by its test id: on the input itself, or on the wrapper antd puts it on */
const input = (id: string) => `input[data-testid="${id}"], [data-testid="${id}"] input`;
/** the error shown beside a form field */
const fieldError = (page: Page, id: string) => page.locator(`.ant-form-item:has([data-testid="${id}"]) .ant-form-item-explain-error`);
const pageErrors = (errors: string[]) => errors.filter((e) => !e.startsWith("Failed to load resource"));

/** picks an option of an antd Select by typing part of its label */
async function choose(page: Page, selectId: string, text: string) {
  await page.click(`[data-testid="${selectId}"]`);
  await page.keyboard.type(text);
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option:has-text("${text}")`).first().click();
}

describe("the administrators' stations, officers, groups and county workbook pages in Chromium", () => {
  let server: Awaited<ReturnType<typeof startBoardServer>> | undefined;
  let base = "";
  let browser: Browser;
  let admin = "";
  const get = async <T>(path: string) => (await (await fetch(`${base}${path}`, { headers: { cookie: admin } })).json()) as T;
  const query = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => {
    if (!server) throw new Error("no server");
    return server.query<T>(sql, params);
  };
  /** the county's own export, as the page downloads it */
  const exportWorkbook = async () =>
    Buffer.from(await (await fetch(`${base}/api/county/export`, { headers: { cookie: admin } })).arrayBuffer());

  /** the export with three errors planted: a birth year in words, a bad phone, a latitude beyond 90 */
  const plantErrors = async (good: Buffer) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(good as unknown as ArrayBuffer);
    const officers = book.getWorksheet("警员");
    const stations = book.getWorksheet("派出所及内设机构");
    if (!officers || !stations) throw new Error("the export lacks its sheets");
    const column = (sheet: ExcelJS.Worksheet, header: string) => {
      let at = 0;
      sheet.getRow(1).eachCell((cell, n) => {
        if (cell.text === header) at = n;
      });
      return at;
    };
    officers.getRow(3).getCell(column(officers, "出生年份")).value = "一九八五";
    officers.getRow(4).getCell(column(officers, "电话")).value = "电话!";
    stations.getRow(2).getCell(column(stations, "纬度")).value = 123;
    return Buffer.from(await book.xlsx.writeBuffer());
  };

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

  it("a station placed on the map, its officer after refusals in Chinese, the station's deletion refused naming them; a group with a unit; a workbook's errors", {
    timeout: 240_000,
  }, async () => {
    const step = stepLog();
    const { context, page, consoleErrors } = await openBoard(browser, base, { username: "admin", viewport: VIEWPORT });
    await page.click('[data-testid="admin-open"]');
    await page.click('[data-testid="admin-menu-stations"]');
    await page.waitForSelector('[data-testid="station-row"]');
    expect(new URL(page.url()).pathname).toBe("/admin/stations");
    await shot(page, "1-stations-zh-CN");

    step("a station: a bad phone refused beside its field, its place clicked on the map");
    await page.click('[data-testid="station-add"]');
    await page.fill(input("station-code"), "E2E-01");
    await page.fill(input("station-name"), "测试派出所");
    await page.fill(input("station-phone"), "电话!");
    await page.click('[data-testid="station-save"]');
    await expect.poll(() => fieldError(page, "station-phone").textContent()).toContain("电话号码只能包含数字");
    expect(await fieldError(page, "station-lat").textContent()).toContain("必填");
    await page.click('[data-testid="station-map"]', { position: { x: 180, y: 90 } });
    await expect.poll(async () => Number(await page.inputValue(input("station-lat")))).toBeGreaterThan(30);
    const lat = Number(await page.inputValue(input("station-lat")));
    const lon = Number(await page.inputValue(input("station-lon")));
    expect(lon).toBeGreaterThan(105);
    await page.waitForTimeout(300);
    await shot(page, "2-station-form-refused-zh-CN");
    await page.fill(input("station-phone"), "0817-1234567");
    await page.click('[data-testid="station-save"]');
    await page.waitForSelector('.ant-message-notice:has-text("已新增 测试派出所")');
    const station = (await get<Station[]>("/api/stations?q=E2E-01"))[0];
    expect(station).toMatchObject({ code: "E2E-01", name: "测试派出所", phone: "0817-1234567", lat, lon });
    if (!station) throw new Error("the station was not saved");

    step("an officer of it: a birth year refused, then saved; a taken badge number refused");
    await page.click('[data-testid="admin-menu-officers"]');
    await page.waitForSelector('[data-testid="officer-row"]');
    await choose(page, "officers-station", "测试派出所");
    await expect.poll(() => page.locator('[data-testid="officer-row"]').count()).toBe(0);
    await page.click('[data-testid="officer-add"]');
    await page.fill(input("officer-badge"), "E2E0001");
    await page.fill(input("officer-name"), "测试警员");
    await page.fill(input("officer-title"), "社区民警");
    await page.fill(input("officer-birth-year"), "1800");
    await page.click('[data-testid="officer-save"]');
    await expect.poll(() => fieldError(page, "officer-birth-year").textContent()).toMatch(/1900/);
    expect(await fieldError(page, "officer-birth-year").textContent()).toMatch(/[\u4e00-\u9fff]/);
    await shot(page, "3-officer-refused-zh-CN");
    await page.fill(input("officer-birth-year"), "1990");
    await page.click('[data-testid="officer-save"]');
    await page.waitForSelector('.ant-message-notice:has-text("已新增 测试警员")');
    await page.waitForSelector('[data-testid="officer-row"][data-badge="E2E0001"]');
    const [officer] = await get<Officer[]>(`/api/officers?station=${station.id}`);
    expect(officer).toMatchObject({ badgeNo: "E2E0001", name: "测试警员", birthYear: 1990, title: "社区民警", stationId: station.id });

    const [taken] = await get<Officer[]>("/api/officers?limit=1&sort=badgeNo");
    if (!taken) throw new Error("no officer in the county");
    await page.click('[data-testid="officer-add"]');
    await page.fill(input("officer-badge"), taken.badgeNo);
    await page.fill(input("officer-name"), "重号警员");
    await page.fill(input("officer-birth-year"), "1991");
    await page.click('[data-testid="officer-save"]');
    await expect.poll(() => fieldError(page, "officer-badge").textContent()).toContain(`警号 ${taken.badgeNo} 已被使用`);
    await page.waitForTimeout(300);
    await shot(page, "4-badge-taken-zh-CN");
    await page.click('.ant-modal:has([data-testid="officer-form"]) .ant-modal-footer .ant-btn:not(.ant-btn-primary)');
    expect(await get<Officer[]>(`/api/officers?station=${station.id}`)).toHaveLength(1);

    step("the station, still holding its officer: refused, naming them");
    await page.click('[data-testid="admin-menu-stations"]');
    await page.fill('[data-testid="stations-search"] input', "E2E-01");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator('[data-testid="station-row"]').count()).toBe(1);
    await page.click('[data-testid="station-row"][data-code="E2E-01"] [data-testid="station-remove"]');
    await page.click('[data-testid="station-remove-ok"]');
    const refusal = page.locator('[data-testid="stations-refusal"]');
    await expect.poll(() => refusal.textContent()).toContain("测试派出所 仍有警员 1 名（测试警员），不能删除");
    await page.waitForTimeout(500);
    await shot(page, "5-station-in-use-zh-CN");
    expect(await get<Station[]>("/api/stations?q=E2E-01")).toHaveLength(1);

    step("a reinforcement group set up, and a unit put in it");
    // a county whose HQ reserve is not set up yet
    await query(
      `UPDATE "Unit" SET "reinforcementGroupId" = NULL WHERE "reinforcementGroupId" IN (SELECT id FROM "ReinforcementGroup" WHERE kind = 'HQ_RESERVE')`,
    );
    await query(`DELETE FROM "ReinforcementGroup" WHERE kind = 'HQ_RESERVE'`);
    const [free] = await query<{ callsign: string }>(
      `SELECT callsign FROM "Unit" WHERE "reinforcementGroupId" IS NULL AND "retiredAt" IS NULL ORDER BY callsign LIMIT 1`,
    );
    if (!free) throw new Error("no unit outside the groups");
    await page.click('[data-testid="admin-menu-reinforcement"]');
    await expect.poll(() => page.locator('[data-testid="group-row"]').count()).toBe(2);
    await page.click('[data-testid="group-add"]');
    await page.fill(input("group-name"), "机关预备队（测试）");
    await page.click('[data-testid="group-save"]');
    await page.waitForSelector('[data-testid="group-row"][data-kind="HQ_RESERVE"]');
    await page.click('[data-testid="group-row"][data-kind="HQ_RESERVE"] [data-testid="group-edit"]');
    await page.click('[data-testid="group-unit-picker"]');
    await page.keyboard.type(free.callsign);
    await page.locator(`.ant-select-dropdown:visible .ant-select-item-option:has-text("${free.callsign}")`).first().click();
    await page.click('[data-testid="group-unit-join"]');
    await page.waitForSelector(`[data-testid="group-unit-row"][data-callsign="${free.callsign}"]`);
    await page.waitForTimeout(300);
    await shot(page, "6-group-zh-CN");
    const [member] = await query<{ kind: string }>(
      `SELECT g.kind FROM "Unit" u JOIN "ReinforcementGroup" g ON g.id = u."reinforcementGroupId" WHERE u.callsign = $1`,
      [free.callsign],
    );
    expect(member?.kind).toBe("HQ_RESERVE");
    await page.click('.ant-modal:has([data-testid="group-form"]) .ant-modal-footer .ant-btn:not(.ant-btn-primary)');
    await expect
      .poll(() => page.textContent('[data-testid="group-row"][data-kind="HQ_RESERVE"] [data-testid="group-unit-count"]'))
      .toBe("1 个");

    step("a workbook with planted errors: every one listed, nothing written; the export: no changes");
    const good = await exportWorkbook();
    const bad = await plantErrors(good);
    const countBefore = await query<{ n: string }>(`SELECT count(*)::text AS n FROM "AuditEvent" WHERE action = 'county.import'`);

    await page.click('[data-testid="admin-menu-county"]');
    await page.setInputFiles('[data-testid="county-page"] input[type="file"]', {
      name: "坏的.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: bad,
    });
    await page.waitForSelector('[data-testid="county-refusal"]');
    expect(await page.textContent('[data-testid="county-refusal"]')).toContain("未写入任何数据");
    const issues = await page.$$eval('[data-testid="county-issue"]', (rows) =>
      rows.map((r) => ({
        sheet: r.getAttribute("data-sheet"),
        row: r.getAttribute("data-row"),
        column: r.getAttribute("data-column"),
        text: r.textContent,
      })),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: "警员", row: "3", column: "出生年份" }),
        expect.objectContaining({ sheet: "警员", row: "4", column: "电话" }),
        expect.objectContaining({ sheet: "派出所及内设机构", row: "2", column: "纬度" }),
      ]),
    );
    expect(issues.find((i) => i.column === "电话")?.text).toContain("电话号码只能包含数字");
    expect(issues.find((i) => i.column === "出生年份")?.text).toContain("不是数字");
    await shot(page, "7-workbook-refused-zh-CN");
    expect(await query(`SELECT count(*)::text AS n FROM "AuditEvent" WHERE action = 'county.import'`)).toEqual(countBefore);

    await page.setInputFiles('[data-testid="county-page"] input[type="file"]', {
      name: "县局资源.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: good,
    });
    await page.waitForSelector('[data-testid="county-no-changes"]');
    expect(await page.textContent('[data-testid="county-no-changes"]')).toContain("没有任何变化");
    await shot(page, "8-workbook-no-changes-zh-CN");
    expect(pageErrors(consoleErrors)).toEqual([]);
    await closeContext(context);
  });

  it("the four pages in English", { timeout: 120_000 }, async () => {
    const { context, page, consoleErrors } = await openBoard(browser, base, { username: "admin", viewport: VIEWPORT, locale: "en" });
    await page.click('[data-testid="admin-open"]');
    await page.click('[data-testid="admin-menu-stations"]');
    await page.waitForSelector('[data-testid="station-row"]');
    expect(await page.textContent('[data-testid="stations-page"]')).toContain("Police station");
    await shot(page, "1-stations-en");
    await page.click('[data-testid="station-row"] [data-testid="station-edit"]');
    await page.fill(input("station-phone"), "bad phone!");
    await page.click('[data-testid="station-save"]');
    await expect.poll(() => fieldError(page, "station-phone").textContent()).toMatch(/digits/i);
    await page.waitForTimeout(300);
    await shot(page, "2-station-form-en");
    await page.click('.ant-modal:has([data-testid="station-form"]) .ant-modal-footer .ant-btn:not(.ant-btn-primary)');

    await page.click('[data-testid="admin-menu-officers"]');
    await page.waitForSelector('[data-testid="officer-row"]');
    await shot(page, "3-officers-en");
    // an officer whom history names (a crew), holding nothing: retired, and said so
    const [crew] = await query<{ badgeNo: string; name: string }>(
      `SELECT o."badgeNo", o.name FROM "Officer" o WHERE o."retiredAt" IS NULL
         AND EXISTS (SELECT 1 FROM "UnitMember" m WHERE m."officerId" = o.id)
         AND NOT EXISTS (SELECT 1 FROM "Unit" u WHERE u."leaderId" = o.id)
         AND NOT EXISTS (SELECT 1 FROM "Grid" g WHERE g."ownerOfficerId" = o.id)
         AND NOT EXISTS (SELECT 1 FROM "User" a WHERE a."officerId" = o.id)
       ORDER BY o."badgeNo" LIMIT 1`,
    );
    if (!crew) throw new Error("no crew-only officer");
    await page.fill('[data-testid="officers-search"] input', crew.badgeNo);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator('[data-testid="officer-row"]').count()).toBe(1);
    await page.click(`[data-testid="officer-row"][data-badge="${crew.badgeNo}"] [data-testid="officer-remove"]`);
    await page.click('[data-testid="officer-remove-ok"]');
    await page.waitForSelector(`.ant-message-notice:has-text("${crew.name} has history")`);
    await expect.poll(() => page.locator('[data-testid="officer-row"]').count()).toBe(0);
    const [gone] = await query<{ retired: boolean }>(`SELECT "retiredAt" IS NOT NULL AS retired FROM "Officer" WHERE "badgeNo" = $1`, [
      crew.badgeNo,
    ]);
    expect(gone?.retired).toBe(true);

    await page.click('[data-testid="admin-menu-reinforcement"]');
    await page.click('[data-testid="group-row"] [data-testid="group-edit"]');
    await page.waitForSelector('[data-testid="group-unit-row"]');
    await page.waitForTimeout(300);
    await shot(page, "6-group-en");
    await page.click('.ant-modal:has([data-testid="group-form"]) .ant-modal-footer .ant-btn:not(.ant-btn-primary)');

    await page.click('[data-testid="admin-menu-county"]');
    // the template and the export: downloads, each a workbook
    for (const [button, file] of [
      ["county-template", "county-template.xlsx"],
      ["county-export", "county-export.xlsx"],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent("download"), page.click(`[data-testid="${button}"]`)]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const saved = join(shots, `admin-stations-${file}`);
      await download.saveAs(saved);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(saved);
      expect(book.getWorksheet("警员")?.getRow(1).getCell(1).text).toBe("警号");
    }
    await page.setInputFiles('[data-testid="county-page"] input[type="file"]', {
      name: "bad.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await plantErrors(await exportWorkbook()),
    });
    await page.waitForSelector('[data-testid="county-issue"]');
    expect(await page.textContent('[data-testid="county-refusal"]')).toContain("nothing was written");
    expect(await page.textContent('[data-testid="county-refused"]')).toContain("Not a number");
    await shot(page, "7-county-en");
    expect(pageErrors(consoleErrors)).toEqual([]);
    await closeContext(context);
  });
});
