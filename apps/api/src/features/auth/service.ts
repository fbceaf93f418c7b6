import { createHash, randomBytes } from "node:crypto";
import { type DbClient, hashPassword, verifyPassword } from "@onemap/db";
import type { Me, Role } from "@onemap/shared";
import type pg from "pg";
import type { Actor } from "../../actor";
import { LockedError, UnauthorizedError } from "../../errors";

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 10 * 60 * 1000;
/** sliding expiry is written back at most this often, not on every request */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export interface AuthServiceDeps {
  db: DbClient;
  /** a `pg` pool for the hottest reads */
  reads: pg.Pool;
  sessionTtlMs: number;
  now?: () => Date;
}

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");

export function createAuthService({ db, reads, sessionTtlMs, now = () => new Date() }: AuthServiceDeps) {
  // verifying against a real hash when the user does not exist keeps the timing of both answers alike
  const dummyHash = hashPassword(randomBytes(16).toString("hex"));

  async function recordFailure(userId: string): Promise<Date | null> {
    // one statement, so that concurrent wrong guesses cannot slip past the limit
    const rows = await db.$queryRaw<{ lockedUntil: Date | null }[]>`
      UPDATE "User"
         SET "failedLogins" = CASE WHEN "failedLogins" + 1 >= ${MAX_FAILED_LOGINS} THEN 0 ELSE "failedLogins" + 1 END,
             "lockedUntil"  = CASE WHEN "failedLogins" + 1 >= ${MAX_FAILED_LOGINS} THEN ${new Date(now().getTime() + LOCKOUT_MS)} ELSE "lockedUntil" END
       WHERE id = ${userId}
   RETURNING "lockedUntil"`;
    return rows[0]?.lockedUntil ?? null;
  }

  function locked(until: Date): LockedError {
    const minutes = Math.max(1, Math.ceil((until.getTime() - now().getTime()) / 60_000));
    const message = `too many failed sign-ins: this account is locked for ${minutes} more minute${minutes === 1 ? "" : "s"}`;
    return new LockedError(message).coded("account_locked", { minutes });
  }

  return {
    async login(username: string, password: string, meta: { ip?: string; userAgent?: string }) {
      const user = await db.user.findUnique({ where: { username } });
      if (!user) {
        await verifyPassword(await dummyHash, password);
        throw new UnauthorizedError("wrong username or password").coded("wrong_credentials");
      }
      if (user.lockedUntil && user.lockedUntil > now()) throw locked(user.lockedUntil);
      const ok = await verifyPassword(user.passwordHash, password);
      if (!ok) {
        const lockedUntil = await recordFailure(user.id);
        if (lockedUntil && lockedUntil > now()) throw locked(lockedUntil);
        throw new UnauthorizedError("wrong username or password").coded("wrong_credentials");
      }
      if (user.disabled) throw new UnauthorizedError("this account is disabled").coded("account_disabled");
      const token = randomBytes(32).toString("base64url");
      const at = now();
      await db.$transaction([
        db.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null, lastLoginAt: at } }),
        db.session.create({
          data: {
            id: randomBytes(12).toString("base64url"),
            tokenHash: sha256(token),
            userId: user.id,
            createdAt: at,
            lastSeenAt: at,
            expiresAt: new Date(at.getTime() + sessionTtlMs),
            ip: meta.ip ?? null,
            userAgent: meta.userAgent?.slice(0, 300) ?? null,
          },
        }),
      ]);
      return { token, me: await this.me(user.id) };
    },

    /** Ends a session; returns its id (null when it did not exist) so its live sockets can be closed too. */
    async logout(token: string): Promise<string | null> {
      const session = await db.session.findUnique({ where: { tokenHash: sha256(token) }, select: { id: true } });
      if (!session) return null;
      await db.session.deleteMany({ where: { id: session.id } });
      return session.id;
    },

    /** The actor behind a session token, or null when it is unknown, expired or its user disabled. */
    /** Every request and socket asks this: one lean query through `pg` (not the ORM), on its own pool. */
    async resolveSession(token: string): Promise<Actor | null> {
      const { rows } = await reads.query<{
        id: string;
        expiresAtMs: number;
        lastSeenAtMs: number;
        userId: string;
        username: string;
        role: Role;
        stationId: string | null;
        disabled: boolean;
      }>(
        `SELECT s.id, extract(epoch FROM s."expiresAt") * 1000 AS "expiresAtMs", extract(epoch FROM s."lastSeenAt") * 1000 AS "lastSeenAtMs",
                u.id AS "userId", u.username, u.role::text AS role, u."stationId", u.disabled
           FROM "Session" s JOIN "User" u ON u.id = s."userId"
          WHERE s."tokenHash" = $1`,
        [sha256(token)],
      );
      const session = rows[0];
      const at = now();
      if (!session || Number(session.expiresAtMs) <= at.getTime() || session.disabled) return null;
      if (at.getTime() - Number(session.lastSeenAtMs) > TOUCH_EVERY_MS) {
        await db.session.update({ where: { id: session.id }, data: { lastSeenAt: at, expiresAt: new Date(at.getTime() + sessionTtlMs) } });
      }
      return {
        userId: session.userId,
        username: session.username,
        role: session.role,
        stationId: session.stationId,
        sessionId: session.id,
      };
    },

    async me(userId: string): Promise<Me> {
      const user = await db.user.findUniqueOrThrow({ where: { id: userId }, include: { station: { select: { name: true } } } });
      return {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        stationId: user.stationId,
        stationName: user.station?.name ?? null,
      };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

/** Creates an administrator unless the username exists: for a real database, which has no default sign-ins. */
export async function ensureAdmin(db: DbClient, username: string, password: string): Promise<"created" | "exists"> {
  const existing = await db.user.findUnique({ where: { username } });
  if (existing) return "exists";
  await db.user.create({
    data: {
      id: `us-${randomBytes(8).toString("hex")}`,
      username,
      displayName: "系统管理员",
      role: "ADMIN",
      passwordHash: await hashPassword(password),
    },
  });
  return "created";
}
