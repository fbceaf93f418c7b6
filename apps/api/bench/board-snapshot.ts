// npm run bench:board-snapshot — GET /api/board over HTTP on the demo county, sequential, after a
// warm-up; printed beside a bare `SELECT 1` round trip through pg measured in the same run.
// Uses BENCH_DATABASE_URL's server if set, else a throwaway embedded PostgreSQL.
import pg from "pg";
import { buildApp } from "../src/app";
import { parseConfig } from "../src/config";
import { openBenchDatabase } from "./database";
import { ms, summarize } from "./stats";

const N = Number(process.env.BENCH_REQUESTS ?? 2000);
const WARMUP = 100;

const bench = await openBenchDatabase();
const { databaseUrl, db } = bench;

try {
  const app = await buildApp({
    config: parseConfig({ LOG_LEVEL: "silent", WEB_DIST: "/nonexistent" }),
    db,
    databaseUrl,
    embeddedDatabase: false,
    logger: false,
  });
  const address = await app.listen({ host: "127.0.0.1", port: 0 });

  const login = await fetch(`${address}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "operator", password: "onemap" }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";

  let bytes = 0;
  const board: number[] = [];
  for (let i = 0; i < WARMUP + N; i++) {
    const t0 = performance.now();
    const res = await fetch(`${address}/api/board`, { headers: { cookie } });
    const body = await res.arrayBuffer();
    if (!res.ok) throw new Error(`board: ${res.status}`);
    if (i >= WARMUP) board.push(performance.now() - t0);
    bytes = body.byteLength;
  }

  const raw = new pg.Client({ connectionString: databaseUrl });
  await raw.connect();
  const select1: number[] = [];
  for (let i = 0; i < WARMUP + N; i++) {
    const t0 = performance.now();
    await raw.query("SELECT 1");
    if (i >= WARMUP) select1.push(performance.now() - t0);
  }
  await raw.end();

  const b = summarize(board);
  const s = summarize(select1);
  console.log(
    `\nGET /api/board (operator, whole county: 12 stations, 18 grids, 368 cameras, ${await db.unit.count()} units; ${(bytes / 1024).toFixed(0)} KiB), ${N} sequential requests`,
  );
  console.log(`  /api/board   p50 ${ms(b.p50)}  p95 ${ms(b.p95)}  p99 ${ms(b.p99)}  max ${ms(b.max)}`);
  console.log(`  SELECT 1     p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}  max ${ms(s.max)}`);
  console.log(`  ratio p99    ${(b.p99 / s.p99).toFixed(1)}× a bare round trip`);
  console.log(`  target       p99 < 50 ms: ${b.p99 < 50 ? "met" : "NOT met"}`);
  await app.close();
} finally {
  await bench.close();
}
