// The whole app as one Fastify plugin tree. Tests build it with their own database; nothing listens here.
import rateLimit from "@fastify/rate-limit";
import type { DbClient } from "@onemap/db";
import Fastify, { type FastifyServerOptions } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Config } from "./config";
import { authRoutes } from "./features/auth/routes";
import { createAuthService } from "./features/auth/service";
import { boardRoutes } from "./features/board/routes";
import { createBoardService } from "./features/board/service";
import { dutyRoutes } from "./features/duty/routes";
import { createDutyService } from "./features/duty/service";
import { healthRoutes } from "./features/health/routes";
import { postureRoutes } from "./features/posture/routes";
import { createPostureService } from "./features/posture/service";
import { resourceRoutes } from "./features/resources/routes";
import { createResourceService } from "./features/resources/service";
import { userRoutes } from "./features/users/routes";
import { createUserService } from "./features/users/service";
import { authPlugin } from "./plugins/auth";
import { errorsPlugin } from "./plugins/errors";
import { openapiPlugin } from "./plugins/openapi";
import { webPlugin } from "./plugins/web";

export const VERSION = "0.1.0";

export interface AppDeps {
  config: Config;
  db: DbClient;
  embeddedDatabase: boolean;
  logger?: FastifyServerOptions["logger"];
}

export async function buildApp({ config, db, embeddedDatabase, logger }: AppDeps) {
  const app = Fastify({
    logger: logger ?? { level: config.LOG_LEVEL },
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    requestIdHeader: "x-request-id",
    genReqId: () => crypto.randomUUID(),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(errorsPlugin);
  await app.register(openapiPlugin, { version: VERSION });
  await app.register(rateLimit, { global: false });

  const sessionTtlMs = config.SESSION_TTL_HOURS * 3_600_000;
  const auth = createAuthService({ db, sessionTtlMs });
  await app.register(authPlugin, { auth, sessionTtlMs, cookieSecure: config.cookieSecure });

  const duty = createDutyService({ db });
  const posture = createPostureService({ db });
  await app.register(healthRoutes, { db, embeddedDatabase, version: VERSION });
  await app.register(authRoutes, { loginPerMinute: config.LOGIN_RATE_LIMIT_PER_MINUTE });
  await app.register(resourceRoutes, { resources: createResourceService({ db }) });
  await app.register(dutyRoutes, { duty });
  await app.register(postureRoutes, { posture });
  await app.register(userRoutes, { users: createUserService({ db }) });
  await app.register(boardRoutes, { board: createBoardService({ db, duty, posture }) });
  await app.register(webPlugin, { distDir: config.WEB_DIST });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
