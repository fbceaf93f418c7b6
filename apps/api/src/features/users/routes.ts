import { CreateUserBody, ErrorBody, UserAccount } from "@onemap/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { UserService } from "./service";

export const userRoutes: FastifyPluginAsyncZod<{ users: UserService }> = async (app, { users }) => {
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody };
  app.get(
    "/api/users",
    {
      onRequest: app.authorize(["ADMIN"]),
      schema: { tags: ["users"], summary: "Sign-in accounts (administrators)", response: { 200: z.array(UserAccount), ...errors } },
    },
    async () => users.list(),
  );
  app.post(
    "/api/users",
    {
      onRequest: app.authorize(["ADMIN"]),
      schema: {
        tags: ["users"],
        summary: "Create a sign-in account (administrators)",
        body: CreateUserBody,
        response: { 201: UserAccount, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await users.create(request.body)),
  );
};
