// The administrators' area in Chromium (issue 12, items 1 and 7): an administrator opens 管理 from the
// board's header and reads the audit — their own sign-in on top, filtered by an action, paged, a change
// opened, the filtered entries downloaded as an .xlsx that holds them; an operator sees no link and is
// shown the board at /admin. Screenshots go to test-results/admin-*.png.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root, signIn } from "../../api/test/process";
import { readAuditWorkbook } from "../../api/test/xlsx";
import { openBoard, startBoardServer } from "./board-page";
import { launch } from "./browser";

const shots = join(root, "test-results");
const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `admin-${name}.png`) });
const VIEWPORT = { width: 1366, height: 768 };

const rowActions = (page: Page) =>
  page.$$eval('[data-testid="audit-row"] [data-testid="audit-action"]', (els) => els.map((e) => e.getAttribute("data-action")));
const rowIds = (page: Page) => page.$$eval('[data-testid="audit-row"]', (els) => els.map((e) => e.getAttribute("data-id")));
/** errors of the page itself: the map tiles (no internet here) and the first "who am I" (401) are loads the board expects to fail */
const pageErrors = (errors: string[]) => errors.filter((e) => !e.startsWith("Failed to load resource"));
/** picks an option of an antd Select by its label */
async function choose(page: Page, select: string, label: string, { search = false } = {}) {
  await page.click(select);
  // the list draws only the options in view: a searchable one is narrowed to the label first
  if (search) await page.keyboard.type(label);
  await page.click(`.ant-select-dropdown:visible .ant-select-item-option-content:text-is("${label}")`);
  // closed again before the next step (or screenshot) looks at the table beneath it
  await expect.poll(() => page.locator(".ant-select-dropdown:visible").count()).toBe(0);
}

describe("the administrators' area in Chromium", () => {
  let server: Awaited<ReturnType<typeof startBoardServer>> | undefined;
  let base = "";
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await startBoardServer({ LOGIN_RATE_LIMIT_PER_MINUTE: "1000" });
    base = server.base;
    // more than a page of entries (50): sign-ins of the operator, and one change with a before and an after
    for (let i = 0; i < 60; i++) await signIn(base, "operator");
    const leader = await signIn(base, "leader");
    const posture = await fetch(`${base}/api/posture`, {
      method: "PUT",
      headers: { cookie: leader, "content-type": "application/json" },
      body: JSON.stringify({ level: "LEVEL_III", reason: "节日安保" }),
    });
    expect(posture.status).toBe(200);
    browser = await launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("an administrator opens 管理, reads, filters and pages the audit, and downloads what they filtered", { timeout: 90_000 }, async () => {
    const { context, page, consoleErrors } = await openBoard(browser, base, { username: "admin", viewport: VIEWPORT });
    await shot(page, "0-board-header-zh-CN");
    await page.click('[data-testid="admin-open"]');
    await page.waitForSelector('[data-testid="audit-row"]');
    expect(new URL(page.url()).pathname).toBe("/admin");
    expect(await page.textContent('[data-testid="admin-area"] .ant-menu')).toContain("审计日志");
    // their own sign-in, a moment ago, is on top, in words and in China time
    const top = page.locator('[data-testid="audit-row"]').first();
    expect(await top.getAttribute("data-id")).toBeTruthy();
    expect((await rowActions(page))[0]).toBe("auth.login");
    expect(await top.textContent()).toContain("admin");
    expect(await top.textContent()).toContain("登录");
    const shown = await top.locator("td").nth(1).textContent();
    const chinaNow = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(new Date());
    expect(shown).toContain(chinaNow);
    await shot(page, "1-audit-zh-CN");

    // pages: 50 a page, older entries on the next, back again
    const first = await rowIds(page);
    expect(first).toHaveLength(50);
    await page.click('[data-testid="audit-next"]');
    await expect.poll(() => page.getAttribute('[data-testid="audit-page"]', "data-page")).toBe("2");
    await expect.poll(async () => (await rowIds(page))[0]).not.toBe(first[0]);
    const second = await rowIds(page);
    expect(Number(second[0])).toBeLessThan(Number(first.at(-1)));
    await page.click('[data-testid="audit-prev"]');
    await expect.poll(async () => (await rowIds(page))[0]).toBe(first[0]);

    // one action: the posture change alone, its before and after opened
    await choose(page, '[data-testid="audit-action-filter"]', "调整县局态势", { search: true });
    await expect.poll(() => rowActions(page)).toEqual(["posture.changed"]);
    await page.click('[data-testid="audit-row"] .ant-table-row-expand-icon');
    const change = await page.waitForSelector('[data-testid="audit-change"]');
    expect(await change.textContent()).toContain("节日安保");
    expect(await change.textContent()).toContain("ROUTINE");
    // the expand icon's turn, finished
    await page.waitForTimeout(400);
    await shot(page, "2-audit-posture-open-zh-CN");

    // the export takes the filters: the sign-ins alone, every one of them
    await choose(page, '[data-testid="audit-action-filter"]', "登录", { search: true });
    await expect.poll(async () => new Set(await rowActions(page))).toEqual(new Set(["auth.login"]));
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="audit-export"]')]);
    expect(download.suggestedFilename()).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = await readAuditWorkbook(readFileSync(await download.path()));
    expect(file.header[5]).toBe("操作");
    // 60 of the operator, one of the leader, one of the administrator
    expect(file.data).toHaveLength(62);
    expect(new Set(file.data.map((r) => r[6]))).toEqual(new Set(["auth.login"]));
    expect(file.data[0]?.[2]).toBe("admin");

    // back to the board, and the browser's back button returns to the audit
    await page.click('[data-testid="admin-back"]');
    await page.waitForSelector('[data-testid="board"][data-ready="true"]');
    expect(new URL(page.url()).pathname).toBe("/");
    await page.goBack();
    await page.waitForSelector('[data-testid="audit-log"]');
    expect(pageErrors(consoleErrors)).toEqual([]);
    await context.close();
  });

  it("reads in English, opened at /admin directly", { timeout: 60_000 }, async () => {
    const { context, page, consoleErrors } = await openBoard(browser, base, { username: "admin", viewport: VIEWPORT, locale: "en" });
    await page.goto(`${base}/admin`);
    await page.waitForSelector('[data-testid="audit-row"]');
    expect(await page.textContent('[data-testid="admin-area"]')).toContain("Audit log");
    expect(await page.locator('[data-testid="audit-row"]').first().textContent()).toContain("Signed in");
    await shot(page, "3-audit-en");
    await choose(page, '[data-testid="audit-group"]', "County posture");
    await expect.poll(() => rowActions(page)).toEqual(["posture.changed"]);
    await page.click('[data-testid="audit-row"] .ant-table-row-expand-icon');
    await page.waitForSelector('[data-testid="audit-change"]');
    await page.waitForTimeout(400);
    await shot(page, "4-audit-posture-open-en");
    expect(pageErrors(consoleErrors)).toEqual([]);
    await context.close();
  });

  it("an operator sees no 管理 link, and /admin shows them the board", { timeout: 60_000 }, async () => {
    const { context, page } = await openBoard(browser, base, { username: "operator", viewport: VIEWPORT });
    expect(await page.locator('[data-testid="admin-open"]').count()).toBe(0);
    await page.goto(`${base}/admin`);
    await page.waitForSelector('[data-testid="board"][data-ready="true"]');
    expect(await page.locator('[data-testid="admin-area"]').count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe("/");
    await shot(page, "5-operator-at-admin-zh-CN");
    await context.close();
  });
});
