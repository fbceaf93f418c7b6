import { Camera, ErrorBody, IdParams, SetCameraStatusBody } from "@onemap/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf } from "../../plugins/auth";
import type { createCameraService } from "./service";

export const cameraRoutes: FastifyPluginAsyncZod<{ cameras: ReturnType<typeof createCameraService> }> = async (app, { cameras }) => {
  app.put(
    "/api/cameras/:id/status",
    {
      onRequest: app.authorize(["OPERATOR", "DUTY_LEADER", "STATION_CHIEF", "ADMIN"]),
      schema: {
        tags: ["resources"],
        summary: "Mark a camera offline or back online; boards that see it are told (camera:status)",
        params: IdParams,
        body: SetCameraStatusBody,
        response: { 200: Camera, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => cameras.setStatus(actorOf(req), req.params.id, req.body, req.ip),
  );
};
