// Boots onemap: config → database (embedded when no DATABASE_URL) → migrations → demo seed →
// listen; SIGINT/SIGTERM close the server, the database client and the embedded PostgreSQL.
import { createDbClient, migrate, openDatabase } from "@onemap/db";
import { formatSummary, seedDemoCounty } from "@onemap/db/seed";
import { buildApp } from "./app";
import { ConfigError, parseConfig } from "./config";
import { createAuthService } from "./features/auth/service";

async function main() {
  let config: ReturnType<typeof parseConfig>;
  try {
    config = parseConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`onemap: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }

  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.ONEMAP_DATA_DIR,
    embeddedPort: config.EMBEDDED_PG_PORT,
  });
  const db = createDbClient(database.url, { max: 20 });
  const app = await buildApp({ config, db, databaseUrl: database.url, embeddedDatabase: database.embedded });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    void (async () => {
      app.log.info({ signal }, "shutting down");
      const force = setTimeout(() => {
        app.log.error("shutdown took longer than 15 s: exiting");
        process.exit(1);
      }, 15_000);
      force.unref();
      try {
        await app.close();
        await db.$disconnect();
        await database.close();
        app.log.info("stopped cleanly");
      } catch (error) {
        app.log.error({ err: error }, "error while shutting down");
        process.exitCode = 1;
      }
    })();
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));

  try {
    const migrated = await migrate(database.url);
    app.log.info({ applied: migrated.applied, alreadyApplied: migrated.alreadyApplied }, "database migrated");
    const demo = config.DEMO ?? database.embedded;
    if (demo) {
      const summary = await seedDemoCounty(db, { demoUsers: database.embedded });
      console.log(formatSummary(summary));
    }
    if (config.ONEMAP_ADMIN_PASSWORD) {
      const result = await createAuthService({ db, sessionTtlMs: 0 }).ensureAdmin(
        config.ONEMAP_ADMIN_USERNAME,
        config.ONEMAP_ADMIN_PASSWORD,
      );
      app.log.info({ username: config.ONEMAP_ADMIN_USERNAME, result }, "administrator from ONEMAP_ADMIN_PASSWORD");
    }
    const address = await app.listen({ host: config.HOST, port: config.PORT });
    const shown = address.replace("127.0.0.1", "localhost");
    console.log(`\nonemap is running: ${shown}  (API docs: ${shown}/docs)`);
    if (database.embedded)
      console.log(`demo sign-ins: operator, leader, chief, admin — password "onemap"  (data in ${config.ONEMAP_DATA_DIR})`);
  } catch (error) {
    app.log.error({ err: error }, "start-up failed");
    await app.close();
    await db.$disconnect();
    await database.close();
    process.exit(1);
  }
}

await main();
