// A throwaway database for a benchmark: on BENCH_DATABASE_URL's server if set, else on an embedded
// PostgreSQL of the benchmark's own. Migrated, seeded with the demo county.
import { chmodSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDbClient, type DbClient, freePort, migrate, startEmbeddedPostgres } from "@onemap/db";
import { seedDemoCounty } from "@onemap/db/seed";
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
