import { randomBytes } from "node:crypto";
import { type DbClient, hashPassword, Prisma } from "@onemap/db";
import { type CreateUserBody, FIELD_MESSAGES, type PatchUserBody, type UserAccount } from "@onemap/shared";
import type { Requester } from "../../actor";
import { BadRequestError, ConflictError, NotFoundError } from "../../errors";
import type { AuditService } from "../audit/service";
import { assertStrongPassword } from "../auth/password-policy";

const select = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  stationId: true,
  disabled: true,
  lastLoginAt: true,
  createdAt: true,
} satisfies Prisma.UserSelect;

type Row = Prisma.UserGetPayload<{ select: typeof select }>;
/** what the audit keeps of an account */
const audited = (u: Row) => ({
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
  async function toAccounts(rows: Row[]): Promise<UserAccount[]> {
    const names = rows.map((r) => r.username);
    const ids = rows.map((r) => r.id);
    const [throttles, sessions] = await Promise.all([
      db.loginThrottle.groupBy({
        by: ["username"],
        where: { username: { in: names }, blockedUntil: { gt: now() } },
        _max: { blockedUntil: true },
      }),
      db.session.groupBy({ by: ["userId"], where: { userId: { in: ids }, expiresAt: { gt: now() } }, _count: { _all: true } }),
    ]);
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
    const row = await db.user.findUnique({ where: { id }, select });
    if (!row) throw new NotFoundError("user");
    return (await toAccounts([row]))[0] as UserAccount;
  }

  async function revoke(userId: string): Promise<string[]> {
    const sessions = await db.session.findMany({ where: { userId }, select: { id: true } });
    await db.session.deleteMany({ where: { id: { in: sessions.map((s) => s.id) } } });
    const ids = sessions.map((s) => s.id);
    await endSessions(ids);
    return ids;
  }

  return {
    async list(): Promise<UserAccount[]> {
      return toAccounts(await db.user.findMany({ select, orderBy: { username: "asc" } }));
    },

    async create(by: Requester, body: CreateUserBody): Promise<UserAccount> {
      assertStrongPassword(body.password, [body.username, body.displayName]);
      if (body.role === "STATION_CHIEF") {
        const station = body.stationId ? await db.station.findUnique({ where: { id: body.stationId } }) : null;
        if (station?.kind !== "POLICE_STATION") {
          throw new BadRequestError("a station chief needs the id of a police station", [
            { path: "body.stationId", message: FIELD_MESSAGES.no_such_station, code: "field:no_such_station" },
          ]);
        }
      }
      try {
        const user = await db.$transaction(async (tx) => {
          const created = await tx.user.create({
            data: {
              id: `us-${randomBytes(8).toString("hex")}`,
              username: body.username,
              displayName: body.displayName,
              role: body.role,
              stationId: body.role === "STATION_CHIEF" ? (body.stationId ?? null) : null,
              passwordHash: await hashPassword(body.password),
            },
            select,
          });
          await audit.record(
            { actor: by.actor, ip: by.ip, action: "user.created", targetType: "user", targetId: created.id, after: audited(created) },
            tx,
          );
          return created;
        });
        return (await toAccounts([user]))[0] as UserAccount;
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
          throw new ConflictError(`the username ${body.username} is taken`).coded("username_taken", { username: body.username });
        }
        throw error;
      }
    },

    /** Disabling an account also ends its sessions (and closes its boards). */
    async patch(by: Requester, id: string, body: PatchUserBody): Promise<UserAccount> {
      const before = await db.user.findUnique({ where: { id }, select });
      if (!before) throw new NotFoundError("user");
      if (body.disabled === true && id === by.actor.userId) {
        throw new ConflictError("an administrator cannot disable their own account").coded("cannot_disable_self");
      }
      const after = await db.$transaction(async (tx) => {
        const updated = await tx.user.update({
          where: { id },
          data: {
            ...(body.disabled !== undefined ? { disabled: body.disabled } : {}),
            ...(body.displayName ? { displayName: body.displayName } : {}),
          },
          select,
        });
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
      const user = await db.user.findUnique({ where: { id }, select });
      if (!user) throw new NotFoundError("user");
      const { count } = await db.loginThrottle.deleteMany({ where: { username: user.username } });
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
      const user = await db.user.findUnique({ where: { id }, select });
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
