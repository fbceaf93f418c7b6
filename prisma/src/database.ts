// Where onemap's PostgreSQL comes from: DATABASE_URL when given, else the embedded server with
// its data in ./.data (started here, stopped by `close`).
import { resolve } from "node:path";
import pg from "pg";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "./embedded";
import { type MigrateResult, migrate } from "./migrate";
import { auditWeaknesses, EMBEDDED_RUNTIME_PASSWORD, EMBEDDED_RUNTIME_ROLE, grantRuntimeRole, urlAsRole } from "./roles";

export const repoRoot = new URL("../../", import.meta.url).pathname;
export const DEFAULT_DATA_DIR = resolve(repoRoot, ".data");
export const DEFAULT_EMBEDDED_PORT = 54329;
const EMBEDDED_DATABASE_NAME = "onemap";

export interface OpenDatabaseOptions {
  databaseUrl?: string | undefined;
  /** the owner role, which applies migrations and grants (DATABASE_OWNER_URL); default: databaseUrl */
  ownerUrl?: string | undefined;
  dataDir?: string;
  embeddedPort?: number;
  log?: (line: string) => void;
}

export interface OpenDatabase {
  /** the runtime role's connection: what the API runs as */
  url: string;
  /** the owner's connection: migrations, grants, the demo seed */
  ownerUrl: string;
  /** the runtime role to grant to, when onemap manages the grants (embedded, or an owner URL given) */
  runtimeRole: { role: string; createWithPassword?: string } | null;
  /** true when onemap runs its own embedded PostgreSQL (demo mode) */
  embedded: boolean;
  /** stops the embedded server if this call started it */
  close(): Promise<void>;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    // nothing listening (or not ours): the caller starts its own server
    return false;
  }
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<OpenDatabase> {
  if (options.databaseUrl) {
    const owner = options.ownerUrl;
    return {
      url: options.databaseUrl,
      ownerUrl: owner ?? options.databaseUrl,
      runtimeRole: owner ? { role: decodeURIComponent(new URL(options.databaseUrl).username) } : null,
      embedded: false,
      close: async () => undefined,
    };
  }

  const dataDir = resolve(options.dataDir ?? DEFAULT_DATA_DIR, "postgres");
  const port = options.embeddedPort ?? DEFAULT_EMBEDDED_PORT;
  let server: EmbeddedDatabase | undefined;
  const probe = `postgresql://postgres:onemap-embedded@127.0.0.1:${port}/postgres`;
  // a running onemap (npm start) already owns the embedded server: share it rather than fight over the data directory
  if (!(await canConnect(probe))) {
    server = await startEmbeddedPostgres({ dataDir, port, persistent: true, ...(options.log ? { onLog: options.log } : {}) });
  }
  const admin = new pg.Client({ connectionString: probe });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [EMBEDDED_DATABASE_NAME]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${EMBEDDED_DATABASE_NAME}`);
  } finally {
    await admin.end();
  }
  const ownerUrl = `postgresql://postgres:onemap-embedded@127.0.0.1:${port}/${EMBEDDED_DATABASE_NAME}`;
  return {
    url: urlAsRole(ownerUrl, EMBEDDED_RUNTIME_ROLE, EMBEDDED_RUNTIME_PASSWORD),
    ownerUrl,
    runtimeRole: { role: EMBEDDED_RUNTIME_ROLE, createWithPassword: EMBEDDED_RUNTIME_PASSWORD },
    embedded: true,
    close: async () => {
      await server?.stop();
    },
  };
}

/**
 * Applies pending migrations as the owner, then the runtime role's grants (when onemap manages them),
 * and says what the runtime connection could still do to the audit (empty: nothing).
 */
export async function prepareDatabase(database: OpenDatabase): Promise<{ migrated: MigrateResult; auditWeaknesses: string[] }> {
  const migrated = await migrate(database.ownerUrl);
  if (database.runtimeRole) await grantRuntimeRole(database.ownerUrl, database.runtimeRole);
  return { migrated, auditWeaknesses: await auditWeaknesses(database.url) };
}
