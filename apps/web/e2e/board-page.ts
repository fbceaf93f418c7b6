// What every board e2e test does first: open a context in a language and a size, sign in through the
// form, and wait until the board is ready and live (console errors collected for the tests that assert
// there are none) — on a server of its own over a fresh copy of the demo county.
import { join } from "node:path";
import { createTestDatabase } from "@onemap/db/testing";
import pg from "pg";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { expect, onTestFailed } from "vitest";
import { freePort, root, startServer, waitFor } from "../../api/test/process";

export interface OpenBoardOptions {
  username: string;
  password?: string;
  viewport?: { width: number; height: number };
  locale?: "zh-CN" | "en";
}

/** how long one Playwright action or wait may take unless the test says otherwise */
export const ACTION_TIMEOUT_MS = 30_000;

/**
 * Notes the steps of a long test with the time each began, and prints them if the test fails — so a
 * timeout on a loaded CI machine says where the time went.
 */
export function stepLog(): (name: string) => void {
  const started = Date.now();
  const steps: string[] = [];
  onTestFailed(() => {
    process.stderr.write(`steps before the failure (ms from the start):\n${steps.join("\n")}\n`);
  });
  return (name) => {
    steps.push(`${String(Date.now() - started).padStart(6)}  ${name}`);
  };
}

export async function openBoard(
  browser: Browser,
  base: string,
  { username, password, viewport = { width: 1500, height: 900 }, locale = "zh-CN" }: OpenBoardOptions,
): Promise<{ context: BrowserContext; page: Page; consoleErrors: string[] }> {
  const context = await browser.newContext({ viewport, locale });
  const page = await context.newPage();
  // a step that hangs fails by its own name, well inside the test's time, rather than as the test's timeout
  page.setDefaultTimeout(ACTION_TIMEOUT_MS);
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  if (locale === "en") await page.addInitScript(() => localStorage.setItem("onemap.language", "en"));
  await page.goto(base);
  await signInOnPage(page, username, password);
  return { context, page, consoleErrors };
}

/** the sign-in form, then a ready, live board */
export async function signInOnPage(page: Page, username: string, password = "onemap"): Promise<void> {
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
  await page.waitForSelector('[data-testid="board"][data-ready="true"]');
  await page.waitForSelector('[data-testid="connection"][data-state="live"]');
}

/**
 * A server of its own on a free port, over a fresh copy of the demo county, serving the built board —
 * from apps/web, or from E2E_WEB_ROOT when set (a board built elsewhere with `vite build --outDir`, so a
 * rebuild in the checkout cannot pull it away from a running test).
 */
export async function startBoardServer(
  env: Record<string, string>,
  board: "dist" | "dist-test" = "dist",
  /** the demo county, or a database with the schema and nothing in it */
  database: "county" | "empty" = "county",
) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const databaseUrl = await createTestDatabase(database);
  const server = startServer({
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    WEB_DIST: join(process.env.E2E_WEB_ROOT ?? join(root, "apps/web"), board),
    ...env,
  });
  await waitFor(async () => (await fetch(`${base}/api/health`)).ok, "the server", server.output);
  return {
    base,
    databaseUrl,
    /** rows of one query, on a connection of its own */
    async query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        return (await client.query<T>(sql, params)).rows;
      } finally {
        await client.end();
      }
    },
    async stop() {
      server.child.kill("SIGTERM");
      await server.exited;
    },
  };
}

/**
 * Closes a test's browser context, waiting at most 10 s. After every assertion of the desk's last test
 * had passed, Chromium's context close was seen to hang here (3 runs in 5, on a loaded 2-core machine);
 * the browser itself is closed after the file, so a context left open costs nothing.
 */
export async function closeContext(context: BrowserContext): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([context.close(), new Promise<void>((resolve) => (timer = setTimeout(resolve, 10_000)))]);
  clearTimeout(timer);
}

/**
 * Picks an option of an antd Select: opens it, types `typed` (replacing what an earlier pick left) when
 * given, and clicks the option whose text holds `label` — in this Select's own dropdown. A dropdown
 * closed a moment ago stays in the page while it animates out, and may hold the same option (picked
 * there): matching any open-looking dropdown clicked that one. A multiple Select stays open: call again
 * with `open: false` for its next pick.
 */
export async function pickOption(
  page: Page,
  select: Locator,
  label: string,
  { typed, open = true }: { typed?: string; open?: boolean } = {},
): Promise<void> {
  if (open) await select.click();
  const input = select.locator("input").first();
  await expect.poll(() => input.getAttribute("aria-controls")).toBeTruthy();
  const list = await input.getAttribute("aria-controls");
  if (typed !== undefined) {
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type(typed);
  }
  const option = page.locator(`.ant-select-dropdown:has([id="${list}"]) .ant-select-item-option:has-text("${label}")`).first();
  await option.waitFor();
  // the list is re-rendered as the server's answers to the typing arrive, which Playwright's "stable"
  // check can keep waiting on: the click goes to the option as it is
  await option.click({ force: true });
}
