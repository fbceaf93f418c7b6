import { ErrorBody, PostureDetail, PutPostureBody } from "@onemap/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { stationScope } from "../../actor";
import { actorOf } from "../../plugins/auth";
import type { PostureService } from "./service";

export const postureRoutes: FastifyPluginAsyncZod<{ posture: PostureService }> = async (app, { posture }) => {
  app.get(
    "/api/posture",
    {
      onRequest: app.authorize(),
      schema: {
        tags: ["posture"],
        summary: "The county posture (社会治安防控等级) and the urban grids under its minimum patrol coverage",
        response: { 200: PostureDetail, 401: ErrorBody },
      },
    },
    async (request) => posture.getDetail(stationScope(actorOf(request))),
  );
  app.put(
    "/api/posture",
    {
      onRequest: app.authorize(["DUTY_LEADER"]),
      schema: {
        tags: ["posture"],
        summary: "Raise or relax the county posture (duty leaders and above)",
        body: PutPostureBody,
        response: { 200: PostureDetail, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req) => posture.setPosture(actorOf(req), req.body.level, req.body.reason, req.ip),
  );
};
