// The whole app as one Fastify plugin tree. Tests build it with their own database; nothing listens here.
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import type { DbClient } from "@onemap/db";
import type { ErrorBody } from "@onemap/shared";
import Fastify, { type FastifyReply, type FastifyServerOptions } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { DestinationStream } from "pino";
import type { Config } from "./config";
import { createPool } from "./database";
import { createAdministrationRepository } from "./features/administration/repository";
import { administrationRoutes } from "./features/administration/routes";
import { createAdministrationService } from "./features/administration/service";
import { auditRoutes } from "./features/audit/routes";
import { createAuditService } from "./features/audit/service";
import { authRoutes } from "./features/auth/routes";
import { createAuthService } from "./features/auth/service";
import { boardRoutes } from "./features/board/routes";
import { createBoardService } from "./features/board/service";
import { cameraRoutes } from "./features/cameras/routes";
import { createCameraService } from "./features/cameras/service";
import { countyRoutes } from "./features/county/routes";
import { createCountyService } from "./features/county/service";
import { deviceRoutes } from "./features/devices/routes";
import { createDeviceService } from "./features/devices/service";
import { dutyRoutes } from "./features/duty/routes";
import { createDutyService } from "./features/duty/service";
import { healthRoutes } from "./features/health/routes";
import { createArrivalCheck } from "./features/incidents/arrival";
import { createDispatchService } from "./features/incidents/dispatch";
import { createRecommendationService } from "./features/incidents/recommendations";
import { createIncidentRepository } from "./features/incidents/repository";
import { deviceAssignmentRoutes, incidentRoutes } from "./features/incidents/routes";
import { createIncidentService } from "./features/incidents/service";
import { createGeofence } from "./features/positions/geofence";
import { GridCache } from "./features/positions/grids";
import { PositionPipeline } from "./features/positions/pipeline";
import { DeviceRegistry } from "./features/positions/registry";
import { createPositionRepository } from "./features/positions/repository";
import { devicePositionRoutes, ingestRoutes, trackRoutes } from "./features/positions/routes";
import { createIngestService } from "./features/positions/service";
import { createTrackService } from "./features/positions/track";
import { postureRoutes } from "./features/posture/routes";
import { createPostureService } from "./features/posture/service";
import { resourceRoutes } from "./features/resources/routes";
import { createResourceService } from "./features/resources/service";
import { settingsRoutes } from "./features/settings/routes";
import { stationDutyRoutes } from "./features/station-duty/routes";
import { createStationDutyService } from "./features/station-duty/service";
import { statsRoutes } from "./features/stats/routes";
import { createStatsService } from "./features/stats/service";
import { unitRoutes } from "./features/units/routes";
import { createUnitService } from "./features/units/service";
import { userRoutes } from "./features/users/routes";
import { createUserService } from "./features/users/service";
import { authPlugin } from "./plugins/auth";
import { createBoardEvents } from "./plugins/board-events";
import { errorsPlugin } from "./plugins/errors";
import { inputGuardPlugin } from "./plugins/input-guard";
import { openapiPlugin } from "./plugins/openapi";
import { createPurgeJob } from "./plugins/purge";
import { realtimePlugin } from "./plugins/realtime";
import { loggerOptions, OnemapLogController } from "./plugins/request-log";
import { contentSecurityPolicy } from "./plugins/security-headers";
import { webPlugin } from "./plugins/web";

const VERSION = "0.1.0";

export interface AppDeps {
  config: Config;
  db: DbClient;
  /** the same database, for the hot paths that talk to PostgreSQL through `pg` directly (ADR 0007, 0008) */
  databaseUrl: string;
  embeddedDatabase: boolean;
  logger?: FastifyServerOptions["logger"];
  /** write the log here (tests read it) instead of stdout */
  logStream?: DestinationStream;
}

