// Builds the real app over a fresh database of the test's own (cloned from a migrated template).
import { createDbClient, type DbClient } from "@onemap/db";
import { createTestDatabase } from "@onemap/db/testing";
import { buildApp } from "../src/app";
import { parseConfig } from "../src/config";

export type TestApp = Awaited<ReturnType<typeof buildApp>>;

export interface TestContext {
  app: TestApp;
  db: DbClient;
  url: string;
  close(): Promise<void>;
}

export async function buildTestApp(options: { template?: "empty" | "county"; env?: Record<string, string> } = {}): Promise<TestContext> {
  const url = await createTestDatabase(options.template ?? "county");
  const db = createDbClient(url, { max: 5 });
  const config = parseConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    WEB_DIST: "/nonexistent",
    LOGIN_RATE_LIMIT_PER_MINUTE: "1000",
    ...options.env,
  });
  const app = await buildApp({ config, db, databaseUrl: url, embeddedDatabase: false, logger: false });
  await app.ready();
  return {
    app,
    db,
    url,
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
