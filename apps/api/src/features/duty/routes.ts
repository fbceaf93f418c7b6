import { CalendarDate, Duty, DutyOfficer, DutyOfficersQuery, ErrorBody, PutDutyBody } from "@onemap/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../plugins/auth";
import type { DutyService } from "./service";

/** who keeps the county roster: the duty leaders among themselves, and administrators */
const ROSTER_EDITORS = ["DUTY_LEADER", "ADMIN"] as const;

export const dutyRoutes: FastifyPluginAsyncZod<{ duty: DutyService }> = async (app, { duty }) => {
  app.get(
    "/api/duty",
    {
      onRequest: app.authorize(),
      schema: {
        tags: ["duty"],
        summary: "The duty roster of a day (default today, China Standard Time): shifts, leaders per tier, commander, operators",
        querystring: z.object({ date: CalendarDate.optional() }).strict(),
        response: { 200: Duty, 400: ErrorBody, 401: ErrorBody },
      },
    },
    async (req) => duty.getDuty(req.query.date),
  );
  app.get(
    "/api/duty/officers",
    {
      onRequest: app.authorize(ROSTER_EDITORS),
      schema: {
        tags: ["duty"],
        summary: "Officers to put on the roster, by name or badge number (duty leaders, administrators)",
        querystring: DutyOfficersQuery,
        response: { 200: z.array(DutyOfficer), 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req) => duty.searchOfficers(req.query.q, req.query.limit),
  );
  app.put(
    "/api/duty",
    {
      onRequest: app.authorize(ROSTER_EDITORS),
      schema: {
        tags: ["duty"],
        summary: "Replace a day's roster (duty leaders, administrators)",
        body: PutDutyBody,
        response: { 200: Duty, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req) => duty.setDuty(req.body.date, req.body.entries, { actor: actorOf(req), ip: req.ip }),
  );
};
