// `npm run db:diff -- <name>`: writes the next migration from the change to schema.prisma since the
// newest migration (schema.migrated.prisma), in Prisma's layout, and moves that snapshot forward.
import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "./embedded";
import { migrationsDir } from "./migrate";
import { diffSchemas, isEmptyMigration, migratedSchemaPath, readSchema, schemaPath } from "./schema-sql";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:diff -- <name>   (lower-case letters, digits and _ only)");
  process.exit(2);
}
const from = existsSync(migratedSchemaPath) ? await readFile(migratedSchemaPath, "utf8") : null;
// The diff needs a PostgreSQL to talk to (nothing is written): DATABASE_URL, or a throwaway embedded one.
let databaseUrl = process.env.DATABASE_URL;
let scratch: EmbeddedDatabase | undefined;
if (!databaseUrl) {
  scratch = await startEmbeddedPostgres({ dataDir: join(tmpdir(), `onemap-diff-pg-${process.pid}`), port: 54399, persistent: false });
  databaseUrl = scratch.serverUrl;
}
let sql: string;
try {
  sql = await diffSchemas(from, await readSchema(), databaseUrl);
} finally {
  await scratch?.stop();
}
if (isEmptyMigration(sql)) {
  console.log("schema.prisma has not changed since the newest migration: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = join(migrationsDir, `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(join(dir, "migration.sql"), sql);
await copyFile(schemaPath, migratedSchemaPath);
console.log(`wrote ${dir}/migration.sql — review it, add any hand-written SQL (triggers…), then commit it with schema.migrated.prisma.`);
