import {
  CreateUserBody,
  ErrorBody,
  IdParams,
  PatchUserBody,
  ResetPasswordResult,
  RetiredResult,
  UserAccount,
  UserActionResult,
  UsersQuery,
} from "@onemap/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../plugins/auth";
import type { UserService } from "./service";

/** Sign-in accounts: administrators only. */
export const userRoutes: FastifyPluginAsyncZod<{ users: UserService }> = async (app, { users }) => {
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
  app.addHook("onRequest", app.authorize(["ADMIN"]));
  const by = (request: Parameters<typeof actorOf>[0]) => ({ actor: actorOf(request), ip: request.ip });
  app.get(
    "/api/users",
    {
      schema: {
        tags: ["users"],
        summary:
          "Sign-in accounts (administrators); q= username or display name, role, station, sort=username|displayName|role|station|lastLoginAt|createdAt (-: descending), limit, offset, retired=true; X-Total-Count",
        querystring: UsersQuery,
        response: { 200: z.array(UserAccount), ...errors },
      },
    },
    async (request, reply) => {
      const { rows, total } = await users.list(request.query);
      return reply.header("x-total-count", total).send(rows);
    },
  );
  app.post(
    "/api/users",
    {
      schema: {
        tags: ["users"],
        summary: "Create a sign-in account (administrators); the password needs 12+ characters and must not be easily guessed",
        body: CreateUserBody,
        response: { 201: UserAccount, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await users.create(by(request), request.body)),
  );
  app.patch(
    "/api/users/:id",
    {
      schema: {
        tags: ["users"],
        summary:
          "Disable or enable an account, rename it, change its role or station binding (a station chief: a police station in service; others: none). Disabling, a new role or a new station end its sessions",
        params: IdParams,
        body: PatchUserBody,
        response: { 200: UserAccount, ...errors },
      },
    },
    async (request) => users.patch(by(request), request.params.id, request.body),
  );
  app.delete(
    "/api/users/:id",
    {
      schema: {
        tags: ["users"],
        summary:
          "Remove an account: 204 erased when nothing in history names it, else 200 retired (cannot sign in, hidden from the list, its username still taken)",
        params: IdParams,
        response: { 200: RetiredResult, 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const outcome = await users.remove(by(request), request.params.id);
      return outcome ? reply.status(200).send(outcome) : reply.status(204).send(null);
    },
  );
  app.post(
    "/api/users/:id/reset-password",
    {
      schema: {
        tags: ["users"],
        summary:
          "A new temporary password, answered once: the account must choose its own at the next sign-in; its sessions end and its sign-in back-offs are lifted",
        params: IdParams,
        response: { 200: ResetPasswordResult, ...errors },
      },
    },
    async (request) => users.resetPassword(by(request), request.params.id),
  );
  app.post(
    "/api/users/:id/unlock",
    {
      schema: {
        tags: ["users"],
        summary: "Lift the account's sign-in back-off from every address",
        params: IdParams,
        response: { 200: UserActionResult, ...errors },
      },
    },
    async (request) => ({ ok: true as const, count: await users.unlock(by(request), request.params.id) }),
  );
  app.post(
    "/api/users/:id/revoke-sessions",
    {
      schema: {
        tags: ["users"],
        summary: "Sign the account out everywhere (its boards are closed)",
        params: IdParams,
        response: { 200: UserActionResult, ...errors },
      },
    },
    async (request) => ({ ok: true as const, count: await users.revokeSessions(by(request), request.params.id) }),
  );
};
