// The request log: one line per request when it is answered. Device traffic (a county's phones and
// vehicle terminals report every few seconds) is logged at debug, so the terminal shows what people
// do; a device's server error is still an error. On a terminal the log is human-readable (pino-pretty).
import { type FastifyReply, type FastifyRequest, type FastifyServerOptions, LogController } from "fastify";
import type { DestinationStream } from "pino";
import type { Config } from "../config";
import { redactedRequest } from "./security-headers";

/** the paths devices (not people) call */
const DEVICE_PATHS = ["/ingest/osmand", "/api/devices/positions", "/api/devices/assignments/"];
/** the demo's simulator names itself so (apps/simulator): its polling is machine traffic too */
const SIMULATOR_AGENT = "onemap-simulator";
const isMachineTraffic = (request: FastifyRequest) => {
  const path = request.url.split("?")[0] ?? "";
  return (
    DEVICE_PATHS.some((p) => path === p || (p.endsWith("/") && path.startsWith(p))) || request.headers["user-agent"] === SIMULATOR_AGENT
  );
};

/** pretty on a terminal (LOG_FORMAT=auto), JSON lines otherwise (a log collector reads those) */
export function loggerOptions(config: Config, stream?: DestinationStream): FastifyServerOptions["logger"] {
  const base = { level: config.LOG_LEVEL, serializers: { req: redactedRequest } };
  if (stream) return { ...base, stream };
  const pretty = config.LOG_FORMAT === "pretty" || (config.LOG_FORMAT === "auto" && process.stdout.isTTY === true);
  if (!pretty) return base;
  return {
    ...base,
    transport: {
      target: "pino-pretty",
      options: { translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname,reqId", singleLine: true, messageKey: "msg" },
    },
  };
}

/**
 * Fastify's request logging, with one line per request when it is answered (not "incoming" and
 * "completed"), and device traffic at debug.
 */
export class OnemapLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const status = reply.statusCode;
    const facts = { req: request, res: { statusCode: status }, responseTime: Math.round(reply.elapsedTime) };
    if (error || status >= 500) request.log.error({ ...facts, err: error }, "request errored");
    // machine traffic that went through at debug; a refused one (a wrong token, a guessed route) stays visible
    else if (status < 400 && isMachineTraffic(request)) request.log.debug(facts, "request completed");
    else request.log.info(facts, "request completed");
  }
}
