import { type DbClient, Prisma } from "@onemap/db";
import { type AuditExportQuery, type AuditQuery, auditActionsOf } from "@onemap/shared";

/** a transaction that can write the audit: the caller's, so the entry commits or rolls back with its change */
export type AuditTx = Pick<DbClient, "auditEvent">;

interface AuditEntryRow {
  actorId: string | null;
  actorName: string | null;
  ip: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
}

const json = (v: unknown) => (v === undefined || v === null ? Prisma.DbNull : (v as Prisma.InputJsonValue));

export function createAuditRepository(db: DbClient) {
  return {
    async insertAuditEntry(entry: AuditEntryRow, tx: AuditTx = db): Promise<void> {
      await tx.auditEvent.create({ data: { ...entry, before: json(entry.before), after: json(entry.after) } });
    },

    /** newest first; `actor` matches the user id or the name; `action` and `group` both hold when both are given */
    listAuditEntries(q: AuditQuery | AuditExportQuery, take: number) {
      const where: Prisma.AuditEventWhereInput = {
        ...(q.actor ? { OR: [{ actorId: q.actor }, { actorName: q.actor }] } : {}),
        ...(q.action || q.group
          ? {
              AND: [...(q.action ? [{ action: q.action }] : []), ...(q.group ? [{ action: { in: auditActionsOf(q.group) } }] : [])],
            }
          : {}),
        ...(q.targetType ? { targetType: q.targetType } : {}),
        ...(q.target ? { targetId: q.target } : {}),
        ...(q.from || q.to ? { at: { ...(q.from ? { gte: new Date(q.from) } : {}), ...(q.to ? { lt: new Date(q.to) } : {}) } } : {}),
        ...("before" in q && q.before ? { id: { lt: BigInt(q.before) } } : {}),
      };
      return db.auditEvent.findMany({ where, orderBy: { id: "desc" }, take });
    },
  };
}
