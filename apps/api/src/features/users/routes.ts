import { CreateUserBody, ErrorBody, IdParams, PatchUserBody, UserAccount, UserActionResult } from "@onemap/shared";
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
    { schema: { tags: ["users"], summary: "Sign-in accounts (administrators)", response: { 200: z.array(UserAccount), ...errors } } },
    async () => users.list(),
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
        summary: "Disable (ends its sessions) or enable an account, or rename it",
        params: IdParams,
        body: PatchUserBody,
        response: { 200: UserAccount, ...errors },
      },
    },
    async (request) => users.patch(by(request), request.params.id, request.body),
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
