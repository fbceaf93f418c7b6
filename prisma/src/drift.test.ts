// No drift: the database the committed migrations build is the database schema.prisma describes.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { execute, readCatalog } from "../testing/catalog";
import { createBlankDatabase } from "../testing/database";
import { migrate } from "./migrate";
import { diffSchemas, isEmptyMigration, migratedSchemaPath, readSchema } from "./schema-sql";

describe("schema.prisma and the migrations", () => {
  it("build the same tables, columns, enums, indexes and keys", { timeout: 90_000 }, async () => {
    const migrated = await createBlankDatabase();
    await migrate(migrated);

    const fromSchema = await createBlankDatabase();
    await execute(fromSchema, await diffSchemas(null, await readSchema(), fromSchema));

    const [a, b] = await Promise.all([readCatalog(migrated), readCatalog(fromSchema)]);
    expect(a.columns.length).toBeGreaterThan(100);
    expect(a.enums).toContain("ResponseTier: ROUTINE,LEVEL_III,LEVEL_II,LEVEL_I");
    expect(a.indexes.some((i) => i.includes('"UnitPosition_unitId_fixAt_key"'))).toBe(true);
    expect(a).toEqual(b);

    // the catalog comparison would notice a missing column
    await execute(migrated, `ALTER TABLE "Unit" DROP COLUMN "version"`);
    expect((await readCatalog(migrated)).columns).not.toEqual(b.columns);
  });

  it("leave nothing for the next migration: schema.migrated.prisma is schema.prisma", { timeout: 60_000 }, async () => {
    const scratch = await createBlankDatabase();
    const sql = await diffSchemas(await readFile(migratedSchemaPath, "utf8"), await readSchema(), scratch);
    expect(isEmptyMigration(sql), `schema.prisma changed without a migration; run npm run db:diff -- <name>:\n${sql}`).toBe(true);
  });
});
