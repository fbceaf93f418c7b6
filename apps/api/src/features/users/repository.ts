import type { DbClient, Prisma } from "@onemap/db";
import type { UsersQuery } from "@onemap/shared";
import type { Tx } from "../../database";

const select = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  stationId: true,
  disabled: true,
  mustChangePassword: true,
  retiredAt: true,
  lastLoginAt: true,
  createdAt: true,
} satisfies Prisma.UserSelect;

/** an account as the administrators see it: never its password hash */
export type UserRow = Prisma.UserGetPayload<{ select: typeof select }>;

export type UserChanges = Pick<
  Prisma.UserUncheckedUpdateInput,
  "disabled" | "displayName" | "role" | "stationId" | "mustChangePassword" | "passwordHash" | "retiredAt"
>;

function usersWhere(query: UsersQuery): Prisma.UserWhereInput {
  return {
    ...(query.retired ? {} : { retiredAt: null }),
    ...(query.role ? { role: query.role } : {}),
    ...(query.station ? { stationId: query.station } : {}),
    ...(query.q
      ? {
          OR: [{ username: { contains: query.q, mode: "insensitive" } }, { displayName: { contains: query.q, mode: "insensitive" } }],
        }
      : {}),
  };
}

function usersOrder(sort: UsersQuery["sort"]): Prisma.UserOrderByWithRelationInput[] {
  const byName: Prisma.UserOrderByWithRelationInput = { username: "asc" };
  if (!sort) return [byName];
  const dir = sort.desc ? "desc" : "asc";
  switch (sort.field) {
    case "station":
      return [{ station: { name: dir } }, byName];
    case "lastLoginAt":
      return [{ lastLoginAt: { sort: dir, nulls: "last" } }, byName];
    default:
      return [{ [sort.field]: dir }, byName];
  }
}

export function createUserRepository(db: DbClient) {
  return {
    /** runs `work` in one transaction; hand its `tx` to every write that must commit with the others */
    transaction: <T>(work: (tx: Tx) => Promise<T>) => db.$transaction(work),
    listUsers: (query: UsersQuery) =>
      db.$transaction([
        db.user.findMany({ where: usersWhere(query), select, orderBy: usersOrder(query.sort), take: query.limit, skip: query.offset }),
        db.user.count({ where: usersWhere(query) }),
      ]),
    findUser: (id: string) => db.user.findUnique({ where: { id }, select }),
    insertUser: (data: Prisma.UserUncheckedCreateInput, tx: Tx) => tx.user.create({ data, select }),
    updateUser: (id: string, data: UserChanges, tx: Tx) => tx.user.update({ where: { id }, data, select }),
    deleteUser: async (id: string, tx: Tx) => {
      await tx.user.delete({ where: { id } });
    },
    findStation: (id: string) => db.station.findUnique({ where: { id }, select: { kind: true, retiredAt: true } }),
    /**
     * The enabled administrators in service, their rows locked until the transaction ends: two
     * administrators demoting each other at once cannot both pass the "last administrator" check.
     */
    async lockEnabledAdmins(tx: Tx): Promise<string[]> {
      const rows = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "User" WHERE role = 'ADMIN' AND NOT disabled AND "retiredAt" IS NULL FOR UPDATE`;
      return rows.map((r) => r.id);
    },
    /** what history names this account: incidents taken, dispatches, timeline entries, posture changes, its own audit trail */
    async historyOf(id: string) {
      const [incidents, assignments, events, postures, audit] = await Promise.all([
        db.incident.count({ where: { createdById: id } }),
        db.assignment.count({ where: { dispatchedById: id } }),
        db.incidentEvent.count({ where: { actorId: id } }),
        db.posture.count({ where: { updatedById: id } }),
        db.auditEvent.count({ where: { actorId: id } }),
      ]);
      return { incidents, assignments, events, postures, audit };
    },
    /** the latest end of each account's sign-in back-offs still running at `now`, by username */
    listBackoffs: (usernames: string[], now: Date) =>
      db.loginThrottle.groupBy({
        by: ["username"],
        where: { username: { in: usernames }, blockedUntil: { gt: now } },
        _max: { blockedUntil: true },
      }),
    async deleteBackoffs(username: string): Promise<number> {
      return (await db.loginThrottle.deleteMany({ where: { username } })).count;
    },
    /** how many sessions each account holds that are not expired at `now` */
    countSessions: (userIds: string[], now: Date) =>
      db.session.groupBy({ by: ["userId"], where: { userId: { in: userIds }, expiresAt: { gt: now } }, _count: { _all: true } }),
    async listSessionIds(userId: string): Promise<string[]> {
      return (await db.session.findMany({ where: { userId }, select: { id: true } })).map((s) => s.id);
    },
    async deleteSessions(ids: string[]): Promise<void> {
      await db.session.deleteMany({ where: { id: { in: ids } } });
    },
  };
}
