import { ErrorBody, IdParams, PutStationDutyBody, StationDuty, StationDutyQuery, UnitDuty } from "@onemap/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf } from "../../plugins/auth";
import type { StationDutyService } from "./service";

const STATION_DUTY_ROLES = ["STATION_CHIEF", "ADMIN"] as const;

export const stationDutyRoutes: FastifyPluginAsyncZod<{ stationDuty: StationDutyService }> = async (app, { stationDuty }) => {
  app.get(
    "/api/stations/:id/duty",
    {
      onRequest: app.authorize(STATION_DUTY_ROLES),
      schema: {
        tags: ["duty"],
        summary:
          "A station's duty report of one shift (default: now, China time), with its officers and units in service (its chief, administrators)",
        params: IdParams,
        querystring: StationDutyQuery,
        response: { 200: StationDuty, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => stationDuty.get(actorOf(req), req.params.id, req.query.date, req.query.shift),
  );
  app.get(
    "/api/units/:id/duty",
    {
      onRequest: app.authorize(),
      schema: {
        tags: ["duty"],
        summary: "Who crews a unit on the shift in progress, as its station reported it (a chief: their station's units)",
        params: IdParams,
        response: { 200: UnitDuty, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => stationDuty.unitDuty(actorOf(req), req.params.id),
  );
  app.put(
    "/api/stations/:id/duty",
    {
      onRequest: app.authorize(STATION_DUTY_ROLES),
      schema: {
        tags: ["duty"],
        summary: "Replace a station's duty report of one shift (its chief, administrators)",
        params: IdParams,
        body: PutStationDutyBody,
        response: { 200: StationDuty, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (req) => stationDuty.put({ actor: actorOf(req), ip: req.ip }, req.params.id, req.body),
  );
};
