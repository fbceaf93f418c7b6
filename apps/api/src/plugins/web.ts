import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { ErrorBody } from "@onemap/shared";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

const API_PREFIXES = ["/api/", "/ingest/", "/docs", "/socket.io/"];
/** a built asset whose name carries its content hash (assets/index-Bx12abCd.js) */
const HASHED = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8}\.[a-z0-9.]+$/;

/**
 * Serves the built board (apps/web/dist) on the API's own port. Unknown GETs outside the API get the
 * single-page app; everything else a JSON 404.
 */
export const webPlugin = fp(async (app: FastifyInstance, opts: { distDir: string }) => {
  const built = existsSync(join(opts.distDir, "index.html"));
  if (built) {
    await app.register(fastifyStatic, {
      root: opts.distDir,
      wildcard: false,
      // the build writes .br and .gz beside each asset: served as the browser accepts them
      preCompressed: true,
      cacheControl: false,
      setHeaders(res, path) {
        // hashed file names never change content: cached for a year; index.html is asked for each time
        const value = HASHED.test(path) ? "public, max-age=31536000, immutable" : "no-cache";
        // @fastify/static hands over fastify's reply (its types say a raw response): set it either way
        const target = res as unknown as { header?: (k: string, v: string) => void; setHeader?: (k: string, v: string) => void };
        if (target.header) target.header("cache-control", value);
        else target.setHeader?.("cache-control", value);
      },
    });
  } else {
    app.log.warn({ distDir: opts.distDir }, "the board is not built (npm run build -w @onemap/web): serving the API only");
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    // a missing asset is a 404, not the page: a board of an older build must see its chunk is gone
    if (built && request.method === "GET" && !API_PREFIXES.some((p) => path.startsWith(p)) && !path.startsWith("/assets/")) {
      return reply.type("text/html").sendFile("index.html");
    }
    const body: ErrorBody = {
      statusCode: 404,
      error: "Not Found",
      message: `no route ${request.method} ${path}`,
      requestId: request.id,
      code: "not_found",
      params: { what: "route" },
    };
    return reply.status(404).send(body);
  });
});
