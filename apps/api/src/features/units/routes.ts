import { ErrorBody, IdParams, SetUnitStatusBody, Unit } from "@onemap/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf } from "../../plugins/auth";
import type { UnitService } from "./service";

export const unitRoutes: FastifyPluginAsyncZod<{ units: UnitService }> = async (app, { units }) => {
  app.put(
    "/api/units/:id/status",
    {
      onRequest: app.authorize(["OPERATOR", "DUTY_LEADER", "STATION_CHIEF", "ADMIN"]),
      schema: {
        tags: ["resources"],
        summary: "Set a unit on patrol, busy, off duty or out of service (version: the one you saw)",
        params: IdParams,
        body: SetUnitStatusBody,
        response: { 200: Unit, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => units.setStatus(actorOf(request), request.params.id, request.body, request.ip),
  );
};
