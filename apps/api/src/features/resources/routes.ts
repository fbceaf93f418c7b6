import {
  Camera,
  CamerasQuery,
  ErrorBody,
  Grid,
  GridsQuery,
  IdParams,
  Officer,
  OfficersQuery,
  Station,
  StationsQuery,
  Unit,
  UnitsQuery,
} from "@onemap/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../plugins/auth";
import type { ResourceService } from "./service";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export const resourceRoutes: FastifyPluginAsyncZod<{ resources: ResourceService }> = async (app, { resources }) => {
  app.addHook("onRequest", app.authorize());

  app.get(
    "/api/stations",
    {
      schema: {
        tags: ["resources"],
        summary:
          "Police stations and HQ units (a station chief: their own); q= code, name, address or phone, sort=code|name|kind|urban (-: descending), limit, offset; X-Total-Count",
        querystring: StationsQuery,
        response: { 200: z.array(Station), ...errors },
      },
    },
    async (req, reply) => {
      const { rows, total } = await resources.listStations(actorOf(req), req.query);
      return reply.header("x-total-count", total).send(rows);
    },
  );
  app.get("/api/stations/:id", { schema: { tags: ["resources"], params: IdParams, response: { 200: Station, ...errors } } }, async (req) =>
    resources.getStation(actorOf(req), req.params.id),
  );
  app.get(
    "/api/grids",
    {
      schema: {
        tags: ["resources"],
        summary: "Patrol grids with their polygons and owner officers",
        querystring: GridsQuery,
        response: { 200: z.array(Grid), ...errors },
      },
    },
    async (req) => resources.listGrids(actorOf(req), req.query),
  );
  app.get("/api/grids/:id", { schema: { tags: ["resources"], params: IdParams, response: { 200: Grid, ...errors } } }, async (req) =>
    resources.getGrid(actorOf(req), req.params.id),
  );
  app.get(
    "/api/officers",
    {
      schema: {
        tags: ["resources"],
        summary:
          "Police and auxiliaries; q= badge number or name, sort=badgeNo|name|station|birthYear (-: descending), limit, offset; X-Total-Count",
        querystring: OfficersQuery,
        response: { 200: z.array(Officer), ...errors },
      },
    },
    async (req, reply) => {
      const { rows, total } = await resources.listOfficers(actorOf(req), req.query);
      return reply.header("x-total-count", total).send(rows);
    },
  );
  app.get(
    "/api/units",
    {
      schema: {
        tags: ["resources"],
        summary:
          "Dispatchable units; filters kind, status (comma lists), grid, station, group (a reinforcement group's kind), near=lat,lon,radiusM (nearest first); q= callsign or leader, sort=callsign|kind|status|station, limit, offset; X-Total-Count",
        querystring: UnitsQuery,
        response: { 200: z.array(Unit), ...errors },
      },
    },
    async (req, reply) => {
      const { rows, total } = await resources.listUnits(actorOf(req), req.query);
      return reply.header("x-total-count", total).send(rows);
    },
  );
  app.get("/api/units/:id", { schema: { tags: ["resources"], params: IdParams, response: { 200: Unit, ...errors } } }, async (req) =>
    resources.getUnit(actorOf(req), req.params.id),
  );
  app.get(
    "/api/cameras",
    {
      schema: {
        tags: ["resources"],
        summary:
          "Camera feeds; filters kind, status (comma lists), grid, station, near=lat,lon,radiusM (nearest first); q= code or name, sort=code|name|kind|status|station, limit, offset; X-Total-Count",
        querystring: CamerasQuery,
        response: { 200: z.array(Camera), ...errors },
      },
    },
    async (req, reply) => {
      const { rows, total } = await resources.listCameras(actorOf(req), req.query);
      return reply.header("x-total-count", total).send(rows);
    },
  );
  app.get("/api/cameras/:id", { schema: { tags: ["resources"], params: IdParams, response: { 200: Camera, ...errors } } }, async (req) =>
    resources.getCamera(actorOf(req), req.params.id),
  );
};
