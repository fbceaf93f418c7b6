// The one pg pool factory: whatever the server's time zone, a `pg` read of a timestamp column is the
// instant Prisma wrote, and an instant sent as ISO text cast to timestamptz compares with it in UTC.
import { createDbClient, type DbClient } from "@onemap/db";
import { createTestDatabase, runtimeUrl } from "@onemap/db/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPool } from "../src/database";

describe("a pg pool from the factory, on a server in UTC+8", () => {
  const zone = process.env.TZ;
  let url = "";
  let db: DbClient;
  const fixAt = new Date("2026-11-29T01:02:03.456Z");
  beforeAll(async () => {
    // a county server in China runs in its local zone: node-postgres alone would read in it
    process.env.TZ = "Asia/Shanghai";
    url = runtimeUrl(await createTestDatabase("county"));
    db = createDbClient(url, { max: 2 });
    await db.unit.update({ where: { id: "un-dc-car-1" }, data: { lastFixAt: fixAt } });
  });
  afterAll(async () => {
    await db.$disconnect();
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it("reads the instant Prisma stored, and matches it with an instant sent as ISO text ::timestamptz", async () => {
    const pool = createPool(url, { max: 1, onIdleError: () => undefined });
    try {
      const { rows } = await pool.query<{ at: Date }>(`SELECT "lastFixAt" AS at FROM "Unit" WHERE id = $1`, ["un-dc-car-1"]);
      expect(rows[0]?.at.toISOString()).toBe(fixAt.toISOString());
      const same = await pool.query(`SELECT id FROM "Unit" WHERE id = $1 AND "lastFixAt" = $2::timestamptz`, [
        "un-dc-car-1",
        fixAt.toISOString(),
      ]);
      expect(same.rowCount).toBe(1);
      // the trap the rule avoids: node-postgres sends a Date in the local zone, and a timestamp column drops the offset
      const bareDate = await pool.query(`SELECT id FROM "Unit" WHERE id = $1 AND "lastFixAt" = $2`, ["un-dc-car-1", fixAt]);
      expect(bareDate.rowCount).toBe(0);
    } finally {
      await pool.end();
    }
  });

  it("where a bare pool would be eight hours off (why the factory exists)", async () => {
    const bare = new pg.Pool({ connectionString: url, max: 1 });
    try {
      const { rows } = await bare.query<{ at: Date }>(`SELECT "lastFixAt" AS at FROM "Unit" WHERE id = $1`, ["un-dc-car-1"]);
      expect(fixAt.getTime() - (rows[0]?.at.getTime() ?? 0)).toBe(8 * 3_600_000);
    } finally {
      await bare.end();
    }
  });
});
