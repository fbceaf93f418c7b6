// npm run bench:positions — live positions end to end on this machine, beside the raw ceilings
// measured in the same run:
//   A. sustained: 2,000 units, 10,000 fixes/s offered through HTTP ingest (gateway batches), 60 s,
//      20 boards connected: fixes/s stored, fix→board latency p50/p95/p99, API CPU and memory;
//   B. saturation: the same, offered as fast as the API takes it: onemap's write ceiling;
//   C. Traccar Client style: one OsmAnd request per fix;
//   raw: a bare Socket.IO server broadcasting frames of the same size to 20 clients, and raw
//        batched INSERTs of the same rows through pg.
// The API runs as its own process (as in production); the load generator is the simulator.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { freePort, repoRoot } from "@onemap/db";
import type { PositionsFrame } from "@onemap/shared";
import type pg from "pg";
import { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import { createPool } from "../src/database";
import { addBenchUnits, openBenchDatabase } from "./database";

const UNITS = 2000;
const BOARDS = 20;
const TICK_MS = 250;
const SUSTAIN_S = Number(process.env.BENCH_SUSTAIN_S ?? 60);
/**
 * longer than the API's recovery window (30 s here) plus Socket.IO's 60 s pruning interval: until then
 * the replay buffer of connection-state recovery is still filling, which is retention, not a leak
 */
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 95);
const SATURATE_S = Number(process.env.BENCH_SATURATE_S ?? 20);
const OSMAND_S = Number(process.env.BENCH_OSMAND_S ?? 20);

const fmt = (n: number, d = 0) => n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** latency histogram in 1 ms buckets (fix arrival → board receipt) */
class Histogram {
  private counts = new Float64Array(10_001);
  n = 0;
  add(ms: number) {
    const i = Math.max(0, Math.min(10_000, Math.round(ms)));
    this.counts[i] = (this.counts[i] ?? 0) + 1;
    this.n++;
  }
  pct(p: number): number {
    const want = (p / 100) * this.n;
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i] ?? 0;
      if (seen >= want) return i;
    }
    return Number.NaN;
  }
}

/** CPU seconds (user + system) and resident memory of a process, from /proc */
function sample(pid: number): { cpuS: number; rssMiB: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  const ticks = Number(stat[11]) + Number(stat[12]);
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  return { cpuS: ticks / 100, rssMiB: rss / 1024 };
}

function runSimulator(base: string, args: string[]): { child: ChildProcess; done: Promise<Record<string, number>> } {
  const child = spawn(
    join(repoRoot, "node_modules/.bin/tsx"),
    [
      "apps/simulator/src/main.ts",
      "--base",
      base,
      "--username",
      "admin",
      "--password",
      "onemap",
      "--report",
      process.env.BENCH_VERBOSE ? "2" : "0",
      ...args,
    ],
    {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let out = "";
  child.stdout?.on("data", (d) => {
    out += d;
    if (process.env.BENCH_VERBOSE) process.stderr.write(String(d));
  });
  const done = new Promise<Record<string, number>>((resolve, reject) =>
    child.once("exit", (code) =>
      code === 0 ? resolve(JSON.parse(out.split("SIMULATOR_SUMMARY ")[1] ?? "{}")) : reject(new Error(`simulator exited ${code}: ${out}`)),
    ),
  );
  return { child, done };
}

async function connectBoards(
  base: string,
  cookie: string,
  count: number,
  onFrame: (frame: PositionsFrame, now: number) => void,
): Promise<Socket[]> {
  return Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Socket>((resolve, reject) => {
          const s = connect(`${base}/board`, { transports: ["websocket"], extraHeaders: { cookie }, forceNew: true });
          s.on("units:positions", (f: PositionsFrame) => onFrame(f, Date.now()));
          s.once("board:hello", () => resolve(s));
          s.once("connect_error", reject);
        }),
    ),
  );
}

