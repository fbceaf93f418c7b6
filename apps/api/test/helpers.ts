// Builds the real app over a fresh database of the test's own (cloned from a migrated template).
import { createDbClient, type DbClient } from "@onemap/db";
import { createTestDatabase, runtimeUrl } from "@onemap/db/testing";
import { demoDeviceToken } from "@onemap/domain/demo-tokens";
import type { DestinationStream } from "pino";
import { buildApp } from "../src/app";
import { parseConfig } from "../src/config";

export type TestApp = Awaited<ReturnType<typeof buildApp>>;

export interface TestContext {
  app: TestApp;
  /** the runtime role's client, as the API has it */
  db: DbClient;
  /** the runtime role's connection string */
  url: string;
  /** the owner's (a superuser's) connection string: for what only a migration may do */
  ownerUrl: string;
  close(): Promise<void>;
}

export async function buildTestApp(
  options: { template?: "empty" | "county"; env?: Record<string, string>; ownerUrl?: string; logStream?: DestinationStream } = {},
): Promise<TestContext> {
  const ownerUrl = options.ownerUrl ?? (await createTestDatabase(options.template ?? "county"));
  const url = runtimeUrl(ownerUrl);
  const db = createDbClient(url, { max: 5 });
  const config = parseConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    WEB_DIST: "/nonexistent",
    LOGIN_RATE_LIMIT_PER_MINUTE: "1000",
    ...options.env,
  });
  const app = await buildApp({
    config,
    db,
    databaseUrl: url,
    embeddedDatabase: false,
    ...(options.logStream ? { logStream: options.logStream } : { logger: false }),
  });
  await app.ready();
  return {
    app,
    db,
    url,
    ownerUrl,
    async close() {
      await app.close();
      await db.$disconnect();
    },
  };
}

/** Signs in and returns the Cookie header value for later requests. */
export async function login(app: TestApp, username: string, password = "onemap"): Promise<string> {
  const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === "onemap_session");
  if (!cookie) throw new Error("no session cookie");
  return `onemap_session=${cookie.value}`;
}

/** A demo unit's phone: its identifier, its token (the demo county's derivable one), and both as OsmAnd query parameters. */
export async function deviceOf(
  db: DbClient,
  unitId: string,
): Promise<{ identifier: string; token: string; query: string; bearer: { authorization: string } }> {
  const device = await db.device.findFirstOrThrow({ where: { unitId }, orderBy: { createdAt: "asc" } });
  const token = demoDeviceToken(device.identifier);
  return {
    identifier: device.identifier,
    token,
    query: `id=${device.identifier}&key=${token}`,
    bearer: { authorization: `Bearer ${token}` },
  };
}
