import { ErrorBody, MapSettings } from "@onemap/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

/** Deployment settings the board needs: where its tiles come from and in which coordinate system. */
export const settingsRoutes: FastifyPluginAsyncZod<{ map: MapSettings }> = async (app, { map }) => {
  app.get(
    "/api/settings/map",
    {
      onRequest: app.authorize(),
      schema: {
        tags: ["settings"],
        summary: "The board's base map: tile URL, attribution, max zoom, coordinate system",
        response: { 200: MapSettings, 401: ErrorBody },
      },
    },
    async () => map,
  );
};
