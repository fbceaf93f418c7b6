import { createHash, randomBytes } from "node:crypto";
import { type DbClient, hashPassword, verifyPassword } from "@onemap/db";
import type { Me, Role } from "@onemap/shared";
import type pg from "pg";
import type { Actor } from "../../actor";
import { TooManyRequestsError, UnauthorizedError } from "../../errors";
import type { AuditService } from "../audit/service";

/** failed sign-ins of one name from one address before it must wait */
export const FREE_FAILURES = 5;
/** the first wait, doubled with every further failure, up to MAX_BACKOFF_MS */
export const FIRST_BACKOFF_MS = 30_000;
export const MAX_BACKOFF_MS = 15 * 60_000;
/** sliding expiry is written back at most this often, not on every request */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export interface AuthServiceDeps {
  db: DbClient;
  /** a `pg` pool for the hottest reads */
  reads: pg.Pool;
  audit: AuditService;
  sessionTtlMs: number;
  now?: () => Date;
}

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");
/** one refusal for every failed sign-in: unknown name, wrong password, disabled account */
const wrongCredentials = () => new UnauthorizedError("wrong username or password").coded("wrong_credentials");

export function createAuthService({ db, reads, audit, sessionTtlMs, now = () => new Date() }: AuthServiceDeps) {
  // verifying against a real hash when the user does not exist keeps the timing of both answers alike
  const dummyHash = hashPassword(randomBytes(16).toString("hex"));

  /**
   * One failure more for this name from this address, in one statement (concurrent guesses cannot slip
   * past it). From the FREE_FAILURES-th on, the address must wait, twice as long each time.
   */
  async function recordFailure(username: string, ip: string): Promise<Date | null> {
    const at = now();
    const rows = await db.$queryRaw<{ failures: number }[]>`
      INSERT INTO "LoginThrottle" (username, ip, failures, "lastFailureAt") VALUES (${username}, ${ip}, 1, ${at})
      ON CONFLICT (username, ip) DO UPDATE SET failures = "LoginThrottle".failures + 1, "lastFailureAt" = ${at}
      RETURNING failures`;
    const failures = rows[0]?.failures ?? 1;
    if (failures < FREE_FAILURES) return null;
    const waitMs = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.min(20, failures - FREE_FAILURES));
    const until = new Date(at.getTime() + waitMs);
    await db.loginThrottle.update({ where: { username_ip: { username, ip } }, data: { blockedUntil: until } });
    return until;
  }

  return {
    async login(rawUsername: string, password: string, meta: { ip: string; userAgent?: string }) {
      const username = rawUsername.toLowerCase();
      const throttle = await db.loginThrottle.findUnique({ where: { username_ip: { username, ip: meta.ip } } });
      if (throttle?.blockedUntil && throttle.blockedUntil > now()) {
        // the same for a real and a made-up name, and only from this address: the real user elsewhere signs in
        const waitS = Math.ceil((throttle.blockedUntil.getTime() - now().getTime()) / 1000);
        throw new TooManyRequestsError(`too many failed sign-ins from this address: try again in ${waitS} s`, waitS).coded(
          "login_backoff",
          {
            seconds: waitS,
          },
        );
      }
      const user = await db.user.findUnique({ where: { username } });
      const ok = await verifyPassword(user ? user.passwordHash : await dummyHash, password);
      if (!user || !ok || user.disabled) {
        const blockedUntil = await recordFailure(username, meta.ip);
        const actor = { userId: null, username };
        await audit.record({
          actor,
          ip: meta.ip,
          action: "auth.login_failed",
          targetType: "user",
          ...(user ? { targetId: user.id } : {}),
          after: { reason: !user ? "unknown_user" : !ok ? "wrong_password" : "disabled" },
        });
        if (blockedUntil) {
          await audit.record({
            actor,
            ip: meta.ip,
            action: "auth.backoff",
            targetType: "user",
            ...(user ? { targetId: user.id } : {}),
            after: { until: blockedUntil.toISOString() },
          });
        }
        throw wrongCredentials();
      }
      const token = randomBytes(32).toString("base64url");
      const at = now();
      await db.$transaction(async (tx) => {
        await tx.loginThrottle.deleteMany({ where: { username, ip: meta.ip } });
        await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: at } });
        const session = await tx.session.create({
          data: {
            id: randomBytes(12).toString("base64url"),
            tokenHash: sha256(token),
            userId: user.id,
            createdAt: at,
            lastSeenAt: at,
            expiresAt: new Date(at.getTime() + sessionTtlMs),
            ip: meta.ip,
            userAgent: meta.userAgent?.slice(0, 300) ?? null,
          },
        });
        await audit.record(
          { actor: { userId: user.id, username }, ip: meta.ip, action: "auth.login", targetType: "session", targetId: session.id },
          tx,
        );
      });
      return { token, me: await this.me(user.id) };
    },

    /** Ends a session; returns its id (null when it did not exist) so its live sockets can be closed too. */
    async logout(token: string, ip: string): Promise<string | null> {
      const session = await db.session.findUnique({
        where: { tokenHash: sha256(token) },
        select: { id: true, user: { select: { id: true, username: true } } },
      });
      if (!session) return null;
      await db.session.deleteMany({ where: { id: session.id } });
      await audit.record({
        actor: { userId: session.user.id, username: session.user.username },
        ip,
        action: "auth.logout",
        targetType: "session",
        targetId: session.id,
      });
      return session.id;
    },

    /** Sessions past their expiry, and sign-in back-offs a day quiet, are deleted: neither lets anyone in or keeps anyone out any more. */
    async purgeExpired(): Promise<number> {
      const { count } = await db.session.deleteMany({ where: { expiresAt: { lt: now() } } });
      await db.loginThrottle.deleteMany({ where: { lastFailureAt: { lt: new Date(now().getTime() - 24 * 3_600_000) } } });
      return count;
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
        displayName: string;
        role: Role;
        stationId: string | null;
        disabled: boolean;
      }>(
        `SELECT s.id, extract(epoch FROM s."expiresAt") * 1000 AS "expiresAtMs", extract(epoch FROM s."lastSeenAt") * 1000 AS "lastSeenAtMs",
                u.id AS "userId", u.username, u."displayName", u.role::text AS role, u."stationId", u.disabled
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
        displayName: session.displayName,
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
