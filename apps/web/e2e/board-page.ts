// What every board e2e test does first: open a context in a language and a size, sign in through the
// form, and wait until the board is ready and live. Console errors are collected for the tests that
// assert there are none.
import type { Browser, BrowserContext, Page } from "playwright-core";

export interface OpenBoardOptions {
  username: string;
  viewport?: { width: number; height: number };
  locale?: "zh-CN" | "en";
}

export async function openBoard(
  browser: Browser,
  base: string,
  { username, viewport = { width: 1500, height: 900 }, locale = "zh-CN" }: OpenBoardOptions,
): Promise<{ context: BrowserContext; page: Page; consoleErrors: string[] }> {
  const context = await browser.newContext({ viewport, locale });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  if (locale === "en") await page.addInitScript(() => localStorage.setItem("onemap.language", "en"));
  await page.goto(base);
  await signInOnPage(page, username);
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
