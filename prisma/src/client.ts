import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/client";

export interface DbClientOptions {
  /** pool size of the underlying `pg` pool */
  max?: number;
}

/** A Prisma client over `pg` (no engine binary). The caller owns it and must `$disconnect()` it. */
export function createDbClient(databaseUrl: string, options: DbClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.max ?? 10 });
  return new PrismaClient({ adapter });
}

export type DbClient = PrismaClient;
