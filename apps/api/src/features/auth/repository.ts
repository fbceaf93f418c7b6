// All of the auth feature's SQL. The session behind every request and socket is one joined read
// through `pg` on the `reads` pool (ADR 0007); the rest is Prisma.
import type { DbClient, Prisma } from "@onemap/db";
import type { Role } from "@onemap/shared";
import type pg from "pg";
import type { Tx } from "../../database";

export interface SessionOfUser {
  id: string;
  expiresAt: Date;
  lastSeenAt: Date;
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  stationId: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
}

/** the accounts (no `pg` pool needed: the command line that creates an administrator uses these) */
export function createAccountRepository(db: DbClient) {
  return {
    userByName(username: string) {
      return db.user.findUnique({ where: { username } });
    },
    userWithStation(id: string) {
      return db.user.findUniqueOrThrow({ where: { id }, include: { station: { select: { name: true } } } });
    },
    async createUser(data: Prisma.UserUncheckedCreateInput): Promise<void> {
      await db.user.create({ data });
    },
  };
}

export function createAuthRepository({ db, reads }: { db: DbClient; reads: pg.Pool }) {
  return {
    ...createAccountRepository(db),
    transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
      return db.$transaction(work);
    },

    throttle(username: string, ip: string) {
      return db.loginThrottle.findUnique({ where: { username_ip: { username, ip } } });
    },
    /** one failure more for this name from this address, in one statement (concurrent guesses cannot slip past it) */
    async countFailure(username: string, ip: string, at: Date): Promise<number> {
      const rows = await db.$queryRaw<{ failures: number }[]>`
        INSERT INTO "LoginThrottle" (username, ip, failures, "lastFailureAt") VALUES (${username}, ${ip}, 1, ${at})
        ON CONFLICT (username, ip) DO UPDATE SET failures = "LoginThrottle".failures + 1, "lastFailureAt" = ${at}
        RETURNING failures`;
      return rows[0]?.failures ?? 1;
    },
    async blockUntil(username: string, ip: string, until: Date): Promise<void> {
      await db.loginThrottle.update({ where: { username_ip: { username, ip } }, data: { blockedUntil: until } });
    },
    async clearThrottle(tx: Tx, username: string, ip: string): Promise<void> {
      await tx.loginThrottle.deleteMany({ where: { username, ip } });
    },
    /** sign-in back-offs quiet since `before` */
    async purgeThrottles(before: Date): Promise<void> {
      await db.loginThrottle.deleteMany({ where: { lastFailureAt: { lt: before } } });
    },

    async markSignedIn(tx: Tx, userId: string, at: Date): Promise<void> {
      await tx.user.update({ where: { id: userId }, data: { lastLoginAt: at } });
    },

    userById(id: string) {
      return db.user.findUnique({ where: { id } });
    },
    /** a new password chosen by its owner: the reset's obligation is met */
    async setOwnPassword(tx: Tx, userId: string, passwordHash: string): Promise<void> {
      await tx.user.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: false } });
    },
    /** ends the account's other sessions; returns their ids (their sockets are closed after) */
    async endOtherSessions(tx: Tx, userId: string, keep: string): Promise<string[]> {
      const others = await tx.session.findMany({ where: { userId, id: { not: keep } }, select: { id: true } });
      await tx.session.deleteMany({ where: { id: { in: others.map((s) => s.id) } } });
      return others.map((s) => s.id);
    },

    createSession(tx: Tx, data: Prisma.SessionUncheckedCreateInput) {
      return tx.session.create({ data });
    },
    sessionByTokenHash(tokenHash: string) {
      return db.session.findUnique({ where: { tokenHash }, select: { id: true, user: { select: { id: true, username: true } } } });
    },
    async deleteSession(id: string): Promise<void> {
      await db.session.deleteMany({ where: { id } });
    },
    /** sliding expiry */
    async touchSession(id: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
      await db.session.update({ where: { id }, data: { lastSeenAt, expiresAt } });
    },
    async purgeSessions(expiredBefore: Date): Promise<number> {
      return (await db.session.deleteMany({ where: { expiresAt: { lt: expiredBefore } } })).count;
    },

    /** the session of this token with its user, in one lean read */
    async sessionWithUser(tokenHash: string): Promise<SessionOfUser | undefined> {
      const { rows } = await reads.query<SessionOfUser>(
        `SELECT s.id, s."expiresAt", s."lastSeenAt",
                u.id AS "userId", u.username, u."displayName", u.role::text AS role, u."stationId", u.disabled, u."mustChangePassword"
           FROM "Session" s JOIN "User" u ON u.id = s."userId"
          WHERE s."tokenHash" = $1`,
        [tokenHash],
      );
      return rows[0];
    },
  };
}
