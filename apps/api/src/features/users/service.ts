import { randomBytes } from "node:crypto";
import { type DbClient, hashPassword } from "@onemap/db";
import { type CreateUserBody, FIELD_MESSAGES, type PatchUserBody, type UserAccount } from "@onemap/shared";
import type { Requester } from "../../actor";
import { isUniqueViolation } from "../../database";
import { BadRequestError, ConflictError, NotFoundError } from "../../errors";
import type { AuditService } from "../audit/service";
import { assertStrongPassword } from "../auth/password-policy";
import { createUserRepository, type UserRow } from "./repository";

/** what the audit keeps of an account */
const audited = (u: UserRow) => ({
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  stationId: u.stationId,
  disabled: u.disabled,
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
    }));
  }

  async function one(id: string): Promise<UserAccount> {
    const row = await repo.findUser(id);
    if (!row) throw new NotFoundError("user");
    return (await toAccounts([row]))[0] as UserAccount;
  }

  async function revoke(userId: string): Promise<string[]> {
    const ids = await repo.listSessionIds(userId);
    await repo.deleteSessions(ids);
    await endSessions(ids);
    return ids;
  }

  return {
    async list(): Promise<UserAccount[]> {
      return toAccounts(await repo.listUsers());
    },

    async create(by: Requester, body: CreateUserBody): Promise<UserAccount> {
      assertStrongPassword(body.password, [body.username, body.displayName]);
      if (body.role === "STATION_CHIEF") {
        const station = body.stationId ? await repo.findStation(body.stationId) : null;
        if (station?.kind !== "POLICE_STATION") {
          throw new BadRequestError("a station chief needs the id of a police station", [
            { path: "body.stationId", message: FIELD_MESSAGES.no_such_station, code: "field:no_such_station" },
          ]);
        }
      }
      try {
        const user = await repo.transaction(async (tx) => {
          const created = await repo.insertUser(
            {
              id: `us-${randomBytes(8).toString("hex")}`,
              username: body.username,
              displayName: body.displayName,
              role: body.role,
              stationId: body.role === "STATION_CHIEF" ? (body.stationId ?? null) : null,
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

    /** Disabling an account also ends its sessions (and closes its boards). */
    async patch(by: Requester, id: string, body: PatchUserBody): Promise<UserAccount> {
      const before = await repo.findUser(id);
      if (!before) throw new NotFoundError("user");
      if (body.disabled === true && id === by.actor.userId) {
        throw new ConflictError("an administrator cannot disable their own account").coded("cannot_disable_self");
      }
      const after = await repo.transaction(async (tx) => {
        const updated = await repo.updateUser(
          id,
          {
            ...(body.disabled !== undefined ? { disabled: body.disabled } : {}),
            ...(body.displayName ? { displayName: body.displayName } : {}),
          },
          tx,
        );
        const action =
          body.disabled === true && !before.disabled
            ? "user.disabled"
            : body.disabled === false && before.disabled
              ? "user.enabled"
              : "user.changed";
        await audit.record(
          { actor: by.actor, ip: by.ip, action, targetType: "user", targetId: id, before: audited(before), after: audited(updated) },
          tx,
        );
        return updated;
      });
      if (after.disabled) await revoke(id);
      return one(id);
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
