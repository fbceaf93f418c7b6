// Boots onemap: config → database (embedded when no DATABASE_URL) → migrations → demo seed →
// listen → (demo) simulator. SIGINT/SIGTERM stop the simulator, close the server (every accepted
// fix is written first), the database client and the embedded PostgreSQL.
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { createDbClient, openDatabase, prepareDatabase, repoRoot } from "@onemap/db";
import { formatSummary, seedDemoCounty } from "@onemap/db/seed";
import { buildApp } from "./app";
import { type Config, ConfigError, parseConfig } from "./config";
import { ensureAdmin } from "./features/auth/service";

function loadConfig(): Config {
  try {
    return parseConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`onemap: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}

/** The demo's moving units: the simulator in its own process, driving the public device APIs. */
function startSimulator(address: string, config: Config, log: (line: string) => void): ChildProcess {
  const child = spawn(
    join(repoRoot, "node_modules/.bin/tsx"),
    ["apps/simulator/src/main.ts", "--base", address, "--interval", String(config.SIMULATOR_INTERVAL_MS), "--report", "60"],
    {
      cwd: repoRoot,
      env: { ...process.env, SIMULATOR_USERNAME: config.SIMULATOR_USERNAME, SIMULATOR_PASSWORD: config.SIMULATOR_PASSWORD },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  child.stdout?.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) log(line.trim());
  });
  return child;
}

async function main() {
  const config = loadConfig();
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.ONEMAP_DATA_DIR,
      embeddedPort: config.EMBEDDED_PG_PORT,
      ownerUrl: config.DATABASE_OWNER_URL,
    });
  } catch (error) {
    // one line that says what to do, not a stack trace
    console.error(`onemap: the database could not be opened: ${(error as Error).message}`);
    process.exit(1);
  }
  const db = createDbClient(database.url, { max: 20 });
  const demo = config.DEMO ?? database.embedded;
  try {
    const { migrated, auditWeaknesses } = await prepareDatabase(database);
    console.log(`migrations: ${migrated.applied.length} applied, ${migrated.alreadyApplied} already in place`);
    if (auditWeaknesses.length > 0) {
      console.warn(
        `\n*** WARNING: the API's database role could rewrite the audit: ${auditWeaknesses.join("; ")}.\n` +
          "*** Run the API as a role that owns nothing and give the owner's connection as DATABASE_OWNER_URL (README, Security).\n",
      );
    }
    if (demo) {
      // the seed writes as the owner: it may tidy what the runtime role may not
      const owner = createDbClient(database.ownerUrl, { max: 2 });
      try {
        console.log(formatSummary(await seedDemoCounty(owner, { demoUsers: database.embedded })));
      } finally {
        await owner.$disconnect();
      }
    }
    if (config.ONEMAP_ADMIN_PASSWORD) {
      const result = await ensureAdmin(db, config.ONEMAP_ADMIN_USERNAME, config.ONEMAP_ADMIN_PASSWORD);
      console.log(
        `administrator ${config.ONEMAP_ADMIN_USERNAME}: ${result === "created" ? "created from ONEMAP_ADMIN_PASSWORD" : "exists already"}`,
      );
    }
  } catch (error) {
    console.error(`onemap: preparing the database failed: ${(error as Error).message}`);
    await db.$disconnect();
    await database.close();
    process.exit(1);
  }

  const app = await buildApp({ config, db, databaseUrl: database.url, embeddedDatabase: database.embedded });
  let simulator: ChildProcess | undefined;
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
        simulator?.kill("SIGTERM");
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
  // a closed terminal: stop as cleanly as on Ctrl-C (else the embedded PostgreSQL is left running)
  process.once("SIGHUP", () => shutdown("SIGHUP"));

  try {
    // thousands of devices reconnect at once after a network blip: a short accept queue would drop their SYNs
    const address = await app.listen({ host: config.HOST, port: config.PORT, backlog: 4096 });
    const shown = address.replace("127.0.0.1", "localhost");
    const banner = [`onemap is running: ${shown}  (API docs: ${shown}/docs)`];
    if (database.embedded)
      banner.push(`demo sign-ins: operator, leader, chief, admin — password "onemap"  (data in ${config.ONEMAP_DATA_DIR})`);
    if (config.SIMULATOR ?? demo) {
      simulator = startSimulator(address, config, (line) => app.log.info(line));
      banner.push(`simulator: the demo units report every ${config.SIMULATOR_INTERVAL_MS / 1000} s (SIMULATOR=false to stop it)`);
    }
    banner.push(`Ctrl-C stops it${database.embedded ? " and the embedded database" : ""}`);
    // last, so it is what the terminal shows: device requests log at debug, not one line per fix (and
    // the log's own worker thread has written what it had first)
    const log = app.log as typeof app.log & { flush?: (done: () => void) => void };
    await new Promise<void>((done) => (log.flush ? log.flush(() => done()) : done()));
    console.log(`\n${banner.join("\n")}\n`);
  } catch (error) {
    app.log.error({ err: error }, "start-up failed");
    await app.close();
    await db.$disconnect();
    await database.close();
    process.exit(1);
  }
}

await main();
