import type { DbClient } from "@onemap/db";
import type { Posture } from "@onemap/shared";

export function createPostureService({ db }: { db: DbClient }) {
  return {
    async getPosture(): Promise<Posture> {
      // the row exists once migrations and the seed ran; a blank database reads as routine
      const row = await db.posture.findUnique({ where: { id: 1 } });
      return { level: row?.level ?? "ROUTINE", reason: row?.reason ?? null, updatedAt: (row?.updatedAt ?? new Date(0)).toISOString() };
    },
  };
}

export type PostureService = ReturnType<typeof createPostureService>;
