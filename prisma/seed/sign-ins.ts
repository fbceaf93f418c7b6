// What only the demo database gets (never a real one): device tokens the simulator can derive, and
// sign-ins with the public password DEMO_PASSWORD. Both leave anything already there alone.
import { createHash } from "node:crypto";
import { demoDeviceToken } from "@onemap/domain/demo-tokens";
import type { DbClient, Prisma } from "../src/index";
import { hashPassword } from "../src/passwords";
import type { DemoUser } from "./builders/users";

export const DEMO_PASSWORD = "onemap";

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");

/** Gives each of these devices that has no token yet its demo token (demoDeviceToken), stored hashed. */
export async function issueDemoDeviceTokens(db: DbClient, devices: readonly Prisma.DeviceCreateManyInput[]): Promise<void> {
  const untokened = await db.device.findMany({
    where: { id: { in: devices.map((d) => d.id as string) }, tokenHash: null },
    select: { id: true, identifier: true },
  });
  if (untokened.length === 0) return;
  await db.$executeRaw`
    UPDATE "Device" d SET "tokenHash" = v.hash, "tokenAt" = now()
      FROM unnest(${untokened.map((d) => d.id)}::text[], ${untokened.map((d) => sha256(demoDeviceToken(d.identifier)))}::text[]) AS v(id, hash)
     WHERE d.id = v.id AND d."tokenHash" IS NULL`;
}

/** Inserts the demo users whose username is free; returns how many it inserted. */
export async function insertDemoUsers(db: DbClient, users: readonly DemoUser[]): Promise<number> {
  const existing = await db.user.findMany({ where: { username: { in: users.map((u) => u.username) } }, select: { username: true } });
  const taken = new Set(existing.map((u) => u.username));
  const missing = users.filter((u) => !taken.has(u.username));
  if (missing.length === 0) return 0;
  // hashing is slow on purpose (argon2id): only when there is someone to insert
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return (await db.user.createMany({ data: missing.map((u) => ({ ...u, passwordHash })), skipDuplicates: true })).count;
}
