import { createHash, randomBytes } from "node:crypto";
import { type DbClient, hashPassword, verifyPassword } from "@onemap/db";
import type { ChangePasswordBody, Me } from "@onemap/shared";
import type pg from "pg";
import type { Actor } from "../../actor";
import { BadRequestError, TooManyRequestsError, UnauthorizedError } from "../../errors";
import type { AuditService } from "../audit/service";
import { assertStrongPassword } from "./password-policy";
import { createAccountRepository, createAuthRepository } from "./repository";

/** failed sign-ins of one name from one address before it must wait */
const FREE_FAILURES = 5;
/** the first wait, doubled with every further failure, up to MAX_BACKOFF_MS */
const FIRST_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 15 * 60_000;
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
/** a 400 naming one field of the password change, with its code */
const passwordRefusal = (field: string, code: "wrong_current_password" | "password_unchanged", message: string) =>
  new BadRequestError(`${field}: ${message}`, [{ path: field, message, code }]).coded(code);

export function createAuthService({ db, reads, audit, sessionTtlMs, now = () => new Date() }: AuthServiceDeps) {
  const repository = createAuthRepository({ db, reads });
  // verifying against a real hash when the user does not exist keeps the timing of both answers alike
  const dummyHash = hashPassword(randomBytes(16).toString("hex"));

  /**
   * One failure more for this name from this address, in one statement (concurrent guesses cannot slip
   * past it). From the FREE_FAILURES-th on, the address must wait, twice as long each time.
   */
  async function recordFailure(username: string, ip: string): Promise<Date | null> {
    const at = now();
    const failures = await repository.countFailure(username, ip, at);
    if (failures < FREE_FAILURES) return null;
    const waitMs = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.min(20, failures - FREE_FAILURES));
    const until = new Date(at.getTime() + waitMs);
    await repository.blockUntil(username, ip, until);
    return until;
  }

  /** this name from this address is waiting out a back-off: 429 (sign-in and password change share it) */
  async function assertNotBackedOff(username: string, ip: string): Promise<void> {
    const throttle = await repository.throttle(username, ip);
    if (throttle?.blockedUntil && throttle.blockedUntil > now()) {
      // the same for a real and a made-up name, and only from this address: the real user elsewhere signs in
      const waitS = Math.ceil((throttle.blockedUntil.getTime() - now().getTime()) / 1000);
      throw new TooManyRequestsError(`too many failed sign-ins from this address: try again in ${waitS} s`, waitS).coded("login_backoff", {
        seconds: waitS,
      });
    }
  }

  return {
    async login(rawUsername: string, password: string, meta: { ip: string; userAgent?: string }) {
      const username = rawUsername.toLowerCase();
      await assertNotBackedOff(username, meta.ip);
      const user = await repository.userByName(username);
      const ok = await verifyPassword(user ? user.passwordHash : await dummyHash, password);
      if (!user || !ok || user.disabled || user.retiredAt) {
        const blockedUntil = await recordFailure(username, meta.ip);
        const actor = { userId: null, username };
        await audit.record({
          actor,
          ip: meta.ip,
          action: "auth.login_failed",
          targetType: "user",
          ...(user ? { targetId: user.id } : {}),
          after: { reason: !user ? "unknown_user" : !ok ? "wrong_password" : user.retiredAt ? "retired" : "disabled" },
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
      await repository.transaction(async (tx) => {
        await repository.clearThrottle(tx, username, meta.ip);
        await repository.markSignedIn(tx, user.id, at);
        const session = await repository.createSession(tx, {
          id: randomBytes(12).toString("base64url"),
          tokenHash: sha256(token),
          userId: user.id,
          createdAt: at,
          lastSeenAt: at,
          expiresAt: new Date(at.getTime() + sessionTtlMs),
          ip: meta.ip,
          userAgent: meta.userAgent?.slice(0, 300) ?? null,
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
      const session = await repository.sessionByTokenHash(sha256(token));
      if (!session) return null;
      await repository.deleteSession(session.id);
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
      const count = await repository.purgeSessions(now());
      await repository.purgeThrottles(new Date(now().getTime() - 24 * 3_600_000));
      return count;
    },

    /**
     * The actor behind a session token, or null when it is unknown, expired or its user disabled.
     * Every request and socket asks this: one lean read; the sliding expiry is written back at most every few minutes.
     */
    async resolveSession(token: string): Promise<Actor | null> {
      const session = await repository.sessionWithUser(sha256(token));
      const at = now();
      if (!session || session.expiresAt.getTime() <= at.getTime() || session.disabled) return null;
      if (at.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
        await repository.touchSession(session.id, at, new Date(at.getTime() + sessionTtlMs));
      }
      return {
        userId: session.userId,
        username: session.username,
        displayName: session.displayName,
        role: session.role,
        stationId: session.stationId,
        sessionId: session.id,
        mustChangePassword: session.mustChangePassword,
      };
    },

    /**
     * The signed-in person chooses a new password (the same policy as a new account), which also meets
     * an administrator's reset. A wrong current password counts as a failed sign-in of that name from
     * that address (the same back-off), so this cannot be used to guess it. Ends the account's other
     * sessions: returns their ids, whose sockets the caller closes.
     */
    async changePassword(actor: Actor, body: ChangePasswordBody, ip: string): Promise<{ me: Me; endedSessions: string[] }> {
      await assertNotBackedOff(actor.username, ip);
      const user = await repository.userById(actor.userId);
      if (!user) throw new UnauthorizedError();
      if (!(await verifyPassword(user.passwordHash, body.currentPassword))) {
        const blockedUntil = await recordFailure(actor.username, ip);
        const entry = { actor, ip, targetType: "user", targetId: user.id } as const;
        await audit.record({ ...entry, action: "auth.password_change_failed" });
        if (blockedUntil) await audit.record({ ...entry, action: "auth.backoff", after: { until: blockedUntil.toISOString() } });
        throw passwordRefusal("body.currentPassword", "wrong_current_password", "the current password is wrong");
      }
      if (body.newPassword === body.currentPassword) {
        throw passwordRefusal("body.newPassword", "password_unchanged", "the new password must differ from the current one");
      }
      assertStrongPassword(body.newPassword, [user.username, user.displayName], "body.newPassword");
      const passwordHash = await hashPassword(body.newPassword);
      const endedSessions = await repository.transaction(async (tx) => {
        await repository.setOwnPassword(tx, user.id, passwordHash);
        await repository.clearThrottle(tx, user.username, ip);
        const ended = await repository.endOtherSessions(tx, user.id, actor.sessionId);
        await audit.record(
          {
            actor,
            ip,
            action: "auth.password_changed",
            targetType: "user",
            targetId: user.id,
            after: { afterReset: user.mustChangePassword, otherSessionsEnded: ended.length },
          },
          tx,
        );
        return ended;
      });
      return { me: await this.me(user.id), endedSessions };
    },

    async me(userId: string): Promise<Me> {
      const user = await repository.userWithStation(userId);
      return {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        stationId: user.stationId,
        stationName: user.station?.name ?? null,
        mustChangePassword: user.mustChangePassword,
      };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

/** Creates an administrator unless the username exists: for a real database, which has no default sign-ins. */
export async function ensureAdmin(db: DbClient, username: string, password: string): Promise<"created" | "exists"> {
  const accounts = createAccountRepository(db);
  if (await accounts.userByName(username)) return "exists";
  await accounts.createUser({
    id: `us-${randomBytes(8).toString("hex")}`,
    username,
    displayName: "系统管理员",
    role: "ADMIN",
    passwordHash: await hashPassword(password),
  });
  return "created";
}
