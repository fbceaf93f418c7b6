import { ChangePasswordBody, ErrorBody, LoginBody, LogoutResponse, Me } from "@onemap/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf, SESSION_COOKIE } from "../../plugins/auth";

export const authRoutes: FastifyPluginAsyncZod<{ loginPerMinute: number }> = async (app, opts) => {
  app.post(
    "/api/auth/login",
    {
      config: { rateLimit: { max: opts.loginPerMinute, timeWindow: "1 minute" } },
      schema: {
        tags: ["auth"],
        summary: "Sign in; sets the HttpOnly session cookie",
        body: LoginBody,
        response: { 200: Me, 400: ErrorBody, 401: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const { token, me } = await app.auth.login(request.body.username, request.body.password, {
        ip: request.ip,
        ...(request.headers["user-agent"] ? { userAgent: request.headers["user-agent"] } : {}),
      });
      app.setSessionCookie(reply, token);
      return me;
    },
  );

  app.post(
    "/api/auth/logout",
    { schema: { tags: ["auth"], summary: "Sign out: ends this session", response: { 200: LogoutResponse } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      const sessionId = token ? await app.auth.logout(token, request.ip) : null;
      if (sessionId) await app.realtime.disconnectSession(sessionId);
      app.clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.get(
    "/api/auth/me",
    {
      // answered while a reset password waits to be replaced: it says so (mustChangePassword)
      onRequest: app.authorize(undefined, { whilePasswordReset: true }),
      schema: { tags: ["auth"], summary: "Who is signed in", response: { 200: Me, 401: ErrorBody } },
    },
    async (request) => app.auth.me(actorOf(request).userId),
  );

  app.post(
    "/api/auth/password",
    {
      onRequest: app.authorize(undefined, { whilePasswordReset: true }),
      config: { rateLimit: { max: opts.loginPerMinute, timeWindow: "1 minute" } },
      schema: {
        tags: ["auth"],
        summary:
          "Choose a new password (12+ characters, not easily guessed); meets an administrator's reset and ends this account's other sessions. A wrong current password counts as a failed sign-in",
        body: ChangePasswordBody,
        response: { 200: Me, 400: ErrorBody, 401: ErrorBody, 429: ErrorBody },
      },
    },
    async (request) => {
      const { me, endedSessions } = await app.auth.changePassword(actorOf(request), request.body, request.ip);
      await Promise.all(endedSessions.map((id) => app.realtime.disconnectSession(id)));
      return me;
    },
  );
};
