// The position pipeline. Accepted fixes wait in a bounded buffer. Every tick (or sooner, when a
// batch fills) the units that moved go out to the boards as one coalesced frame — each unit once,
// with its newest fix, never an older one than it last sent — and one statement appends the batch to
// UnitPosition (duplicates skipped) and moves each unit's stored last position forward, never
// backwards (that guard is the database's, so it holds across API processes). A device's request is
// answered only once its fix is committed, so nothing acknowledged is lost; stop() writes what is
// buffered before the process exits. The frame goes out before the write so that a board sees a fix
// one tick after it arrived, not one tick plus a database round trip.
// What the units' movement means (a grid left, an incident reached) is for the listeners told of the
// units that moved (geofence.ts, incidents/arrival.ts), after the write.
import type { PositionRow } from "@onemap/shared";
import { BadRequestError, ServiceUnavailableError } from "../../errors";
import type { BoardEvents } from "../../plugins/board-events";
import type { MovedUnit, PositionRepository, StoredFix } from "./repository";

export interface ResolvedFix extends StoredFix {
  /** the unit's home station: which station room sees it */
  stationId: string;
}

/** told of the patrolling and en-route units whose position moved forward in a write */
export type MovedListener = (moved: readonly MovedUnit[]) => Promise<void>;

export interface SubmitResult {
  accepted: number;
  duplicates: number;
}

interface Waiter {
  count: number;
  resolve: (inserted: number) => void;
  reject: (error: Error) => void;
}

export interface PipelineOptions {
  tickMs: number;
  /** flush at once when this many fixes wait */
  maxBatch: number;
  /** refuse (503) beyond this many fixes waiting or being written */
  maxPending: number;
  log: { error: (obj: object, msg: string) => void; warn: (obj: object, msg: string) => void };
}

/** Refused for what it holds (a value JavaScript or PostgreSQL cannot store), not for a lost connection. */
function isDataError(error: unknown): boolean {
  if (error instanceof RangeError || error instanceof TypeError) return true;
  const code = (error as { code?: unknown }).code;
  // SQLSTATE classes 22 (data exception) and 23 (integrity constraint violation)
  return typeof code === "string" && /^2[23]/.test(code);
}

/** What the write can store: finite numbers, times a Date and PostgreSQL both hold. */
function writable(f: ResolvedFix): boolean {
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
  private readonly listeners: { name: string; listener: MovedListener }[] = [];

  constructor(
    private readonly repository: Pick<PositionRepository, "lastFixTimes" | "storeFixes">,
    private readonly events: Pick<BoardEvents, "positions">,
    private readonly options: PipelineOptions,
  ) {}

  /** `name` says, in the log, which check failed */
  onMoved(name: string, listener: MovedListener): void {
    this.listeners.push({ name, listener });
  }

  async start(): Promise<void> {
    const rows = await this.repository.lastFixTimes().catch((error: unknown) => {
      this.options.log.warn({ err: error }, "could not read the units' last fixes: the first frame of each unit is sent as it comes");
      return [];
    });
    for (const r of rows) if (r.at) this.lastSent.set(r.id, r.at.getTime());
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
      if (moved.length > 0)
        for (const { name, listener } of this.listeners)
          await listener(moved).catch((error: unknown) => this.options.log.error({ err: error }, `${name} check failed`));
    } finally {
      this.writing = 0;
    }
  }

  /**
   * Writes the requests' fixes in one statement. If the statement is refused for its data (not for a
   * lost connection), the requests are written again in halves, so that one request's bad fix can
   * never fail another device's fix: only the offending request is refused.
   */
  private async writeGroups(groups: readonly { waiter: Waiter; fixes: ResolvedFix[] }[]): Promise<MovedUnit[]> {
    const fixes = groups.flatMap((g) => g.fixes);
    try {
      const { inserted, moved } = await this.repository.storeFixes(fixes);
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
    this.events.positions(rows);
  }
}
