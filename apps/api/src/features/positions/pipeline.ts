// The position pipeline. Accepted fixes wait in a bounded buffer. Every tick (or sooner, when a
// batch fills) the units that moved go out to the boards as one coalesced frame — each unit once,
// with its newest fix, never an older one than it last sent — and one statement appends the batch to
// UnitPosition (duplicates skipped) and moves each unit's stored last position forward, never
// backwards (that guard is the database's, so it holds across API processes). A device's request is
// answered only once its fix is committed, so nothing acknowledged is lost; stop() writes what is
// buffered before the process exits. The frame goes out before the write so that a board sees a fix
// one tick after it arrived, not one tick plus a database round trip.
import type { PositionRow } from "@onemap/shared";
import type pg from "pg";
import { BadRequestError, ServiceUnavailableError } from "../../errors";
import type { Realtime } from "../../plugins/realtime";
import type { GridCache } from "./grids";

export interface ResolvedFix {
  unitId: string;
  /** the unit's home station: which station room sees it */
  stationId: string;
  fixAt: Date;
  receivedAt: Date;
  lat: number;
  lon: number;
  speed: number | null;
  heading: number | null;
  altitude: number | null;
  accuracy: number | null;
  battery: number | null;
}

export interface SubmitResult {
  accepted: number;
  duplicates: number;
}

interface Waiter {
  count: number;
  resolve: (inserted: number) => void;
  reject: (error: Error) => void;
}

interface MovedRow {
  id: string;
  callsign: string;
  homeStationId: string;
  gridId: string | null;
  status: string;
  outsideGridSince: string | null;
  lat: number;
  lon: number;
  fix_at: string;
}

export interface PipelineOptions {
  tickMs: number;
  /** flush at once when this many fixes wait */
  maxBatch: number;
  /** refuse (503) beyond this many fixes waiting or being written */
  maxPending: number;
  log: { error: (obj: object, msg: string) => void; warn: (obj: object, msg: string) => void };
  /** told of the units that moved while en route to an incident (arrival detection) */
  onEnRoute?: (moved: { id: string; lat: number; lon: number }[]) => Promise<void>;
}

const WRITE_SQL = `
WITH input AS (
  SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::float8[], $9::float8[], $10::float8[])
    AS t(unit_id, fix_at, received_at, lat, lon, speed, heading, altitude, accuracy, battery)
), inserted AS (
  INSERT INTO "UnitPosition" ("unitId", "fixAt", "receivedAt", lat, lon, speed, heading, altitude, accuracy, battery)
  SELECT unit_id, fix_at, received_at, lat, lon, speed, heading, altitude, accuracy, battery FROM input
  ON CONFLICT ("unitId", "fixAt") DO NOTHING
  RETURNING 1
), latest AS (
  SELECT DISTINCT ON (unit_id) * FROM input ORDER BY unit_id, fix_at DESC, received_at DESC
), moved AS (
  UPDATE "Unit" u
     SET "lastLat" = l.lat, "lastLon" = l.lon, "lastSpeed" = l.speed, "lastHeading" = l.heading, "lastFixAt" = l.fix_at
    FROM latest l
   WHERE u.id = l.unit_id AND (u."lastFixAt" IS NULL OR u."lastFixAt" < l.fix_at)
  RETURNING u.id, u.callsign, u."homeStationId", u."gridId", u.status, u."outsideGridSince", l.lat, l.lon, l.fix_at
)
SELECT (SELECT count(*) FROM inserted)::int AS inserted,
       -- only patrolling units with a grid can cross a geofence; only units en route can arrive
       coalesce((SELECT json_agg(moved) FROM moved WHERE ("gridId" IS NOT NULL AND status = 'AVAILABLE') OR status = 'EN_ROUTE'), '[]'::json) AS moved`;

/** Refused for what it holds (a value JavaScript or PostgreSQL cannot store), not for a lost connection. */
function isDataError(error: unknown): boolean {
  if (error instanceof RangeError || error instanceof TypeError) return true;
  const code = (error as { code?: unknown }).code;
  // SQLSTATE classes 22 (data exception) and 23 (integrity constraint violation)
  return typeof code === "string" && /^2[23]/.test(code);
}

/** What the write can store: finite numbers, times a Date and PostgreSQL both hold. */
export function writable(f: ResolvedFix): boolean {
  const t = f.fixAt.getTime();
  const r = f.receivedAt.getTime();
  return (
    Number.isFinite(t) &&
    Number.isFinite(r) &&
    Number.isFinite(f.lat) &&
    Number.isFinite(f.lon) &&
    [f.speed, f.heading, f.altitude, f.accuracy, f.battery].every((v) => v === null || Number.isFinite(v))
  );
}

