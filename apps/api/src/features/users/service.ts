import { randomBytes } from "node:crypto";
import { type DbClient, hashPassword } from "@onemap/db";
import type {
  AuditAction,
  CreateUserBody,
  PatchUserBody,
  ResetPasswordResult,
  RetiredResult,
  UserAccount,
  UsersQuery,
} from "@onemap/shared";
import type { Requester } from "../../actor";
import { isUniqueViolation, type Tx } from "../../database";
import { ConflictError, NotFoundError } from "../../errors";
import type { AuditService } from "../audit/service";
import { assertStrongPassword } from "../auth/password-policy";
import { createUserRepository, type UserChanges, type UserRow } from "./repository";
import { assertNotLastAdmin, assertNotRetired, stationAfter, temporaryPassword } from "./rules";

/** what the audit keeps of an account */
const audited = (u: UserRow) => ({
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  stationId: u.stationId,
  disabled: u.disabled,
  mustChangePassword: u.mustChangePassword,
  retiredAt: u.retiredAt?.toISOString() ?? null,
});

export function createUserService({
  db,
  audit,
  endSessions,
  now = () => new Date(),
}: {
  db: DbClient;
  audit: AuditService;
  /** closes the live sockets of ended sessions */
  endSessions: (sessionIds: readonly string[]) => Promise<void>;
  now?: () => Date;
}) {
  const repo = createUserRepository(db);

  async function toAccounts(rows: UserRow[]): Promise<UserAccount[]> {
    const names = rows.map((r) => r.username);
    const ids = rows.map((r) => r.id);
    const [throttles, sessions] = await Promise.all([repo.listBackoffs(names, now()), repo.countSessions(ids, now())]);
    const backoff = new Map(throttles.map((t) => [t.username, t._max.blockedUntil]));
    const active = new Map(sessions.map((s) => [s.userId, s._count._all]));
    return rows.map((u) => ({
      ...u,
      backedOffUntil: backoff.get(u.username)?.toISOString() ?? null,
      activeSessions: active.get(u.id) ?? 0,
      lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
      createdAt: u.createdAt.toISOString(),
      retiredAt: u.retiredAt?.toISOString() ?? null,
    }));
  }

  async function found(id: string): Promise<UserRow> {
    const row = await repo.findUser(id);
    if (!row) throw new NotFoundError("user");
    return row;
  }

  async function one(id: string): Promise<UserAccount> {
    return (await toAccounts([await found(id)]))[0] as UserAccount;
  }

  const record = (by: Requester, tx: Tx | undefined, action: AuditAction, id: string, before: unknown, after: unknown) =>
    audit.record({ actor: by.actor, ip: by.ip, action, targetType: "user", targetId: id, before, after }, tx);

  async function revoke(userId: string): Promise<string[]> {
    const ids = await repo.listSessionIds(userId);
    await repo.deleteSessions(ids);
    await endSessions(ids);
    return ids;
  }

  return {
    /** one page of the accounts in service (retired ones too with `retired=true`), and how many match */
    async list(query: UsersQuery): Promise<{ rows: UserAccount[]; total: number }> {
      const [rows, total] = await repo.listUsers(query);
      return { rows: await toAccounts(rows), total };
    },

    async create(by: Requester, body: CreateUserBody): Promise<UserAccount> {
      assertStrongPassword(body.password, [body.username, body.displayName]);
      const stationId = await stationAfter(repo, body.role, body.stationId, null);
      try {
        const user = await repo.transaction(async (tx) => {
          const created = await repo.insertUser(
            {
              id: `us-${randomBytes(8).toString("hex")}`,
              username: body.username,
              displayName: body.displayName,
              role: body.role,
              stationId,
              passwordHash: await hashPassword(body.password),
            },
            tx,
          );
          await audit.record(
            { actor: by.actor, ip: by.ip, action: "user.created", targetType: "user", targetId: created.id, after: audited(created) },
            tx,
          );
          return created;
        });
        return (await toAccounts([user]))[0] as UserAccount;
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new ConflictError(`the username ${body.username} is taken`).coded("username_taken", { username: body.username });
        }
        throw error;
      }
    },

    /**
     * Disabling an account, or giving it another role or station, also ends its sessions (and closes its
     * boards): the next sign-in sees what the account may see now.
     */
    async patch(by: Requester, id: string, body: PatchUserBody): Promise<UserAccount> {
      const before = await found(id);
      assertNotRetired(before);
      if (id === by.actor.userId && body.disabled === true) {
        throw new ConflictError("an administrator cannot disable their own account").coded("cannot_disable_self");
      }
      if (id === by.actor.userId && body.role !== undefined && body.role !== before.role) {
        throw new ConflictError("an administrator cannot change their own role").coded("cannot_demote_self");
      }
      const role = body.role ?? before.role;
      const stationId =
        body.role !== undefined || body.stationId !== undefined
          ? await stationAfter(repo, role, body.stationId, before.stationId)
          : before.stationId;
      const changes: UserChanges = {
        ...(body.disabled !== undefined ? { disabled: body.disabled } : {}),
        ...(body.displayName ? { displayName: body.displayName } : {}),
        ...(role !== before.role ? { role } : {}),
        ...(stationId !== before.stationId ? { stationId } : {}),
      };
      const losesAdmin = (body.disabled === true && !before.disabled) || role !== "ADMIN";
      const after = await repo.transaction(async (tx) => {
        if (losesAdmin) await assertNotLastAdmin(repo, tx, before);
        const updated = await repo.updateUser(id, changes, tx);
        const action =
          body.disabled === true && !before.disabled
            ? "user.disabled"
            : body.disabled === false && before.disabled
              ? "user.enabled"
              : "user.changed";
        await record(by, tx, action, id, audited(before), audited(updated));
        return updated;
      });
      if (after.disabled || after.role !== before.role || after.stationId !== before.stationId) await revoke(id);
      return one(id);
    },

    /**
     * Erases an account nothing in history names (204), or retires it (disabled for good, hidden from
     * the list, its name still taken): incidents it took, dispatches, timeline entries, posture changes
     * and its own audit trail keep pointing to it.
     */
    async remove(by: Requester, id: string): Promise<RetiredResult | null> {
      const before = await found(id);
      assertNotRetired(before);
      if (id === by.actor.userId) throw new ConflictError("an administrator cannot delete their own account").coded("cannot_delete_self");
      const history = await repo.historyOf(id);
      const kept = Object.values(history).some((n) => n > 0);
      const at = now();
      // listed before: erasing the account erases its sessions with it (the sockets must still be closed)
      const sessions = await repo.listSessionIds(id);
      await repo.transaction(async (tx) => {
        await assertNotLastAdmin(repo, tx, before);
        if (kept) {
          const updated = await repo.updateUser(id, { retiredAt: at, disabled: true }, tx);
          await record(by, tx, "user.retired", id, audited(before), { ...audited(updated), history });
        } else {
          await repo.deleteUser(id, tx);
          await record(by, tx, "user.deleted", id, audited(before), null);
        }
      });
      await repo.deleteSessions(sessions);
      await endSessions(sessions);
      return kept ? { retired: true, retiredAt: at.toISOString() } : null;
    },

    /**
     * A new random password, answered once (never stored in the clear nor audited): the account must
     * choose its own at the next sign-in. Ends its sessions and lifts its sign-in back-offs.
     */
    async resetPassword(by: Requester, id: string): Promise<ResetPasswordResult> {
      const before = await found(id);
      assertNotRetired(before);
      const temporary = temporaryPassword();
      const passwordHash = await hashPassword(temporary);
      await repo.transaction(async (tx) => {
        await repo.updateUser(id, { passwordHash, mustChangePassword: true }, tx);
        await record(by, tx, "user.password_reset", id, null, { mustChangePassword: true });
      });
      await repo.deleteBackoffs(before.username);
      const ended = await revoke(id);
      return { temporaryPassword: temporary, sessionsEnded: ended.length };
    },

    /** Lifts every sign-in back-off of the account, from every address. */
    async unlock(by: Requester, id: string): Promise<number> {
      const user = await repo.findUser(id);
      if (!user) throw new NotFoundError("user");
      const count = await repo.deleteBackoffs(user.username);
      await audit.record({
        actor: by.actor,
        ip: by.ip,
        action: "user.unlocked",
        targetType: "user",
        targetId: id,
        after: { cleared: count },
      });
      return count;
    },

    /** Signs the account out everywhere. */
    async revokeSessions(by: Requester, id: string): Promise<number> {
      const user = await repo.findUser(id);
      if (!user) throw new NotFoundError("user");
      const ended = await revoke(id);
      await audit.record({
        actor: by.actor,
        ip: by.ip,
        action: "user.sessions_revoked",
        targetType: "user",
        targetId: id,
        after: { sessions: ended.length },
      });
      return ended.length;
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
