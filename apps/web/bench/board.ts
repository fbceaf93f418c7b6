// npm run bench:board — the board in headless Chromium against the real server, with 2,000 units
// reporting every second, 368 cameras and 18 grids. Measured in one run, beside the empty map (every
// layer switched off, same page, same socket traffic):
//   - frame time while panning by mouse drag (p50/p95/max), with vsync off so a frame costs what it costs;
//   - the time to apply one 1,000-unit positions frame (store + redraw of the units layer);
//   - DOM mutations caused by a positions frame (markers are moved on a canvas, never re-created);
//   - time from navigation to an interactive board (snapshot loaded, map drawn).
// Targets (issue 5): p95 frame ≤ 16.7 ms and ≤ empty + 4 ms; 1,000-unit frame ≤ 4 ms; interactive < 1 s.
import { createHash } from "node:crypto";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { addBenchUnits, openBenchDatabase } from "../../api/bench/database";
import { ms, summarize } from "../../api/bench/stats";
import { freePort, root, startServer, waitFor } from "../../api/test/process";
import { launch } from "../e2e/browser";

const UNITS = Number(process.env.BENCH_UNITS ?? 2000);
const PAN_ROUNDS = 3;

const bench = await openBenchDatabase();
await addBenchUnits(bench.db, UNITS);
const devices = (await bench.db.device.findMany({ select: { identifier: true, unit: { select: { lastLat: true, lastLon: true } } } })).map(
  (d, i) => ({ deviceId: d.identifier, lat: d.unit.lastLat ?? 31.03, lon: d.unit.lastLon ?? 106.41, heading: (i * 37) % 360 }),
);
// the generator reports for every unit through one gateway, as a vehicle-terminal platform would
const gatewayToken = "bench-gateway-token";
await bench.db.gateway.create({
  data: { id: "gw-bench", name: "bench", tokenHash: createHash("sha256").update(gatewayToken).digest("hex") },
});
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = startServer({
  DATABASE_URL: bench.databaseUrl,
  PORT: String(port),
  // the test build (npm run build:test): the production board plus the page hooks measured through
  WEB_DIST: join(root, "apps/web/dist-test"),
  SIMULATOR: "false",
  TILE_URL: "",
  LOG_LEVEL: "warn",
});
await waitFor(async () => (await fetch(`${base}/api/health`)).ok, "the server", server.output);