export class PositionPipeline {
  private buffer: ResolvedFix[] = [];
  private waiters: Waiter[] = [];
  private writing = 0;
  private flushing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** the newest fix time this process has sent per unit (seeded from the database at start) */
  private lastSent = new Map<string, number>();
  readonly stats = { accepted: 0, duplicates: 0, overloaded: 0, flushes: 0, totalFlushMs: 0, maxFlushMs: 0 };

  constructor(
    private readonly pool: pg.Pool,
    private readonly realtime: Realtime,
    private readonly grids: GridCache,
    private readonly options: PipelineOptions,
  ) {}

  async start(): Promise<void> {
    const { rows } = await this.pool
      .query<{ id: string; at: Date | null }>(`SELECT id, "lastFixAt" AS at FROM "Unit"`)
      .catch((error: unknown) => {
        this.options.log.warn({ err: error }, "could not read the units' last fixes: the first frame of each unit is sent as it comes");
        return { rows: [] };
      });
    for (const r of rows) if (r.at) this.lastSent.set(r.id, new Date(r.at).getTime());
    this.timer = setInterval(() => void this.flush(), this.options.tickMs);
  }

  /** fixes waiting or being written */
  get pending(): number {
    return this.buffer.length + this.writing;
  }

  /** Resolves once every fix is committed (or known as a duplicate). */
  submit(fixes: readonly ResolvedFix[]): Promise<SubmitResult> {
    if (this.stopped) return Promise.reject(new ServiceUnavailableError("shutting down: send again shortly", 2));
    // proven writable before it is queued: a fix the write could not hold would otherwise fail the whole tick
    if (!fixes.every(writable))
      return Promise.reject(new BadRequestError("a fix holds a value that cannot be stored (time or number out of range)"));
    if (this.pending + fixes.length > this.options.maxPending) {
      this.stats.overloaded += fixes.length;
      return Promise.reject(new ServiceUnavailableError("position intake is full: send again shortly", 1));
    }
    const done = new Promise<number>((resolve, reject) => {
      this.buffer.push(...fixes);
      this.waiters.push({ count: fixes.length, resolve, reject });
    });
    if (this.buffer.length >= this.options.maxBatch) void this.flush();
    return done.then((inserted) => ({ accepted: fixes.length, duplicates: fixes.length - inserted }));
  }

