// Vitest global setup: one PostgreSQL for the whole run (TEST_DATABASE_URL's server, else an
// embedded one of its own) and two template databases, migrated once: `empty` and `county` (the
// demo county, seeded by the seed's own builders). Every test file clones its own database from one
// (createTestDatabase), so files run in parallel and never see each other's rows — or the demo data.
import { chmodSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { seedDemoCounty } from "../seed/index";
import { createDbClient } from "../src/client";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "../src/embedded";
import { migrate } from "../src/migrate";
import { freePort } from "../src/ports";
import { grantRuntimeRole } from "../src/roles";
import { databaseUrl, type TestDatabaseContext } from "./database";

export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), "onemap-test-pg-"));
    // run as root, PostgreSQL runs as the `postgres` user, which must be able to enter the directory
    chmodSync(dir, 0o755);
    embedded = await startEmbeddedPostgres({ dataDir: join(dir, "data"), port: await freePort(), persistent: false });
    serverUrl = embedded.serverUrl;
  }
  const prefix = `onemap_t_${Date.now().toString(36)}${process.pid.toString(36)}`;
  const context: TestDatabaseContext = {
    serverUrl,
    prefix,
    templates: { empty: `${prefix}_tpl_empty`, county: `${prefix}_tpl_county` },
    runtime: { role: "onemap_test_app", password: "onemap-test-runtime" },
  };

  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    for (const name of Object.values(context.templates)) await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  await migrate(databaseUrl(serverUrl, context.templates.empty));
  const countyUrl = databaseUrl(serverUrl, context.templates.county);
  await migrate(countyUrl);
  // clones of the templates keep these grants: every test's API runs as a role that owns nothing
  for (const name of Object.values(context.templates)) {
    await grantRuntimeRole(databaseUrl(serverUrl, name), { role: context.runtime.role, createWithPassword: context.runtime.password });
  }
  const db = createDbClient(countyUrl, { max: 2 });
  try {
    await seedDemoCounty(db, { demoUsers: true });
  } finally {
    await db.$disconnect();
  }
  project.provide("testDatabase", context);

  return async () => {
    if (embedded) {
      await embedded.stop();
      return;
    }
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${prefix}%`]);
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  };
}
