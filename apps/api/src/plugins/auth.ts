import cookie from "@fastify/cookie";
import type { Role } from "@onemap/shared";
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from "fastify";
import fp from "fastify-plugin";
import type { Actor } from "../actor";
import { ForbiddenError, UnauthorizedError } from "../errors";
import type { AuthService } from "../features/auth/service";

export const SESSION_COOKIE = "onemap_session";

declare module "fastify" {
  interface FastifyRequest {
    /** resolved once per request from the session cookie; null when not signed in */
    actor: Actor | null;
  }
  interface FastifyInstance {
    auth: AuthService;
    /**
     * onRequest guard: signed in, and (when given) one of these roles; a session whose password was reset
     * is refused (403 password_change_required) unless `whilePasswordReset` (who am I, choose a new one)
     */
    authorize(roles?: readonly Role[], opts?: { whilePasswordReset?: boolean }): onRequestHookHandler;
    setSessionCookie(reply: FastifyReply, token: string): void;
    clearSessionCookie(reply: FastifyReply): void;
  }
}

/** The signed-in actor of a guarded route (the guard has already refused anonymous requests). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new UnauthorizedError();
  return request.actor;
}

/** The token of an `Authorization: Bearer <token>` header (devices and gateways), if any. */
export function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = typeof header === "string" ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

export const authPlugin = fp(
  async (app: FastifyInstance, opts: { auth: AuthService; sessionTtlMs: number; cookieSecure: boolean }) => {
    await app.register(cookie);
    app.decorate("auth", opts.auth);
    app.decorateRequest("actor", null);

    app.addHook("onRequest", async (request) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) request.actor = await opts.auth.resolveSession(token);
    });

    app.decorate("authorize", (roles?: readonly Role[], opts?: { whilePasswordReset?: boolean }) => {
      const guard: onRequestHookHandler = (request, _reply, done) => {
        if (!request.actor) return done(new UnauthorizedError());
        if (request.actor.mustChangePassword && !opts?.whilePasswordReset)
          return done(new ForbiddenError("choose a new password first (POST /api/auth/password)").coded("password_change_required"));
        if (roles && !roles.includes(request.actor.role))
          return done(
            new ForbiddenError(`this needs one of the roles ${roles.join(", ")}`).coded("role_required", { roles: roles.join(",") }),
          );
        done();
      };
      return guard;
    });

    app.decorate("setSessionCookie", (reply: FastifyReply, token: string) => {
      reply.setCookie(SESSION_COOKIE, token, {
        path: "/",
        httpOnly: true,
        sameSite: "strict",
        secure: opts.cookieSecure,
        maxAge: Math.floor(opts.sessionTtlMs / 1000),
      });
    });
    app.decorate("clearSessionCookie", (reply: FastifyReply) => {
      reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "strict", secure: opts.cookieSecure });
    });
  },
  { name: "auth" },
);
