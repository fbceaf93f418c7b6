import { ErrorBody, LiveStats } from "@onemap/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf } from "../../plugins/auth";
import type { createStatsService } from "./service";

export const statsRoutes: FastifyPluginAsyncZod<{ stats: ReturnType<typeof createStatsService> }> = async (app, { stats }) => {
  app.get(
    "/api/stats/live",
    {
      onRequest: app.authorize(),
      schema: {
        tags: ["stats"],
        summary: "Open incidents by status, tier and category; units; today's call-to-dispatch median and p90",
        response: { 200: LiveStats, 401: ErrorBody },
      },
    },
    async (req) => stats.live(actorOf(req)),
  );
};
