import type { DbClient } from "@onemap/db";

export function createHealthRepository(db: DbClient) {
  return {
    async ping(): Promise<void> {
      await db.$queryRaw`SELECT 1`;
    },
  };
}
