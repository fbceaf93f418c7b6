// npm run bench:county-import — the demo county's workbook (30 stations, 18 grids, 368 cameras, every
// officer, unit and device) imported into an empty, migrated database, through the service the route
// and the command line call. Printed beside two baselines measured in the same run: reading the
// workbook alone (exceljs + the row checks), and a bare multi-row INSERT of the same 368 cameras
// through pg. Target: the whole county, 368 cameras included, in under 2 s.
// Uses BENCH_DATABASE_URL's server if set, else a throwaway embedded PostgreSQL.
import { createDbClient, migrate } from "@onemap/db";
import pg from "pg";
import { createAuditService } from "../src/features/audit/service";
import { createCountyService } from "../src/features/county/service";
import { readWorkbook } from "../src/features/county/workbook";
import { openBenchDatabase } from "./database";
import { ms, summarize } from "./stats";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const cli = { actor: { userId: null, username: "bench" }, ip: null };

const bench = await openBenchDatabase();
const server = new URL(bench.databaseUrl);
server.pathname = "/postgres";
const admin = new pg.Client({ connectionString: server.toString() });
await admin.connect();
const created: string[] = [];

try {
  const source = createCountyService({ db: bench.db, audit: createAuditService({ db: bench.db }) });
  const workbook = await source.exportWorkbook();
  const cameras = await bench.db.camera.findMany();

  const parse: number[] = [];
  const insert: number[] = [];
  const full: number[] = [];
  const again: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    let t0 = performance.now();
    await readWorkbook(workbook);
    parse.push(performance.now() - t0);

    // the floor: the same cameras in one INSERT, rolled back (the stations they name exist here)
    const raw = new pg.Client({ connectionString: bench.databaseUrl });
    await raw.connect();
    const columns = ["id", "code", "name", "kind", "lat", "lon", "gridId", "stationId", "updatedAt"];
    const values = cameras.flatMap((c) => [
      `b${c.id}`,
      `b${c.code}`,
      c.name,
      c.kind,
      c.lat,
      c.lon,
      c.gridId,
      c.stationId,
      new Date().toISOString(),
    ]);
    const rows = cameras.map((_, i) => `(${columns.map((__, j) => `$${i * columns.length + j + 1}`).join(",")})`).join(",");
    await raw.query("BEGIN");
    t0 = performance.now();
    await raw.query(`INSERT INTO "Camera" (${columns.map((c) => `"${c}"`).join(",")}) VALUES ${rows}`, values);
    insert.push(performance.now() - t0);
    await raw.query("ROLLBACK");
    await raw.end();

    const name = `onemap_bench_import_${Date.now().toString(36)}_${run}`;
    await admin.query(`CREATE DATABASE ${name}`);
    created.push(name);
    const url = new URL(bench.databaseUrl);
    url.pathname = `/${name}`;
    await migrate(url.toString());
    const db = createDbClient(url.toString(), { max: 5 });
    try {
      const county = createCountyService({ db, audit: createAuditService({ db }) });
      t0 = performance.now();
      const outcome = await county.importWorkbook(workbook, cli);
      full.push(performance.now() - t0);
      if (!outcome.ok || outcome.result.cameras.created !== 368) throw new Error(`import failed: ${JSON.stringify(outcome).slice(0, 500)}`);
      t0 = performance.now();
      const second = await county.importWorkbook(workbook, cli);
      again.push(performance.now() - t0);
      if (!second.ok || second.result.cameras.unchanged !== 368) throw new Error("re-import changed something");
    } finally {
      await db.$disconnect();
    }
  }

  const p = summarize(parse);
  const i = summarize(insert);
  const f = summarize(full);
  const a = summarize(again);
  console.log(
    `\ncounty workbook import (${(workbook.byteLength / 1024).toFixed(0)} KiB: ${await bench.db.station.count()} stations, 18 grids, ${await bench.db.officer.count()} officers, ${await bench.db.unit.count()} units, 368 cameras, ${await bench.db.device.count()} devices), ${RUNS} runs, median and max`,
  );
  console.log(`  import into an empty database   p50 ${ms(f.p50)}  max ${ms(f.max)}`);
  console.log(`  the same again (all unchanged)  p50 ${ms(a.p50)}  max ${ms(a.max)}`);
  console.log(`  baseline: read + check only     p50 ${ms(p.p50)}  max ${ms(p.max)}`);
  console.log(`  baseline: one INSERT of 368 cameras through pg   p50 ${ms(i.p50)}  max ${ms(i.max)}`);
  console.log(`  target       the whole county (368 cameras) < 2 s: ${f.max < 2000 ? "met" : "NOT met"}`);
} finally {
  for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  await bench.close();
}