async function rowCount(pool: pg.Pool): Promise<number> {
  return Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "UnitPosition"`)).rows[0]?.n ?? 0);
}

// ---------------------------------------------------------------- database
const bench = await openBenchDatabase();
const { databaseUrl, db } = bench;
let api: ChildProcess | undefined;

try {
  await addBenchUnits(db, UNITS);
  const pool = createPool(databaseUrl, { max: 2, onIdleError: (error) => console.error(error) });

  // ---------------------------------------------------------------- the API, as its own process
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  api = spawn(process.execPath, ["--import", "tsx", "apps/api/src/server.ts"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      SIMULATOR: "false",
      DEMO: "false",
      LOG_LEVEL: "warn",
      POSITION_TICK_MS: String(TICK_MS),
      RECOVERY_WINDOW_S: "30",
      LOGIN_RATE_LIMIT_PER_MINUTE: "1000",
      // phase C sends every unit's fix four times a second: a throughput test, not a test of the per-device limit
      DEVICE_FIXES_PER_S: "1000",
      DEVICE_FIX_BURST: "1000",
      WEB_DIST: "/nonexistent",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const apiPid = api.pid ?? 0;
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await sleep(200);
  }
  const login = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "operator", password: "onemap" }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";

  const latency = { hist: new Histogram(), on: false, rows: 0, frames: 0, frameRows: [] as number[] };
  const boards = await connectBoards(base, cookie, BOARDS, (frame, now) => {
    if (!latency.on) return;
    latency.frames++;
    latency.frameRows.push(frame.units.length);
    for (const row of frame.units) latency.hist.add(now - row[6]);
    latency.rows += frame.units.length;
  });

  // ---------------------------------------------------------------- A. sustained 10,000 fixes/s
  console.log(
    `\nA. sustained: ${UNITS} units, 12,000 fixes/s offered as gateway batches of 500, ${BOARDS} boards, ${WARMUP_S} s warm-up + ${SUSTAIN_S} s measured`,
  );
  const sustained = runSimulator(base, [
    "--units",
    String(UNITS),
    "--interval",
    "166",
    "--protocol",
    "batch",
    "--batch",
    "500",
    "--concurrency",
    "256",
    "--duration",
    String(WARMUP_S + SUSTAIN_S),
  ]);
  await sleep(WARMUP_S * 1000);
  const a0 = { rows: await rowCount(pool), at: Date.now(), ...sample(apiPid) };
  latency.on = true;
  const rss: number[] = [];
  let peakRss = a0.rssMiB;
  const sampler = setInterval(() => {
    const s = sample(apiPid);
    rss.push(s.rssMiB);
    peakRss = Math.max(peakRss, s.rssMiB);
  }, 2000);
  const simA = await sustained.done;
  latency.on = false;
  clearInterval(sampler);
  const a1 = { rows: await rowCount(pool), at: Date.now(), ...sample(apiPid) };
  const aSeconds = (a1.at - a0.at) / 1000;
  const aRate = (a1.rows - a0.rows) / aSeconds;
  const aCpu = (a1.cpuS - a0.cpuS) / aSeconds;
  const firstThird = rss.slice(0, Math.max(1, Math.floor(rss.length / 3)));
  const lastThird = rss.slice(-Math.max(1, Math.floor(rss.length / 3)));
  const avg = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(xs.length, 1);
  const meanFrameRows = avg(latency.frameRows);
  const onemapLatency = { p50: latency.hist.pct(50), p95: latency.hist.pct(95), p99: latency.hist.pct(99) };
  console.log(
    `  stored          ${fmt(aRate)} fixes/s (simulator: ${fmt(simA.ok ?? 0)} acknowledged, ${fmt(simA.overloaded ?? 0)} refused 503, ${fmt(simA.deferred ?? 0)} unit reports deferred)`,
  );
  console.log(
    `  fix → board     p50 ${onemapLatency.p50} ms  p95 ${onemapLatency.p95} ms  p99 ${onemapLatency.p99} ms  (${fmt(latency.rows)} rows on ${BOARDS} boards, ${fmt(meanFrameRows)} units per frame)`,
  );
  console.log(
    `  API process     ${fmt(aCpu * 100)}% of one core; RSS ${fmt(avg(firstThird))} MiB in the first third, ${fmt(avg(lastThird))} MiB in the last, peak ${fmt(peakRss)} MiB`,
  );

  // ---------------------------------------------------------------- B. saturation
  // The boards leave first: B measures how fast onemap can take and store fixes, which is what the
  // raw INSERT ceiling is compared with (twenty boards' JSON parsing would otherwise share the cores).
  for (const b of boards) b.close();
  console.log(`\nB. saturation: the same batches offered as fast as they are taken, ${SATURATE_S} s, no boards`);
  const b0 = { rows: await rowCount(pool), at: Date.now(), ...sample(apiPid) };
  const simB = await runSimulator(base, [
    "--units",
    String(UNITS),
    "--interval",
    "10",
    "--protocol",
    "batch",
    "--batch",
    "1000",
    "--concurrency",
    "24",
    "--duration",
    String(SATURATE_S),
  ]).done;
  const b1 = { rows: await rowCount(pool), at: Date.now(), ...sample(apiPid) };
  const bRate = (b1.rows - b0.rows) / ((b1.at - b0.at) / 1000);
  const { writes } = (await (await fetch(`${base}/api/devices/ingest-stats`, { headers: { cookie } })).json()) as {
    writes: { count: number; meanFixes: number; meanMs: number; maxMs: number };
  };
  console.log(
    `  stored          ${fmt(bRate)} fixes/s (${fmt(simB.overloaded ?? 0)} refused 503); API ${fmt(((b1.cpuS - b0.cpuS) / ((b1.at - b0.at) / 1000)) * 100)}% of one core`,
  );
  console.log(
    `  writes so far   ${fmt(writes.count)}, on average ${fmt(writes.meanFixes)} fixes in ${writes.meanMs} ms each (longest ${writes.maxMs} ms)`,
  );

  // ---------------------------------------------------------------- C. one OsmAnd request per fix
  console.log(`\nC. Traccar Client style: one OsmAnd request per fix, ${UNITS} units (a connection each) every 250 ms, ${OSMAND_S} s`);
  const c0 = { rows: await rowCount(pool), at: Date.now(), ...sample(apiPid) };
  const simC = await runSimulator(base, [
    "--units",
    String(UNITS),
    "--interval",
    "250",
    "--protocol",
    "osmand",
    "--concurrency",
    "2000",
    "--duration",
    String(OSMAND_S),
  ]).done;
  const c1 = { rows: await rowCount(pool), at: Date.now(), ...sample(apiPid) };
  const cRate = (c1.rows - c0.rows) / ((c1.at - c0.at) / 1000);
  console.log(
    `  stored          ${fmt(cRate)} fixes/s (request p50 ${simC.p50Ms} ms, p99 ${simC.p99Ms} ms; ${fmt(simC.deferred ?? 0)} unit reports deferred); API ${fmt(((c1.cpuS - c0.cpuS) / ((c1.at - c0.at) / 1000)) * 100)}% of one core`,
  );

  api.kill("SIGTERM");
  await new Promise((r) => api?.once("exit", r));
  api = undefined;

  // ---------------------------------------------------------------- raw: bare Socket.IO broadcast
  const rowsPerFrame = Math.max(1, Math.round(meanFrameRows));
  console.log(`\nraw ceilings, same run`);
  const ioPort = await freePort();
  const bare = new Server(ioPort, { serveClient: false });
  const bareHist = new Histogram();
  let bareRows = 0;
  const bareClients = await Promise.all(
    Array.from(
      { length: BOARDS },
      () =>
        new Promise<Socket>((resolve) => {
          const s = connect(`http://127.0.0.1:${ioPort}`, { transports: ["websocket"], forceNew: true });
          s.on("units:positions", (f: PositionsFrame) => {
            const now = Date.now();
            for (const row of f.units) bareHist.add(now - row[6]);
            bareRows += f.units.length;
          });
          s.once("connect", () => resolve(s));
        }),
    ),
  );
  const bareSeconds = 15;
  const bareEnd = Date.now() + bareSeconds * 1000;
  while (Date.now() < bareEnd) {
    const at = Date.now();
    // the same frame onemap sends: the units that moved in one tick, each stamped with its arrival
    const units = Array.from(
      { length: rowsPerFrame },
      (_, i) => [`un-bench-${i}`, 31.03 + i * 1e-6, 106.41, 90, 30, at - 100, at - Math.floor(Math.random() * TICK_MS)] as const,
    );
    bare.emit("units:positions", { at, units });
    await sleep(TICK_MS);
  }
  await sleep(500);
  for (const c of bareClients) c.close();
  bare.close();
  const bareLatency = { p50: bareHist.pct(50), p95: bareHist.pct(95), p99: bareHist.pct(99) };
  console.log(
    `  bare Socket.IO  same frames (${rowsPerFrame} units every ${TICK_MS} ms) to ${BOARDS} clients: p50 ${bareLatency.p50} ms  p95 ${bareLatency.p95} ms  p99 ${bareLatency.p99} ms (${fmt(bareRows / bareSeconds)} rows/s delivered)`,
  );

  // ---------------------------------------------------------------- raw: batched INSERT through pg
  await pool.query(`CREATE TABLE bench_raw (LIKE "UnitPosition" INCLUDING DEFAULTS INCLUDING INDEXES)`);
  const batchRows = Math.max(1, Math.round(aRate * (TICK_MS / 1000)));
  const rawSeconds = 15;
  const rawEnd = Date.now() + rawSeconds * 1000;
  let rawInserted = 0;
  let k = 0;
  const rawStart = Date.now();
  while (Date.now() < rawEnd) {
    const ids: string[] = [];
    const times: string[] = [];
    const lats: number[] = [];
    const lons: number[] = [];
    const base0 = Date.now();
    for (let i = 0; i < batchRows; i++) {
      ids.push(`un-bench-${i % UNITS}`);
      times.push(new Date(base0 + k++).toISOString());
      lats.push(31.03);
      lons.push(106.41);
    }
    await pool.query(
      `INSERT INTO bench_raw ("unitId", "fixAt", "receivedAt", lat, lon, speed, heading) SELECT u, f, now(), la, lo, 30, 90 FROM unnest($1::text[], $2::timestamptz[], $3::float8[], $4::float8[]) AS t(u, f, la, lo) ON CONFLICT DO NOTHING`,
      [ids, times, lats, lons],
    );
    rawInserted += batchRows;
  }
  const rawRate = rawInserted / ((Date.now() - rawStart) / 1000);
  console.log(
    `  raw INSERT      batches of ${fmt(batchRows)} rows (onemap's per-tick batch at A's rate), back to back: ${fmt(rawRate)} rows/s`,
  );
  await pool.end();

  // ---------------------------------------------------------------- summary
  const tickPlus = TICK_MS + 50;
  console.log(`\nsummary (targets in brackets)`);
  console.log(`  sustained ingest     ${fmt(aRate)} fixes/s with ${BOARDS} boards  [≥ 10,000]  ${aRate >= 10_000 ? "met" : "NOT met"}`);
  console.log(
    `  fix → board p99      ${onemapLatency.p99} ms vs bare Socket.IO ${bareLatency.p99} ms (${fmt(onemapLatency.p99 / Math.max(bareLatency.p99, 1), 1)}×)  [≤ one tick + 50 = ${tickPlus} ms]  ${onemapLatency.p99 <= tickPlus ? "met" : "NOT met"}`,
  );
  console.log(
    `  write ceiling        ${fmt(bRate)} fixes/s = ${fmt(bRate / rawRate, 2)}× raw batched INSERT (${fmt(rawRate)} rows/s)  [≥ 0.5×]  ${bRate / rawRate >= 0.5 ? "met" : "NOT met"}`,
  );
  const growth = avg(lastThird) - avg(firstThird);
  console.log(
    `  API memory           ${growth >= 0 ? "+" : ""}${fmt(growth, 1)} MiB from the first to the last third of A (peak ${fmt(peakRss)} MiB)  [flat]  ${growth < 0.1 * avg(firstThird) ? "met" : "NOT met"}`,
  );
  console.log(`  API CPU              ${fmt(aCpu * 100)}% of one core at A; one OsmAnd request per fix: ${fmt(cRate)} fixes/s`);
} finally {
  api?.kill("SIGKILL");
  await bench.close();
}