// every unit reports once a second, moving ~10 m along its heading
let generating = true;
const generator = (async () => {
  while (generating) {
    const started = Date.now();
    for (const d of devices) {
      const a = (d.heading * Math.PI) / 180;
      d.lat += Math.cos(a) * 0.00009;
      d.lon += Math.sin(a) * 0.0001;
      if (Math.abs(d.lat - 31.03) > 0.02 || Math.abs(d.lon - 106.41) > 0.03) d.heading = (d.heading + 180) % 360;
    }
    for (let i = 0; i < devices.length; i += 1000) {
      const positions = devices
        .slice(i, i + 1000)
        .map((d) => ({ deviceId: d.deviceId, lat: d.lat, lon: d.lon, heading: d.heading, speed: 36, fixAt: Date.now() }));
      await fetch(`${base}/api/devices/positions`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${gatewayToken}` },
        body: JSON.stringify({ positions }),
      });
    }
    await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (Date.now() - started))));
  }
})();

const browser = await launch(["--disable-gpu-vsync", "--disable-frame-rate-limit"]);
const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
// tsx names the functions it compiles with a helper the page does not have
await page.addInitScript({ content: "window.__name = (f) => f;" });
await page.goto(base);
await page.fill('input[name="username"]', "operator");
await page.fill('input[name="password"]', "onemap");
await page.click('button[type="submit"]');
await page.waitForSelector('[data-testid="board"][data-ready="true"]');
await waitFor(
  async () => (await page.evaluate(() => window.__onemap?.unitCount() ?? 0)) >= UNITS * 0.95,
  "units drawn",
  () => "",
);

async function interactiveMs(): Promise<number> {
  await page.reload();
  await page.waitForSelector('[data-testid="board"][data-ready="true"]');
  await waitFor(
    async () => (await page.evaluate(() => window.__onemap?.unitCount() ?? 0)) >= UNITS * 0.95,
    "units drawn",
    () => "",
  );
  return page.evaluate(() => performance.getEntriesByName("onemap:interactive")[0]?.startTime ?? Number.NaN);
}

async function panFrames(p: Page): Promise<{ intervals: number[]; work: number[] }> {
  const box = await p.locator('[data-testid="map"]').boundingBox();
  if (!box) throw new Error("no map");
  await p.evaluate(() => {
    const w = window as unknown as { frames_: number[]; work_: number[]; framing: boolean };
    w.frames_ = [];
    w.work_ = [];
    w.framing = true;
    let last = performance.now();
    // the frame's main-thread work: from its animation callbacks to the first task after its rendering
    const channel = new MessageChannel();
    let frameStart = 0;
    channel.port1.onmessage = () => w.work_.push(performance.now() - frameStart);
    const loop = (t: number) => {
      w.frames_.push(t - last);
      last = t;
      frameStart = performance.now();
      channel.port2.postMessage(0);
      if (w.framing) requestAnimationFrame(loop);
    };
    requestAnimationFrame((t) => {
      last = t;
      requestAnimationFrame(loop);
    });
  });
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (let round = 0; round < PAN_ROUNDS; round++) {
    await p.mouse.move(cx, cy);
    await p.mouse.down();
    for (let i = 1; i <= 120; i++) {
      const dir = round % 2 === 0 ? 1 : -1;
      await p.mouse.move(cx + dir * i * 3, cy + dir * i * 1.5);
      await p.waitForTimeout(8);
    }
    await p.mouse.up();
    await p.waitForTimeout(200);
  }
  return p.evaluate(() => {
    const w = window as unknown as { frames_: number[]; work_: number[]; framing: boolean };
    w.framing = false;
    return { intervals: w.frames_, work: w.work_ };
  });
}

async function applyFrames(p: Page): Promise<{ times: number[]; mutations: number }> {
  return p.evaluate(() => {
    const hooks = window.__onemap;
    if (!hooks) throw new Error("no hooks");
    const ids = hooks
      .units()
      .map((u) => u.id)
      .slice(0, 1000);
    let mutations = 0;
    const observer = new MutationObserver((records) => {
      mutations += records.length;
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    const times: number[] = [];
    const t0 = Date.now() + 60_000;
    for (let f = 0; f < 60; f++) {
      const rows = ids.map(
        (id, i) =>
          [
            id,
            31.02 + ((i * 7 + f) % 100) * 0.0003,
            106.39 + ((i * 13 + f) % 100) * 0.0004,
            (i * 11) % 360,
            30,
            t0 + f * 1000,
            t0 + f * 1000,
          ] as [string, number, number, number, number, number, number],
      );
      times.push(hooks.applyFrame(rows));
    }
    observer.disconnect();
    return { times, mutations };
  });
}

const setAllLayers = (on: boolean) =>
  page.evaluate((value) => {
    for (const id of ["units", "cameras", "grids", "stations", "incidents", "lines"] as const) window.__onemap?.setLayer(id, value);
  }, on);

const interactive: number[] = [];
for (let i = 0; i < 5; i++) interactive.push(await interactiveMs());

const fullFrames: number[] = [];
const emptyFrames: number[] = [];
const fullWork: number[] = [];
const emptyWork: number[] = [];
for (let i = 0; i < 2; i++) {
  await setAllLayers(true);
  await page.waitForTimeout(1000);
  const cdp = process.env.BENCH_PROFILE ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.start");
  }
  const f = await panFrames(page);
  if (cdp) {
    const { profile } = await cdp.send("Profiler.stop");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(process.env.BENCH_PROFILE as string, JSON.stringify(profile));
  }
  fullFrames.push(...f.intervals);
  fullWork.push(...f.work);
  await setAllLayers(false);
  await page.waitForTimeout(1000);
  const e = await panFrames(page);
  emptyFrames.push(...e.intervals);
  emptyWork.push(...e.work);
}
await setAllLayers(false);
const emptyApply = await applyFrames(page);
await setAllLayers(true);
await page.waitForTimeout(1000);
const fullApply = await applyFrames(page);
const drawn = await page.evaluate(() => window.__onemap?.unitCount() ?? 0);
const counts = await page.evaluate(() => window.__onemap?.counts());

generating = false;
await generator;
await browser.close();
server.child.kill("SIGTERM");
await server.exited;
await bench.close();

const full = summarize(fullFrames);
const empty = summarize(emptyFrames);
const fullW = summarize(fullWork);
const emptyW = summarize(emptyWork);
const applyFull = summarize(fullApply.times);
const applyEmpty = summarize(emptyApply.times);
const load = summarize(interactive);
const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
console.log(
  `\nbench:board — ${drawn} units drawn (${UNITS} reporting every second), ${counts?.cameras} cameras, ${counts?.grids} grids, zoom ${counts?.zoom}, 1600×900`,
);
console.log("frame interval while panning (rAF to rAF)   p50        p95        max   frames");
console.log(
  `  full board                          ${ms(full.p50).padStart(10)} ${ms(full.p95).padStart(10)} ${ms(full.max).padStart(10)}   ${full.n}`,
);
console.log(
  `  empty map (baseline)                ${ms(empty.p50).padStart(10)} ${ms(empty.p95).padStart(10)} ${ms(empty.max).padStart(10)}   ${empty.n}`,
);
console.log(
  `  p95 ${ms(full.p95)} ≤ 16.7 ms: ${verdict(full.p95 <= 16.7)}${empty.p95 > 16.7 ? ` (nor is the empty map's: headless Chromium paces frames at 60 Hz with ~1 ms jitter)` : ""}; ${ms(full.p95 - empty.p95)} above the empty map (≤ 4 ms): ${verdict(full.p95 - empty.p95 <= 4)}`,
);
console.log("main-thread work per frame while panning        p50        p95        max");
console.log(
  `  full board                          ${ms(fullW.p50).padStart(10)} ${ms(fullW.p95).padStart(10)} ${ms(fullW.max).padStart(10)}`,
);
console.log(
  `  empty map (baseline)                ${ms(emptyW.p50).padStart(10)} ${ms(emptyW.p95).padStart(10)} ${ms(emptyW.max).padStart(10)}`,
);
console.log(
  `  p95 ${ms(fullW.p95)} ≤ 16.7 ms (the frame budget): ${verdict(fullW.p95 <= 16.7)}; ${ms(fullW.p95 - emptyW.p95)} above the empty map (≤ 4 ms): ${verdict(fullW.p95 - emptyW.p95 <= 4)}`,
);
console.log("apply one 1,000-unit positions frame         p50        p95        max");
console.log(
  `  full board (store + redraw)         ${ms(applyFull.p50).padStart(10)} ${ms(applyFull.p95).padStart(10)} ${ms(applyFull.max).padStart(10)}`,
);
console.log(
  `  empty map (store only)              ${ms(applyEmpty.p50).padStart(10)} ${ms(applyEmpty.p95).padStart(10)} ${ms(applyEmpty.max).padStart(10)}`,
);
console.log(`  p95 ${ms(applyFull.p95)} ≤ 4 ms: ${verdict(applyFull.p95 <= 4)}; DOM mutations caused by 60 frames: ${fullApply.mutations}`);
console.log(`time to an interactive board (5 loads)   p50 ${ms(load.p50)}  max ${ms(load.max)}  (< 1000 ms: ${verdict(load.max < 1000)})`);
process.exit(0);
