// The one way onemap opens a `pg` pool (ADR 0008). Prisma stores `timestamp(3)` without a time zone,
// in UTC. A `pg` session is put in UTC (so a Date sent as a parameter is compared in UTC) and such a
// column is read back as UTC (node-postgres would otherwise read it in the process's local zone): one
// fix, here, for every pool, whatever the server's zone. One rule goes with it: send an instant as ISO
// text cast to timestamptz (`$1::timestamptz`, `at.toISOString()`), never a bare Date — node-postgres
// writes a Date in the process's zone, and a timestamp column drops the offset (test/database.test.ts).
import { Prisma } from "@onemap/db";
import pg from "pg";

const TIMESTAMP_WITHOUT_TIME_ZONE = 1114;

/** "2026-11-29 08:00:00.123" stored in UTC → that instant */
const parseUtcTimestamp = (value: string) => new Date(`${value.replace(" ", "T")}Z`);

const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_WITHOUT_TIME_ZONE && format !== "binary"
      ? parseUtcTimestamp
      : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

export interface PoolOptions {
  /** connections at most */
  max: number;
  /** an idle connection that fails (the database restarted): logged, the pool reconnects */
  onIdleError: (error: Error) => void;
}

export function createPool(databaseUrl: string, { max, onIdleError }: PoolOptions): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max, options: "-c TimeZone=UTC", types });
  pool.on("error", onIdleError);
  return pool;
}

/** a Prisma interactive transaction: repositories' writes that must commit together take one */
export type Tx = Prisma.TransactionClient;

/** the database refused a second row with the same unique key (two requests racing for one name, one unit…) */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
