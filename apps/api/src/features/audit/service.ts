// The append-only audit of everything that is not an incident's timeline (DESIGN §6): who, when, from
// which address, what, before → after. Written in the same transaction as the change where there is
// one; the runtime database role may only INSERT and SELECT here.
import type { DbClient } from "@onemap/db";
import { AUDIT_EXPORT_MAX_ROWS, type AuditAction, type AuditExportQuery, type AuditPage, type AuditQuery } from "@onemap/shared";
import type { Actor } from "../../actor";
import { auditWorkbook } from "./export";
import { type AuditTx, createAuditRepository } from "./repository";

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

    /** The entries that match, newest first, as an .xlsx with Chinese headers: at most AUDIT_EXPORT_MAX_ROWS (the newest). */
    async exportWorkbook(
      q: AuditExportQuery,
      now = new Date(),
    ): Promise<{ filename: string; body: Buffer; rows: number; truncated: boolean }> {
      const rows = await repo.listAuditEntries(q, AUDIT_EXPORT_MAX_ROWS + 1);
      const truncated = rows.length > AUDIT_EXPORT_MAX_ROWS;
      const kept = truncated ? rows.slice(0, AUDIT_EXPORT_MAX_ROWS) : rows;
      return { ...(await auditWorkbook(kept, q, now, truncated)), rows: kept.length, truncated };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
