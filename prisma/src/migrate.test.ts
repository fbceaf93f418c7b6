import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createBlankDatabase } from "../testing/database";
import { MigrationError, migrate, migrationsDir, readMigrations } from "./migrate";

async function rows<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("migrate", () => {
  it("applies every migration once and records it the way Prisma does", async () => {
    const url = await createBlankDatabase();
    const files = await readMigrations();
    expect(files.length).toBeGreaterThan(0);

    const first = await migrate(url);
    expect(first.applied).toEqual(files.map((f) => f.name));

    const recorded = await rows<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
      rolled_back_at: Date | null;
    }>(
      url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    for (const [i, file] of files.entries()) {
      const sql = await readFile(join(migrationsDir, file.name, "migration.sql"));
      expect(recorded[i]?.migration_name).toBe(file.name);
      expect(recorded[i]?.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(recorded[i]?.finished_at).toBeInstanceOf(Date);
      expect(recorded[i]?.rolled_back_at).toBeNull();
      expect(recorded[i]?.applied_steps_count).toBe(1);
    }

    const second = await migrate(url);
    expect(second).toEqual({ applied: [], alreadyApplied: files.length });
  });

  it("applies each migration once when several processes start together", async () => {
    const url = await createBlankDatabase();
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    const appliedCounts = results.map((r) => r.applied.length).sort();
    const total = (await readMigrations()).length;
    expect(appliedCounts).toEqual([0, 0, total]);
    const recorded = await rows<{ n: string }>(url, `SELECT count(*) AS n FROM "_prisma_migrations"`);
    expect(Number(recorded[0]?.n)).toBe(total);
  });

  it("refuses to start when an applied migration was edited afterwards", async () => {
    const url = await createBlankDatabase();
    const dir = await mkdtemp(join(tmpdir(), "onemap-migrations-"));
    await cp(migrationsDir, dir, { recursive: true });
    await migrate(url, dir);
    const [first] = await readMigrations(dir);
    if (!first) throw new Error("no migrations");
    await writeFile(join(dir, first.name, "migration.sql"), `${first.sql}\n-- edited\n`);
    await expect(migrate(url, dir)).rejects.toThrow(MigrationError);
    await expect(migrate(url, dir)).rejects.toThrow(/was edited after it was applied/);
  });

  it("rolls a failing migration back completely and reports it", async () => {
    const url = await createBlankDatabase();
    const dir = await mkdtemp(join(tmpdir(), "onemap-migrations-"));
    await cp(migrationsDir, dir, { recursive: true });
    await migrate(url, dir);
    const { mkdir } = await import("node:fs/promises");
    await mkdir(join(dir, "99990101000000_broken"));
    await writeFile(join(dir, "99990101000000_broken", "migration.sql"), `CREATE TABLE "Half" (id int);\nSELECT no_such_function();\n`);
    await expect(migrate(url, dir)).rejects.toThrow(/99990101000000_broken failed/);
    const half = await rows<{ n: string }>(url, `SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'Half'`);
    expect(Number(half[0]?.n)).toBe(0);
    const recorded = await rows<{ n: string }>(
      url,
      `SELECT count(*) AS n FROM "_prisma_migrations" WHERE migration_name = '99990101000000_broken'`,
    );
    expect(Number(recorded[0]?.n)).toBe(0);
  });
});
