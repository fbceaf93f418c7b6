import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

export interface TestDatabaseContext {
  /** a connection string to the server's maintenance database */
  serverUrl: string;
  prefix: string;
  templates: { empty: string; county: string };
  /** the role the API runs as in tests: owns nothing, may not rewrite the audit */
  runtime: { role: string; password: string };
}

/** The same database as the runtime role (what the API connects as). */
export function runtimeUrl(url: string): string {
  const { runtime } = inject("testDatabase");
  const u = new URL(url);
  u.username = runtime.role;
  u.password = runtime.password;
  return u.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabaseContext;
  }
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A fresh database of this test's own, cloned from a migrated template: `empty` (schema only) or
 * `county` (schema + the Peng'an demo county with its demo sign-ins).
 */
export async function createTestDatabase(template: "empty" | "county"): Promise<string> {
  const context = inject("testDatabase");
  const name = `${context.prefix}_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: context.serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${context.templates[template]}"`);
  } finally {
    await admin.end();
  }
  return databaseUrl(context.serverUrl, name);
}

/** A database with nothing in it, not even the schema (for the migration tests). */
export async function createBlankDatabase(): Promise<string> {
  const context = inject("testDatabase");
  const name = `${context.prefix}_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: context.serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return databaseUrl(context.serverUrl, name);
}
