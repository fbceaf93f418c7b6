import {
  CreateGatewayBody,
  DeviceView,
  DeviceWithToken,
  ErrorBody,
  GatewayWithToken,
  IdParams,
  RegisterDeviceBody,
  UnitDevicesPage,
  UnitDevicesQuery,
} from "@onemap/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../plugins/auth";
import type { DeviceService } from "./service";

/** Devices and gateways: administrators only; no other role ever sees an identifier or a token. */
export const deviceRoutes: FastifyPluginAsyncZod<{ devices: DeviceService }> = async (app, { devices }) => {
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
  app.addHook("onRequest", app.authorize(["ADMIN"]));
  const by = (request: Parameters<typeof actorOf>[0]) => ({ actor: actorOf(request), ip: request.ip });

  app.get(
    "/api/devices",
    {
      schema: { tags: ["devices"], summary: "Every registered device (administrators)", response: { 200: z.array(DeviceView), ...errors } },
    },
    async () => devices.listAll(),
  );
  app.get(
    "/api/devices/units",
    {
      schema: {
        tags: ["devices"],
        summary: "Units with their devices, by callsign, a page at a time (administrators): station, q (callsign), limit, offset",
        querystring: UnitDevicesQuery,
        response: { 200: UnitDevicesPage, ...errors },
      },
    },
    async (request) => devices.listByUnit(request.query),
  );
  app.get(
    "/api/units/:id/devices",
    {
      schema: {
        tags: ["devices"],
        summary: "A unit's devices (administrators)",
        params: IdParams,
        response: { 200: z.array(DeviceView), ...errors },
      },
    },
    async (request) => devices.list(request.params.id),
  );
  app.post(
    "/api/units/:id/devices",
    {
      schema: {
        tags: ["devices"],
        summary: "Register a device for a unit; the answer holds its token, shown this once",
        params: IdParams,
        body: RegisterDeviceBody,
        response: { 201: DeviceWithToken, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await devices.register(by(request), request.params.id, request.body)),
  );
  app.post(
    "/api/devices/:id/token",
    {
      schema: {
        tags: ["devices"],
        summary: "Issue a new token for a device (the old one stops working at once); shown this once",
        params: IdParams,
        response: { 200: DeviceWithToken, ...errors },
      },
    },
    async (request) => devices.rotate(by(request), request.params.id),
  );
  app.delete(
    "/api/devices/:id",
    { schema: { tags: ["devices"], summary: "Remove a device", params: IdParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await devices.remove(by(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    "/api/gateways",
    {
      schema: {
        tags: ["devices"],
        summary: "Register a gateway (reports for many devices); the answer holds its token, shown this once",
        body: CreateGatewayBody,
        response: { 201: GatewayWithToken, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await devices.createGateway(by(request), request.body.name)),
  );
};
