// Computes migration SQL from two Prisma schemas without Prisma's engine binary, using Prisma
// 6.19's CLI in its JS-engine mode (docs/decisions/0002-migrations-without-the-engine.md).
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const prismaDir = new URL("../", import.meta.url).pathname;
const schemaPath = join(prismaDir, "schema.prisma");
/** The schema as of the newest committed migration: the "from" side of the next migration. */
export const migratedSchemaPath = join(prismaDir, "schema.migrated.prisma");

// Prisma 6's CLI wants a `url` in the datasource; Prisma 7's schema must not have one.
function withDatasourceUrl(schema: string): string {
  return schema.replace(/datasource\s+db\s*\{/, (open) => `${open}\n  url = env("DATABASE_URL")`);
}

/**
 * SQL that turns a database at `fromSchema` (null: empty) into one at `toSchema`. The CLI's JS
 * engine opens a connection to `databaseUrl` (any reachable PostgreSQL; nothing is written).
 */
export async function diffSchemas(fromSchema: string | null, toSchema: string, databaseUrl: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "onemap-diff-"));
  try {
    const toFile = join(dir, "to.prisma");
    await writeFile(toFile, withDatasourceUrl(toSchema));
    const from = ["--from-empty"];
    if (fromSchema !== null) {
      const fromFile = join(dir, "from.prisma");
      await writeFile(fromFile, withDatasourceUrl(fromSchema));
      from.splice(0, 1, "--from-schema-datamodel", fromFile);
    }
    const cli = createRequire(import.meta.url).resolve("prisma6/build/index.js");
    const { stdout } = await run(
      process.execPath,
      [cli, "migrate", "diff", "--config", join(prismaDir, "prisma6.config.ts"), ...from, "--to-schema-datamodel", toFile, "--script"],
      {
        cwd: prismaDir,
        env: {
          ...process.env,
          // Never used by `migrate diff`, but the CLI insists on finding engine files before it runs.
          PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true",
          PRISMA_QUERY_ENGINE_LIBRARY: "/bin/true",
          PRISMA_HIDE_UPDATE_MESSAGE: "1",
          DATABASE_URL: databaseUrl,
        },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function isEmptyMigration(sql: string): boolean {
  return sql.split("\n").every((line) => line.trim() === "" || line.trim().startsWith("--"));
}

export async function readSchema(path = schemaPath): Promise<string> {
  return readFile(path, "utf8");
}
