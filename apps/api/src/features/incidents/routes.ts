import {
  AssignmentView,
  CreateIncidentBody,
  DeviceProgressBody,
  DispatchBody,
  DispatchResult,
  ErrorBody,
  Id,
  IdParams,
  Incident,
  IncidentDetail,
  IncidentsQuery,
  LinkBody,
  NoteBody,
  Recommendations,
  type Role,
  SetIncidentStatusBody,
  TierBody,
  TransferBody,
} from "@onemap/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, bearerOf } from "../../plugins/auth";
import type { DispatchService } from "./dispatch";
import type { RecommendationService } from "./recommendations";
import type { IncidentService } from "./service";

/** the device side of authentication (features/positions), as much as progress reports need */
export interface DeviceUnitResolver {
  progressUnit(bearer: string | undefined, deviceId: string | undefined): Promise<string>;
}

/** who works incidents: not administrators, who maintain the data */
const OPERATIONAL: Role[] = ["OPERATOR", "DUTY_LEADER", "STATION_CHIEF"];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const incidentRoutes: FastifyPluginAsyncZod<{
  incidents: IncidentService;
  recommendations: RecommendationService;
  dispatch: DispatchService;
}> = async (app, { incidents, recommendations, dispatch }) => {
  app.post(
    "/api/incidents",
    {
      onRequest: app.authorize(OPERATIONAL),
      schema: {
        tags: ["incidents"],
        summary: "Take a call: a new incident (grid and station found from the location)",
        body: CreateIncidentBody,
        response: { 201: Incident, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await incidents.create(actorOf(req), req.body)),
  );
  app.get(
    "/api/incidents",
    {
      onRequest: app.authorize(),
      schema: {
        tags: ["incidents"],
        summary: "Incidents, newest first; filters status (comma list), tier, category, station, from, to",
        querystring: IncidentsQuery,
        response: { 200: z.array(Incident), ...errors },
      },
    },
    async (req) => incidents.list(actorOf(req), req.query),
  );
  app.get(
    "/api/incidents/:id",
    {
      onRequest: app.authorize(),
      schema: {
        tags: ["incidents"],
        summary: "One incident with its full timeline",
        params: IdParams,
        response: { 200: IncidentDetail, ...errors },
      },
    },
    async (req) => incidents.get(actorOf(req), req.params.id),
  );
  app.get(
    "/api/incidents/:id/recommendations",
    {
      onRequest: app.authorize(OPERATIONAL),
      schema: {
        tags: ["incidents"],
        summary: "Available units ranked by ETA, with where from, how many and who leads",
        params: IdParams,
        response: { 200: Recommendations, ...errors },
      },
    },
    async (req) => recommendations.recommend(actorOf(req), req.params.id),
  );
  app.post(
    "/api/incidents/:id/dispatch",
    {
      onRequest: app.authorize(OPERATIONAL),
      schema: {
        tags: ["incidents"],
        summary: "One-click dispatch: all named units or none; 409 names the incident that took a unit; honours Idempotency-Key",
        params: IdParams,
        headers: z.object({ "idempotency-key": z.string().min(8).max(128).optional() }).passthrough(),
        body: DispatchBody,
        response: { 200: DispatchResult, ...errors },
      },
    },
    async (req, reply) => {
      const outcome = await dispatch.dispatch(
        actorOf(req),
        req.params.id,
        req.body.unitIds,
        req.headers["idempotency-key"],
        req.body.reason,
      );
      if (outcome.replayed) reply.header("idempotent-replayed", "true");
      return reply.status(outcome.statusCode).send(outcome.body);
    },
  );
  app.post(
    "/api/incidents/:id/status",
    {
      onRequest: app.authorize(OPERATIONAL),
      schema: {
        tags: ["incidents"],
        summary: "Move the incident on (an illegal transition is a 409 with the reason)",
        params: IdParams,
        body: SetIncidentStatusBody,
        response: { 200: Incident, ...errors },
      },
    },
    async (req) => incidents.setStatus(actorOf(req), req.params.id, req.body),
  );
  app.post(
    "/api/incidents/:id/notes",
    {
      onRequest: app.authorize(OPERATIONAL),
      schema: { tags: ["incidents"], params: IdParams, body: NoteBody, response: { 200: Incident, ...errors } },
    },
    async (req) => incidents.addNote(actorOf(req), req.params.id, req.body.text),
  );
  app.post(
    "/api/incidents/:id/transfer",
    {
      onRequest: app.authorize(OPERATIONAL),
      schema: {
        tags: ["incidents"],
        summary: "非警务: hand the call to another department; closes the police side",
        params: IdParams,
        body: TransferBody,
        response: { 200: Incident, ...errors },
      },
    },
    async (req) => incidents.transfer(actorOf(req), req.params.id, req.body.department, req.body.reason),
  );
  app.post(
    "/api/incidents/:id/link",
    {
      onRequest: app.authorize(OPERATIONAL),
      schema: {
        tags: ["incidents"],
        summary: "Mark as a duplicate of another incident",
        params: IdParams,
        body: LinkBody,
        response: { 200: Incident, ...errors },
      },
    },
    async (req) => incidents.link(actorOf(req), req.params.id, req.body.duplicateOfId),
  );
  app.post(
    "/api/incidents/:id/tier",
    {
      onRequest: app.authorize(["DUTY_LEADER"]),
      schema: {
        tags: ["incidents"],
        summary: "Set the response tier (duty leaders and above): commanding leader and reinforcement groups follow",
        params: IdParams,
        body: TierBody,
        response: { 200: Incident, ...errors },
      },
    },
    async (req) => incidents.setTier(actorOf(req), req.params.id, req.body.tier, req.body.reason, req.ip),
  );
  app.post(
    "/api/incidents/:id/escalation-request",
    {
      onRequest: app.authorize(["OPERATOR", "STATION_CHIEF"]),
      schema: {
        tags: ["incidents"],
        summary: "Ask the duty leaders for a higher tier",
        params: IdParams,
        body: TierBody,
        response: { 200: Incident, ...errors },
      },
    },
    async (req) => incidents.requestEscalation(actorOf(req), req.params.id, req.body.tier, req.body.reason),
  );
};

/** Devices report their assignment's progress with their token; only their own unit's assignments exist for them. */
export const deviceAssignmentRoutes: FastifyPluginAsyncZod<{ dispatch: DispatchService; ingest: DeviceUnitResolver }> = async (
  app,
  { dispatch, ingest },
) => {
  const steps = { ack: "ACKNOWLEDGED", enroute: "EN_ROUTE", onscene: "ON_SCENE", clear: "CLEARED" } as const;
  app.post(
    "/api/devices/assignments/:id/:step",
    {
      schema: {
        tags: ["devices"],
        summary:
          "A unit's progress: ack, enroute, onscene, clear (Authorization: Bearer <device or gateway token>; a gateway names the deviceId)",
        params: z.object({ id: Id, step: z.enum(["ack", "enroute", "onscene", "clear"]) }),
        body: DeviceProgressBody,
        response: { 200: AssignmentView, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (req) => {
      const unitId = await ingest.progressUnit(bearerOf(req), req.body?.deviceId);
      const assignment = await dispatch.progress(req.params.id, steps[req.params.step], { unitId });
      return assignment as NonNullable<typeof assignment>;
    },
  );
};
