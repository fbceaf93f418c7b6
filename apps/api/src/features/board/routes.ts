import { Board, ErrorBody } from "@onemap/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf } from "../../plugins/auth";
import type { BoardService } from "./service";

export const boardRoutes: FastifyPluginAsyncZod<{ board: BoardService }> = async (app, { board }) => {
  app.get(
    "/api/board",
    {
      onRequest: app.authorize(),
      schema: {
        tags: ["board"],
        summary: "One snapshot of everything the board needs, scoped to the caller",
        response: { 200: Board, 401: ErrorBody },
      },
    },
    async (req) => board.snapshot(actorOf(req)),
  );
};
