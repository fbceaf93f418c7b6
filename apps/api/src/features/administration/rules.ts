// What every administered resource shares: new ids, the audit entry, the 409 of a taken natural key,
// the refusal to change a retired row, and DELETE's two outcomes (ADR 0010).
import { randomBytes } from "node:crypto";
import type { AuditAction } from "@onemap/shared";
import type { Requester } from "../../actor";
import { isUniqueViolation, type Tx } from "../../database";
import { ConflictError, NotFoundError } from "../../errors";
import type { AuditService } from "../audit/service";

export const newId = (prefix: string) => `${prefix}-${randomBytes(6).toString("hex")}`;

/** DELETE's outcome: erased (nothing pointed to it) or retired (history does) */
export type Removal = { retired: false } | { retired: true; retiredAt: string };

export type Kind = "station" | "officer" | "grid" | "unit" | "camera" | "reinforcement";

/** the audit entry of one change, in the change's transaction */
export const recorder =
  (audit: Pick<AuditService, "record">) =>
  (by: Requester, tx: Tx, action: AuditAction, kind: Kind, id: string, before: unknown, after: unknown) =>
    audit.record({ actor: by.actor, ip: by.ip, action, targetType: kind, targetId: id, before, after }, tx);

/** a natural key taken (by a row in service or a retired one): 409 with the key */
export function taken(error: unknown, kind: Kind, key: string | undefined): never {
  if (!isUniqueViolation(error) || key === undefined) throw error;
  if (kind === "unit") throw new ConflictError(`the callsign ${key} is taken`).coded("callsign_taken", { callsign: key });
  if (kind === "reinforcement") throw new ConflictError(`there is a ${key} group already`).coded("group_kind_taken", { kind: key });
  if (kind === "officer") throw new ConflictError(`the badge number ${key} is taken`).coded("badge_no_taken", { badgeNo: key });
  throw new ConflictError(`the code ${key} is taken`).coded("code_taken", { code: key });
}

export function assertInService<T extends { retiredAt: Date | null }>(row: T | null, kind: Kind, name: (row: T) => string): T {
  if (!row) throw new NotFoundError(kind);
  if (row.retiredAt) throw new ConflictError(`${kind} ${name(row)} is retired: it cannot be changed`).coded("retired", { name: name(row) });
  return row;
}

export const retired = (at: Date): Removal => ({ retired: true, retiredAt: at.toISOString() });
