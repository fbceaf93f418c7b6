// The append-only audit of everything that is not an incident's timeline (DESIGN §6): who, when, from
// which address, what, before → after. Written in the same transaction as the change where there is
// one; the runtime database role may only INSERT and SELECT here.
import type { DbClient } from "@onemap/db";
import type { AuditPage, AuditQuery } from "@onemap/shared";
import type { Actor } from "../../actor";
import { type AuditTx, createAuditRepository } from "./repository";

/** the actions written; a stable vocabulary an administrator filters by */
type AuditAction =
  | "auth.login"
  | "auth.login_failed"
  | "auth.backoff"
  | "auth.logout"
  | "user.created"
  | "user.changed"
  | "user.disabled"
  | "user.enabled"
  | "user.unlocked"
  | "user.sessions_revoked"
  | "posture.changed"
  | "duty.changed"
  | "unit.status"
  | "camera.status"
  | "device.registered"
  | "device.token_rotated"
  | "device.removed"
  | "gateway.created"
  | "county.import";

export interface AuditInput {
  /** who did it: a signed-in actor, or a name alone (a failed sign-in), or nobody (the system) */
  actor: Pick<Actor, "userId" | "username"> | { userId: null; username: string } | null;
  ip: string | null;
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  before?: unknown;
  after?: unknown;
}

export function createAuditService({ db }: { db: DbClient }) {
  const repo = createAuditRepository(db);
  return {
    /** Writes one entry, in the caller's transaction when given one. */
    async record(entry: AuditInput, tx?: AuditTx): Promise<void> {
      await repo.insertAuditEntry(
        {
          actorId: entry.actor?.userId ?? null,
          actorName: entry.actor?.username?.slice(0, 64) ?? null,
          ip: entry.ip,
          action: entry.action,
          targetType: entry.targetType ?? null,
          targetId: entry.targetId ?? null,
          before: entry.before,
          after: entry.after,
        },
        tx,
      );
    },

    /** Newest first, paged by id. `actor` matches the user id or the name. */
    async list(q: AuditQuery): Promise<AuditPage> {
      const rows = await repo.listAuditEntries(q, q.limit + 1);
      const page = rows.slice(0, q.limit);
      return {
        entries: page.map((r) => ({
          id: r.id.toString(),
          at: r.at.toISOString(),
          actorId: r.actorId,
          actorName: r.actorName,
          ip: r.ip,
          action: r.action,
          targetType: r.targetType,
          targetId: r.targetId,
          before: r.before ?? null,
          after: r.after ?? null,
        })),
        nextBefore: rows.length > q.limit ? (page.at(-1)?.id.toString() ?? null) : null,
      };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