  /** Writes everything buffered now; concurrent callers share the flush in progress. */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    if (this.buffer.length === 0) return Promise.resolve();
    this.flushing = this.write().finally(() => {
      this.flushing = null;
      // a batch that filled while writing goes at once rather than waiting for the next tick
      if (this.buffer.length >= this.options.maxBatch) void this.flush();
    });
    return this.flushing;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    while (this.flushing || this.buffer.length > 0) await this.flush();
  }

  private async write(): Promise<void> {
    const batch = this.buffer;
    const waiters = this.waiters;
    this.buffer = [];
    this.waiters = [];
    this.writing = batch.length;
    const t0 = performance.now();
    this.broadcast(batch);
    try {
      const groups: { waiter: Waiter; fixes: ResolvedFix[] }[] = [];
      let offset = 0;
      for (const waiter of waiters) {
        groups.push({ waiter, fixes: batch.slice(offset, offset + waiter.count) });
        offset += waiter.count;
      }
      const moved = await this.writeGroups(groups);
      this.stats.flushes++;
      const ms = performance.now() - t0;
      this.stats.totalFlushMs += ms;
      this.stats.maxFlushMs = Math.max(this.stats.maxFlushMs, ms);
      await this.geofence(moved).catch((error: unknown) => this.options.log.error({ err: error }, "geofence check failed"));
      const enRoute = moved.filter((m) => m.status === "EN_ROUTE");
      if (enRoute.length > 0 && this.options.onEnRoute) {
        await this.options.onEnRoute(enRoute).catch((error: unknown) => this.options.log.error({ err: error }, "arrival check failed"));
      }
    } finally {
      this.writing = 0;
    }
  }

  /**
   * Writes the requests' fixes in one statement. If the statement is refused for its data (not for a
   * lost connection), the requests are written again in halves, so that one request's bad fix can
   * never fail another device's fix: only the offending request is refused.
   */
  private async writeGroups(groups: readonly { waiter: Waiter; fixes: ResolvedFix[] }[]): Promise<MovedRow[]> {
    const fixes = groups.flatMap((g) => g.fixes);
    try {
      const { inserted, moved } = await this.store(fixes);
      this.stats.accepted += fixes.length;
      this.stats.duplicates += fixes.length - inserted;
      // Duplicates are attributed to the last waiters; the counts only inform the reply.
      let remainingInserted = inserted;
      for (const { waiter } of groups) {
        const mine = Math.min(waiter.count, remainingInserted);
        remainingInserted -= mine;
        waiter.resolve(mine);
      }
      return moved;
    } catch (error) {
      if (isDataError(error) && groups.length > 1) {
        const half = Math.ceil(groups.length / 2);
        const [a, b] = [await this.writeGroups(groups.slice(0, half)), await this.writeGroups(groups.slice(half))];
        return [...a, ...b];
      }
      if (isDataError(error)) {
        this.options.log.warn({ err: error, fixes: fixes.length }, "a request's positions could not be stored: refused");
        for (const { waiter } of groups) waiter.reject(new BadRequestError(`positions could not be stored: ${(error as Error).message}`));
        return [];
      }
      this.options.log.error({ err: error, fixes: fixes.length }, "writing positions failed: the devices will send them again");
      const failure = new ServiceUnavailableError("positions could not be stored: send again shortly", 1);
      for (const { waiter } of groups) waiter.reject(failure);
      return [];
    }
  }

  private async store(batch: readonly ResolvedFix[]): Promise<{ inserted: number; moved: MovedRow[] }> {
    const cols = {
      unit: [] as string[],
      fixAt: [] as string[],
      receivedAt: [] as string[],
      lat: [] as number[],
      lon: [] as number[],
      speed: [] as (number | null)[],
      heading: [] as (number | null)[],
      altitude: [] as (number | null)[],
      accuracy: [] as (number | null)[],
      battery: [] as (number | null)[],
    };
    for (const f of batch) {
      cols.unit.push(f.unitId);
      cols.fixAt.push(f.fixAt.toISOString());
      cols.receivedAt.push(f.receivedAt.toISOString());
      cols.lat.push(f.lat);
      cols.lon.push(f.lon);
      cols.speed.push(f.speed);
      cols.heading.push(f.heading);
      cols.altitude.push(f.altitude);
      cols.accuracy.push(f.accuracy);
      cols.battery.push(f.battery);
    }
    const { rows } = await this.pool.query<{ inserted: number; moved: MovedRow[] }>(WRITE_SQL, [
      cols.unit,
      cols.fixAt,
      cols.receivedAt,
      cols.lat,
      cols.lon,
      cols.speed,
      cols.heading,
      cols.altitude,
      cols.accuracy,
      cols.battery,
    ]);
    return { inserted: rows[0]?.inserted ?? 0, moved: rows[0]?.moved ?? [] };
  }

  /** One frame: each unit's newest fix of the batch, unless this process already sent a newer one. */
  private broadcast(batch: readonly ResolvedFix[]): void {
    const newest = new Map<string, ResolvedFix>();
    for (const f of batch) {
      const seen = newest.get(f.unitId);
      if (!seen || f.fixAt > seen.fixAt) newest.set(f.unitId, f);
    }
    const rows: { row: PositionRow; stationId: string }[] = [];
    for (const f of newest.values()) {
      const at = f.fixAt.getTime();
      if ((this.lastSent.get(f.unitId) ?? Number.NEGATIVE_INFINITY) >= at) continue;
      this.lastSent.set(f.unitId, at);
      rows.push({
        stationId: f.stationId,
        row: [f.unitId, f.lat, f.lon, f.heading ?? -1, f.speed === null ? -1 : Math.round(f.speed * 10) / 10, at, f.receivedAt.getTime()],
      });
    }
    this.realtime.emitPositions(rows);
  }

  /** A patrolling unit leaving its grid (or coming back) is recorded once, whichever process sees it first. */
  private async geofence(moved: readonly MovedRow[]): Promise<void> {
    for (const m of moved) {
      if (!m.gridId || m.status !== "AVAILABLE") continue;
      const inside = this.grids.contains(m.gridId, m);
      if (inside === null) continue;
      const wasOutside = m.outsideGridSince !== null;
      if (inside !== wasOutside) continue;
      const transition = inside ? "ENTERED" : "EXITED";
      const at = m.fix_at;
      const { rows } = await this.pool.query<{ id: string }>(
        inside
          ? `UPDATE "Unit" SET "outsideGridSince" = NULL WHERE id = $1 AND "outsideGridSince" IS NOT NULL RETURNING id`
          : `UPDATE "Unit" SET "outsideGridSince" = $2::timestamptz WHERE id = $1 AND "outsideGridSince" IS NULL RETURNING id`,
        inside ? [m.id] : [m.id, at],
      );
      if (rows.length === 0) continue;
      await this.pool.query(
        `INSERT INTO "GeofenceEvent" ("unitId", "gridId", transition, lat, lon, at) VALUES ($1, $2, $3::"GeofenceTransition", $4, $5, $6::timestamptz)`,
        [m.id, m.gridId, transition, m.lat, m.lon, at],
      );
      const grid = this.grids.get(m.gridId);
      this.realtime.emitScoped(
        "unit:geofence",
        {
          unitId: m.id,
          callsign: m.callsign,
          gridId: m.gridId,
          gridName: grid?.name ?? m.gridId,
          transition,
          lat: m.lat,
          lon: m.lon,
          at: new Date(at).toISOString(),
        },
        [m.homeStationId, ...(grid ? [grid.stationId] : [])],
      );
    }
  }
}
