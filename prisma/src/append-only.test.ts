import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../testing/database";
import { createDbClient, type DbClient } from "./index";

describe("append-only tables", () => {
  let db: DbClient;
  beforeAll(async () => {
    db = createDbClient(await createTestDatabase("county"), { max: 2 });
  });
  afterAll(async () => {
    await db.$disconnect();
  });

  it("refuse to update or delete an incident's timeline", async () => {
    await db.incident.create({
      data: { id: "inc-audit", number: "T-0001", category: "theft", priority: "P3", lat: 31.03, lon: 106.41, stationId: "st-dc" },
    });
    const event = await db.incidentEvent.create({ data: { incidentId: "inc-audit", type: "created", after: { status: "NEW" } } });
    await expect(db.$executeRaw`UPDATE "IncidentEvent" SET type = 'forged' WHERE id = ${event.id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "IncidentEvent" WHERE id = ${event.id}`).rejects.toThrow(/append-only/);
    const after = await db.incidentEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(after.type).toBe("created");
  });

  it("refuse to rewrite a unit's position history", async () => {
    const fix = await db.unitPosition.create({ data: { unitId: "un-dc-car-1", fixAt: new Date(), lat: 31.03, lon: 106.41 } });
    await expect(db.$executeRaw`UPDATE "UnitPosition" SET lat = 0 WHERE id = ${fix.id}`).rejects.toThrow(/append-only/);
  });
});
