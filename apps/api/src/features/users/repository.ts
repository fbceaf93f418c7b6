import type { DbClient, Prisma } from "@onemap/db";
import type { Tx } from "../../database";

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

/** an account as the administrators see it: never its password hash */
export type UserRow = Prisma.UserGetPayload<{ select: typeof select }>;

export function createUserRepository(db: DbClient) {
  return {
    /** runs `work` in one transaction; hand its `tx` to every write that must commit with the others */
    transaction: <T>(work: (tx: Tx) => Promise<T>) => db.$transaction(work),
    listUsers: () => db.user.findMany({ select, orderBy: { username: "asc" } }),
    findUser: (id: string) => db.user.findUnique({ where: { id }, select }),
    insertUser: (data: Prisma.UserUncheckedCreateInput, tx: Tx) => tx.user.create({ data, select }),
    updateUser: (id: string, data: { disabled?: boolean; displayName?: string }, tx: Tx) => tx.user.update({ where: { id }, data, select }),
    findStation: (id: string) => db.station.findUnique({ where: { id } }),
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
