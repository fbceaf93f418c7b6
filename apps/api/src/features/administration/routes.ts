// POST / PATCH / DELETE of the county's stations, officers, grids, units and cameras: administrators only.
// DELETE answers 204 when the resource was erased (nothing pointed to it), 200 { retired: true } when
// history points to it and it was retired instead (README: retired).
import {
  AdministeredGrid,
  Camera,
  CreateCameraBody,
  CreateGridBody,
  CreateOfficerBody,
  CreateReinforcementGroupBody,
  CreateStationBody,
  CreateUnitBody,
  ErrorBody,
  GridsGeoJson,
  GridsGeoJsonImport,
  GridsImportResult,
  IdParams,
  Officer,
  PatchCameraBody,
  PatchGridBody,
  PatchOfficerBody,
  PatchReinforcementGroupBody,
  PatchStationBody,
  PatchUnitBody,
  ReinforcementGroup,
  RetiredResult,
  Station,
  Unit,
} from "@onemap/shared";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../plugins/auth";
import type { Removal } from "./rules";
import type { AdministrationService } from "./service";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const removed = { 200: RetiredResult, 204: z.null(), ...errors };

export const administrationRoutes: FastifyPluginAsyncZod<{ administration: AdministrationService }> = async (
  app,
  { administration: a },
) => {
  app.addHook("onRequest", app.authorize(["ADMIN"]));
  const by = (request: Parameters<typeof actorOf>[0]) => ({ actor: actorOf(request), ip: request.ip });
  const tags = ["administration"];
  /** DELETE's two answers: 204 erased, 200 { retired: true, retiredAt } when history kept it */
  const removal = (reply: FastifyReply, outcome: Removal) =>
    outcome.retired ? reply.status(200).send(outcome) : reply.status(204).send(null);

  app.post(
    "/api/stations",
    {
      schema: {
        tags,
        summary: "Add a station or HQ unit (its code is the county's once)",
        body: CreateStationBody,
        response: { 201: Station, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await a.createStation(by(request), request.body)),
  );
  app.patch(
    "/api/stations/:id",
    {
      schema: {
        tags,
        summary: "Change a station (last write wins)",
        params: IdParams,
        body: PatchStationBody,
        response: { 200: Station, ...errors },
      },
    },
    async (request) => a.patchStation(by(request), request.params.id, request.body),
  );
  app.delete(
    "/api/stations/:id",
    {
      schema: {
        tags,
        summary: "Remove a station: 409 while units, officers, grids, cameras or accounts in service belong to it",
        params: IdParams,
        response: removed,
      },
    },
    async (request, reply) => removal(reply, await a.removeStation(by(request), request.params.id)),
  );

  app.post(
    "/api/officers",
    {
      schema: {
        tags,
        summary: "Add an officer (the badge number is the county's once)",
        body: CreateOfficerBody,
        response: { 201: Officer, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await a.createOfficer(by(request), request.body)),
  );
  app.patch(
    "/api/officers/:id",
    {
      schema: {
        tags,
        summary: "Change an officer (last write wins)",
        params: IdParams,
        body: PatchOfficerBody,
        response: { 200: Officer, ...errors },
      },
    },
    async (request) => a.patchOfficer(by(request), request.params.id, request.body),
  );
  app.delete(
    "/api/officers/:id",
    { schema: { tags, summary: "Remove an officer: 409 while they lead a unit or own a grid", params: IdParams, response: removed } },
    async (request, reply) => removal(reply, await a.removeOfficer(by(request), request.params.id)),
  );

  app.post(
    "/api/grids",
    {
      schema: {
        tags,
        summary:
          "Add a patrol grid (its code is the county's once); `warnings` names the grids in service it overlaps and the gaps the county's grids leave",
        body: CreateGridBody,
        response: { 201: AdministeredGrid, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await a.createGrid(by(request), request.body)),
  );
  app.patch(
    "/api/grids/:id",
    {
      schema: {
        tags,
        summary: "Change a grid (last write wins); `warnings` names the grids in service it overlaps and the county's gaps",
        params: IdParams,
        body: PatchGridBody,
        response: { 200: AdministeredGrid, ...errors },
      },
    },
    async (request) => a.patchGrid(by(request), request.params.id, request.body),
  );
  app.delete(
    "/api/grids/:id",
    {
      schema: {
        tags,
        summary: "Remove a grid: 409 while units or cameras in service are assigned to it",
        params: IdParams,
        response: removed,
      },
    },
    async (request, reply) => removal(reply, await a.removeGrid(by(request), request.params.id)),
  );
  app.get(
    "/api/grids/geojson",
    {
      schema: {
        tags,
        summary: "Every grid in service as a GeoJSON FeatureCollection (properties: code, name, stationCode, ownerBadgeNo)",
        response: { 200: GridsGeoJson, ...errors },
      },
    },
    async (_request, reply) => reply.header("content-disposition", 'attachment; filename="grids.geojson"').send(await a.exportGrids()),
  );
  app.post(
    "/api/grids/geojson",
    {
      // a county's boundaries drawn in detail: up to 10,000 positions a grid
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags,
        summary:
          "Import grids from a GeoJSON FeatureCollection: each feature upserts by code; every bad feature is named (body.features.<i>…) and nothing is written while any is",
        body: GridsGeoJsonImport,
        response: { 200: GridsImportResult, ...errors },
      },
    },
    async (request) => a.importGrids(by(request), request.body),
  );

  app.post(
    "/api/units",
    {
      schema: { tags, summary: "Add a unit (the callsign is the county's once)", body: CreateUnitBody, response: { 201: Unit, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await a.createUnit(by(request), request.body)),
  );
  app.patch(
    "/api/units/:id",
    {
      schema: {
        tags,
        summary: "Change a unit; `version` as read (409 changed_meanwhile otherwise)",
        params: IdParams,
        body: PatchUnitBody,
        response: { 200: Unit, ...errors },
      },
    },
    async (request) => a.patchUnit(by(request), request.params.id, request.body),
  );
  app.delete(
    "/api/units/:id",
    { schema: { tags, summary: "Remove a unit: 409 while it is on an open incident", params: IdParams, response: removed } },
    async (request, reply) => removal(reply, await a.removeUnit(by(request), request.params.id)),
  );

  app.get(
    "/api/reinforcement-groups",
    {
      schema: {
        tags,
        summary: "Reinforcement groups (增援力量), with their units in service",
        response: { 200: z.array(ReinforcementGroup), ...errors },
      },
    },
    async () => a.listGroups(),
  );
  app.post(
    "/api/reinforcement-groups",
    {
      schema: {
        tags,
        summary: "Add a reinforcement group (one per kind)",
        body: CreateReinforcementGroupBody,
        response: { 201: ReinforcementGroup, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await a.createGroup(by(request), request.body)),
  );
  app.patch(
    "/api/reinforcement-groups/:id",
    {
      schema: {
        tags,
        summary: "Rename a group or change the tier that activates it",
        params: IdParams,
        body: PatchReinforcementGroupBody,
        response: { 200: ReinforcementGroup, ...errors },
      },
    },
    async (request) => a.patchGroup(by(request), request.params.id, request.body),
  );
  app.delete(
    "/api/reinforcement-groups/:id",
    {
      schema: {
        tags,
        summary: "Remove a group: 409 while units in service are in it",
        params: IdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await a.removeGroup(by(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/cameras",
    {
      schema: {
        tags,
        summary: "Add a camera (its code is the county's once)",
        body: CreateCameraBody,
        response: { 201: Camera, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await a.createCamera(by(request), request.body)),
  );
  app.patch(
    "/api/cameras/:id",
    {
      schema: {
        tags,
        summary: "Change a camera (last write wins)",
        params: IdParams,
        body: PatchCameraBody,
        response: { 200: Camera, ...errors },
      },
    },
    async (request) => a.patchCamera(by(request), request.params.id, request.body),
  );
  app.delete(
    "/api/cameras/:id",
    { schema: { tags, summary: "Remove a camera", params: IdParams, response: removed } },
    async (request, reply) => removal(reply, await a.removeCamera(by(request), request.params.id)),
  );
};
