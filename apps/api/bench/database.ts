// A throwaway database for a benchmark: on BENCH_DATABASE_URL's server if set, else on an embedded
// PostgreSQL of the benchmark's own. Migrated, seeded with the demo county.
import { createHash } from "node:crypto";
import { chmodSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDbClient, type DbClient, freePort, migrate, startEmbeddedPostgres } from "@onemap/db";
import { seedDemoCounty } from "@onemap/db/seed";
import { demoDeviceToken } from "@onemap/domain/demo-tokens";
import pg from "pg";

export interface BenchDatabase {
  databaseUrl: string;
  db: DbClient;
  close(): Promise<void>;
}

export async function openBenchDatabase(): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "onemap-bench-"));
  chmodSync(dir, 0o755);
  const embedded = process.env.BENCH_DATABASE_URL
    ? null
    : await startEmbeddedPostgres({ dataDir: join(dir, "pg"), port: await freePort(), persistent: false });
  const serverUrl = process.env.BENCH_DATABASE_URL ?? embedded?.serverUrl ?? "";
  const name = `onemap_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  await migrate(databaseUrl);
  const db = createDbClient(databaseUrl, { max: 20 });
  await seedDemoCounty(db, { demoUsers: true });
  return {
    databaseUrl,
    db,
    async close() {
      await db.$disconnect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      await embedded?.stop();
    },
  };
}

/**
 * Tops the demo county up to `total` units: patrol cars spread over the county town, on the same
 * stations and grids as the seeded patrol units, each with a device and a recent fix.
 */
export async function addBenchUnits(db: DbClient, total: number): Promise<void> {
  const like = await db.unit.findMany({
    where: { reinforcementGroupId: null },
    select: { homeStationId: true, gridId: true },
    orderBy: { id: "asc" },
  });
  let seed = 7;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const extra = total - (await db.unit.count());
  await db.unit.createMany({
    data: Array.from({ length: extra }, (_, i) => {
      const model = like[i % like.length] as (typeof like)[number];
      return {
        id: `un-bench-${i}`,
        callsign: `压测${i}`,
        kind: "CAR" as const,
        homeStationId: model.homeStationId,
        gridId: model.gridId,
        lastLat: 31.018 + random() * 0.024,
        lastLon: 106.39 + random() * 0.042,
        lastFixAt: new Date(Date.now() - 60_000),
      };
    }),
  });
  // each with a phone holding the demo county's kind of token, so the simulator can report for it
  await db.device.createMany({
    data: Array.from({ length: extra }, (_, i) => {
      const identifier = `bench-${String(i).padStart(6, "0")}`;
      return {
        id: `dv-bench-${i}`,
        unitId: `un-bench-${i}`,
        protocol: "osmand" as const,
        identifier,
        tokenHash: createHash("sha256").update(demoDeviceToken(identifier)).digest("hex"),
      };
    }),
  });
}