export async function buildApp({ config, db, databaseUrl, embeddedDatabase, logger, logStream }: AppDeps) {
  const app = Fastify({
    logger: logger ?? loggerOptions(config, logStream),
    // one line per request, at the end (plugins/request-log.ts): device traffic at debug
    logController: new OnemapLogController(),
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    requestIdHeader: "x-request-id",
    genReqId: () => crypto.randomUUID(),
    // a URL or content type fastify cannot even route: a 400 with a code, like every other refusal
    frameworkErrors: (error, request, reply) => {
      const body: ErrorBody = {
        statusCode: 400,
        error: "Bad Request",
        message: error.message,
        requestId: request.id,
        code: error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" ? "unsupported_media_type" : "bad_request",
      };
      void (reply as FastifyReply).status(400).send(body);
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(errorsPlugin);
  await app.register(inputGuardPlugin);
  await app.register(openapiPlugin, { version: VERSION });
  await app.register(rateLimit, { global: false });
  await app.register(helmet, {
    contentSecurityPolicy: { directives: contentSecurityPolicy(config) },
    // HSTS only where the cookies are Secure, i.e. the site is served over HTTPS
    hsts: config.cookieSecure ? { maxAge: 180 * 86_400, includeSubDomains: false } : false,
    referrerPolicy: { policy: "same-origin" },
    // (upgrade-insecure-requests is in the policy only over HTTPS: on a plain-HTTP intranet it would break the board)
    crossOriginEmbedderPolicy: false,
  });

  const sessionTtlMs = config.SESSION_TTL_HOURS * 3_600_000;
  // Two `pg` pools (ADR 0007, 0008): the boards' hottest reads (the session behind every request,
  // recommendations, playback), and the position pipeline's own, so that a burst of fixes never
  // queues behind a board's reads (nor the reverse). Both are closed last, after the pipeline's flush.
  const onIdleError = (error: Error) => app.log.error({ err: error }, "idle database connection failed");
  const reads = createPool(databaseUrl, { max: 6, onIdleError });
  const positionsPool = createPool(databaseUrl, { max: 4, onIdleError });
  const audit = createAuditService({ db });
  const auth = createAuthService({ db, reads, audit, sessionTtlMs });
  await app.register(authPlugin, { auth, sessionTtlMs, cookieSecure: config.cookieSecure });
  await app.register(realtimePlugin, {
    redisUrl: config.REDIS_URL,
    redisPrefix: config.REDIS_PREFIX,
    recoveryWindowMs: config.RECOVERY_WINDOW_S * 1000,
    tickMs: config.POSITION_TICK_MS,
    allowedOrigins: config.ALLOWED_ORIGINS,
  });

  const events = createBoardEvents(app.realtime);
  const positions = createPositionRepository({ writes: positionsPool, reads });
  const onError = (error: unknown) => app.log.error({ err: error }, "cache refresh failed");
  const registry = new DeviceRegistry(positions, { refreshMs: 30_000, negativeTtlMs: 10_000, onError });
  const grids = new GridCache(positions, { refreshMs: 60_000, onError });
  const duty = createDutyService({ db, audit, events });
  const incidentRepository = createIncidentRepository({ db, reads });
  const incidents = createIncidentService({ repository: incidentRepository, events, audit, locateGrid: (point) => grids.locate(point) });
  const recommendations = createRecommendationService({ repository: incidentRepository });
  const dispatch = createDispatchService({ repository: incidentRepository, events });
  const pipeline = new PositionPipeline(positions, events, {
    tickMs: config.POSITION_TICK_MS,
    maxBatch: config.POSITION_MAX_BATCH,
    maxPending: config.POSITION_MAX_PENDING,
    log: app.log,
  });
  pipeline.onMoved("geofence", createGeofence({ grids, repository: positions, events }));
  pipeline.onMoved("arrival", createArrivalCheck({ repository: incidentRepository, dispatch }));
  await registry.start();
  await grids.start();
  await pipeline.start();
  // in-flight ingest requests finish while the server closes (the tick keeps flushing); then the rest is written
  app.addHook("onClose", async () => {
    await pipeline.stop();
    await registry.stop();
    grids.stop();
    await Promise.all([positionsPool.end(), reads.end()]);
  });
  const ingest = createIngestService({
    registry,
    pipeline,
    options: { deviceAuth: config.DEVICE_AUTH, burst: config.DEVICE_FIX_BURST, fixesPerS: config.DEVICE_FIXES_PER_S },
  });
  if (config.DEVICE_AUTH === "none") {
    app.log.warn(
      "DEVICE_AUTH=none: devices report WITHOUT a token — whoever reaches the device endpoints can move, pin or clear police units. Use it only on a closed device network.",
    );
  }

  // expired sessions and old idempotency keys are deleted hourly (and once at start)
  const purge = createPurgeJob({ auth, idempotencyKeys: incidentRepository, log: app.log });
  purge.start(3_600_000);
  app.addHook("onClose", async () => purge.stop());

  const posture = createPostureService({ db, events, audit });
  posture.watch(config.COVERAGE_CHECK_MS, (error) => app.log.error({ err: error }, "posture coverage check failed"));
  app.addHook("onClose", async () => posture.stop());
  const resources = createResourceService({ db });
  await app.register(healthRoutes, { db, embeddedDatabase, version: VERSION, relay: () => app.realtime.relayStatus() });
  await app.register(authRoutes, { loginPerMinute: config.LOGIN_RATE_LIMIT_PER_MINUTE });
  await app.register(resourceRoutes, { resources });
  await app.register(administrationRoutes, {
    administration: createAdministrationService({
      repository: createAdministrationRepository(db),
      audit,
      changed: (stationIds) => events.resourcesChanged(stationIds),
      gridsChanged: () => grids.reload(),
    }),
  });
  await app.register(cameraRoutes, { cameras: createCameraService({ db, events, audit }) });
  await app.register(unitRoutes, { units: createUnitService({ db, events, audit }) });
  await app.register(deviceRoutes, { devices: createDeviceService({ db, audit, changed: () => registry.reload() }) });
  await app.register(auditRoutes, { audit });
  await app.register(trackRoutes, {
    track: createTrackService({ repository: positions, assertUnitVisible: (actor, unitId) => resources.getUnit(actor, unitId) }),
  });
  await app.register(ingestRoutes, { ingest });
  await app.register(devicePositionRoutes, { ingest, pipeline });
  await app.register(incidentRoutes, { incidents, recommendations, dispatch });
  await app.register(deviceAssignmentRoutes, { dispatch, ingest });
  await app.register(statsRoutes, { stats: createStatsService({ db }) });
  await app.register(settingsRoutes, {
    map: {
      tileUrl: config.TILE_URL,
      attribution: config.TILE_ATTRIBUTION,
      maxZoom: config.TILE_MAX_ZOOM,
      coordSystem: config.TILE_COORD_SYSTEM,
    },
  });
  await app.register(dutyRoutes, { duty });
  await app.register(stationDutyRoutes, { stationDuty: createStationDutyService({ db, audit, events }) });
  await app.register(postureRoutes, { posture });
  await app.register(userRoutes, {
    users: createUserService({
      db,
      audit,
      endSessions: async (ids) => Promise.all(ids.map((id) => app.realtime.disconnectSession(id))).then(() => undefined),
    }),
  });
  await app.register(boardRoutes, { board: createBoardService({ db, duty, posture }) });
  await app.register(countyRoutes, { county: createCountyService({ db, audit, gridsChanged: () => grids.reload(), events }) });
  await app.register(webPlugin, { distDir: config.WEB_DIST });
  return app;
}
