// Finds a Chromium to drive: CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's own download.
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].filter(
    (p): p is string => Boolean(p),
  );
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  try {
    return chromium.executablePath();
  } catch {
    throw new Error("no Chromium found: `apt-get install chromium` (Debian) or `npx playwright install chromium`, or set CHROMIUM_PATH");
  }
}

export function launch(extraArgs: string[] = []) {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      ...extraArgs,
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
