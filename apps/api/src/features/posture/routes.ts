import { ErrorBody, Posture } from "@onemap/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { PostureService } from "./service";

export const postureRoutes: FastifyPluginAsyncZod<{ posture: PostureService }> = async (app, { posture }) => {
  app.get(
    "/api/posture",
    {
      onRequest: app.authorize(),
      schema: {
        tags: ["posture"],
        summary: "The county-wide posture level (社会治安防控等级)",
        response: { 200: Posture, 401: ErrorBody },
      },
    },
    async () => posture.getPosture(),
  );
};
