// All of the incidents feature's SQL (ADR 0008). Writes are Prisma transactions — their correctness
// (version checks, conditional claims, the timeline in the same transaction) matters more than their
// last milliseconds; the reads asked for on every incident a board opens (recommendations, the
// roster) go through `pg` on the `reads` pool (ADR 0007). `scope` is a station chief's station (null:
// the whole county): it is part of every query that can reach another station's rows.
import { type DbClient, Prisma } from "@onemap/db";
import {
  ACTIVE_ASSIGNMENT_STATUSES,
  type AssignmentStatus,
  COMMITTED_UNIT_STATUSES,
  type DutyRole,
  type IncidentStatus,
  OPEN_INCIDENT_STATUSES,
  type ReinforcementGroupKind,
  type ResponseTier,
  type UnitKind,
  type UnitStatus,
} from "@onemap/shared";
import type pg from "pg";
import type { Tx } from "../../database";
import { type IncidentRow, incidentInclude } from "./mappers";

/** interactive transactions may wait a while for a connection under a burst of calls */
const TX = { maxWait: 10_000, timeout: 15_000 };

const scoped = (scope: string | null) => (scope ? { stationId: scope } : {});

export interface TimelineEntry {
  incidentId: string;
  actorId: string | null;
  type: string;
  before: unknown;
  after: unknown;
  reason?: string | null;
}

export interface OnDuty {
  role: DutyRole;
  id: string;
  name: string;
  title: string | null;
  phone: string | null;
}

/** what the ranking reads of every available unit (callsigns and crews are read for the top few) */
export interface RankableUnit {
  id: string;
  kind: UnitKind;
  homeStationId: string;
  gridId: string | null;
  lat: number;
  lon: number;
  lastFixAt: Date;
  group: ReinforcementGroupKind | null;
}

export interface Crew {
  id: string;
  callsign: string;
  leaderId: string | null;
  leaderName: string | null;
  leaderTitle: string | null;
  leaderPhone: string | null;
  members: number;
}

export interface ReleasedUnit {
  unitId: string;
  previous: UnitStatus;
}

const json = (v: unknown) => (v === null || v === undefined ? Prisma.JsonNull : (v as Prisma.InputJsonValue));

export function createIncidentRepository({ db, reads }: { db: DbClient; reads: pg.Pool }) {
  return {
    transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
      return db.$transaction(work, TX);
    },

    /** the incident with its assignments and commander, if the scope may see it */
    load(scope: string | null, id: string, tx: Tx | DbClient = db): Promise<IncidentRow | null> {
      return tx.incident.findFirst({ where: { id, ...scoped(scope) }, include: incidentInclude });
    },

    async recordEvent(tx: Tx, e: TimelineEntry): Promise<void> {
      await tx.incidentEvent.create({
        data: {
          incidentId: e.incidentId,
          actorId: e.actorId,
          type: e.type,
          before: json(e.before),
          after: json(e.after),
          reason: e.reason ?? null,
        },
      });
    },

    /** writes `data` only if nobody changed the incident since it was read at `version`: false if someone did */
    async updateIfUnchanged(tx: Tx, id: string, version: number, data: Prisma.IncidentUncheckedUpdateManyInput): Promise<boolean> {
      const result = await tx.incident.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
      return result.count > 0;
    },

    /** The day's next incident number, in its own statement (see the service for why). */
    async nextNumber(day: string): Promise<number> {
      const [counter] = await db.$queryRaw<{ last: number }[]>`
        INSERT INTO "DailyCounter" (date, last) VALUES (${day}, 1)
        ON CONFLICT (date) DO UPDATE SET last = "DailyCounter".last + 1 RETURNING last`;
      return counter?.last ?? 1;
    },

    async insert(tx: Tx, data: Prisma.IncidentUncheckedCreateInput): Promise<void> {
      await tx.incident.create({ data });
    },

    policeStations(): Promise<{ id: string; lat: number; lon: number }[]> {
      return db.station.findMany({ where: { kind: "POLICE_STATION", retiredAt: null }, select: { id: true, lat: true, lon: true } });
    },

    list(scope: string | null, where: Prisma.IncidentWhereInput, limit: number): Promise<IncidentRow[]> {
      return db.incident.findMany({
        where: { ...where, ...scoped(scope) },
        include: incidentInclude,
        orderBy: { reportedAt: "desc" },
        take: limit,
      });
    },

    /** open incidents of a category reported in a window, inside a box: the candidates for "likely the same call" */
    openInBox(q: {
      exceptId: string;
      category: string;
      from: Date;
      to: Date;
      box: { minLat: number; maxLat: number; minLon: number; maxLon: number };
    }) {
      return db.incident.findMany({
        where: {
          id: { not: q.exceptId },
          category: q.category,
          status: { in: [...OPEN_INCIDENT_STATUSES] },
          reportedAt: { gte: q.from, lte: q.to },
          lat: { gte: q.box.minLat, lte: q.box.maxLat },
          lon: { gte: q.box.minLon, lte: q.box.maxLon },
        },
        select: { id: true, number: true, lat: true, lon: true, category: true, reportedAt: true, status: true },
      });
    },

    timeline(incidentId: string) {
      return db.incidentEvent.findMany({
        where: { incidentId },
        include: { actor: { select: { id: true, username: true, displayName: true } } },
        orderBy: [{ at: "asc" }, { id: "asc" }],
      });
    },

    /** Ends the incident's active assignments and frees their units; returns the units freed and what they were. */
    async releaseUnits(tx: Tx, incidentId: string, outcome: "CANCELLED" | "CLEARED", at: Date): Promise<ReleasedUnit[]> {
      const active = await tx.assignment.findMany({ where: { incidentId, status: { in: [...ACTIVE_ASSIGNMENT_STATUSES] } } });
      const released: ReleasedUnit[] = [];
      for (const a of active) {
        await tx.assignment.update({ where: { id: a.id }, data: { status: outcome, clearedAt: at } });
        const [unit] = await tx.$queryRaw<{ previous: UnitStatus }[]>`
          UPDATE "Unit" u SET status = 'AVAILABLE', version = u.version + 1, "updatedAt" = now()
            FROM (SELECT id, status FROM "Unit" WHERE id = ${a.unitId} FOR UPDATE) old
           WHERE u.id = old.id AND old.status::text = ANY(${[...COMMITTED_UNIT_STATUSES]}::text[])
       RETURNING old.status::text AS previous`;
        if (unit) released.push({ unitId: a.unitId, previous: unit.previous });
      }
      return released;
    },

    unitsByIds(ids: readonly string[]) {
      return db.unit.findMany({ where: { id: { in: [...ids] } }, select: { id: true, status: true, version: true, homeStationId: true } });
    },

    // ---------------------------------------------------------------- dispatch (one transaction)

    /** false when the key was already used (a concurrent repeat waits here until the first commits) */
    async claimIdempotencyKey(tx: Tx, userId: string, key: string, requestHash: string): Promise<boolean> {
      const claimed = await tx.$executeRaw`
        INSERT INTO "IdempotencyKey" ("userId", key, route, "requestHash", "statusCode", response)
        VALUES (${userId}, ${key}, 'dispatch', ${requestHash}, 0, '{}'::jsonb) ON CONFLICT DO NOTHING`;
      return claimed > 0;
    },
    storedAnswer(tx: Tx, userId: string, key: string) {
      return tx.idempotencyKey.findUniqueOrThrow({ where: { userId_key: { userId, key } } });
    },
    /** the housekeeping: keys older than `before` replay nothing any more */
    async deleteIdempotencyKeysBefore(before: Date): Promise<number> {
      return (await db.idempotencyKey.deleteMany({ where: { createdAt: { lt: before } } })).count;
    },
    async storeAnswer(tx: Tx, userId: string, key: string, statusCode: number, body: unknown): Promise<void> {
      await tx.idempotencyKey.update({ where: { userId_key: { userId, key } }, data: { statusCode, response: json(body) } });
    },

    /** the incident's own columns only: its relations are read once, for the answer */
    incidentToDispatch(tx: Tx, scope: string | null, id: string) {
      return tx.incident.findFirst({
        where: { id, ...scoped(scope) },
        select: { number: true, status: true, version: true, dispatchedAt: true, category: true },
      });
    },

    /** the claim: only available, unretired units the scope may see */
    claimUnits(tx: Tx, scope: string | null, unitIds: readonly string[]) {
      return tx.$queryRaw<{ id: string; callsign: string; status: UnitStatus; version: number; homeStationId: string }[]>`
          UPDATE "Unit" SET status = 'DISPATCHED', version = version + 1, "updatedAt" = now()
           WHERE id = ANY(${unitIds}::text[]) AND status = 'AVAILABLE' AND "retiredAt" IS NULL
             AND (${scope}::text IS NULL OR "homeStationId" = ${scope})
       RETURNING id, callsign, status, version, "homeStationId"`;
    },
    visibleUnits(tx: Tx, scope: string | null, unitIds: readonly string[]) {
      return tx.unit.findMany({
        where: { id: { in: [...unitIds] }, ...(scope ? { homeStationId: scope } : {}) },
        select: { id: true, callsign: true, status: true, retiredAt: true },
      });
    },
    /** the unit's assignment in progress, with its incident and who sent it */
    activeAssignmentOf(tx: Tx, unitId: string) {
      return tx.assignment.findFirst({
        where: { unitId, status: { in: [...ACTIVE_ASSIGNMENT_STATUSES] } },
        include: { incident: { select: { number: true, stationId: true } }, dispatchedBy: { select: { displayName: true } } },
      });
    },
    async createAssignments(
      tx: Tx,
      rows: { id: string; incidentId: string; unitId: string; dispatchedById: string; dispatchedAt: Date }[],
    ) {
      await tx.assignment.createMany({ data: rows });
    },

    // ---------------------------------------------------------------- a unit's progress

    assignmentWithUnitAndIncident(tx: Tx, id: string) {
      return tx.assignment.findUnique({ where: { id }, include: { unit: true, incident: true } });
    },
    async setAssignmentStatus(
      tx: Tx,
      id: string,
      status: AssignmentStatus,
      stamp: "acknowledgedAt" | "enRouteAt" | "onSceneAt" | "clearedAt",
      at: Date,
    ): Promise<void> {
      await tx.assignment.update({ where: { id }, data: { status, [stamp]: at } });
    },
    setUnitStatus(tx: Tx, unitId: string, status: UnitStatus) {
      return tx.unit.update({ where: { id: unitId }, data: { status, version: { increment: 1 } } });
    },
    async setIncidentStatus(tx: Tx, id: string, status: IncidentStatus, data: { onSceneAt?: Date }): Promise<void> {
      await tx.incident.update({ where: { id }, data: { status, ...data, version: { increment: 1 } } });
    },
    /** the units among these that are en route, with where they are going */
    enRouteAssignments(unitIds: readonly string[]) {
      return db.assignment.findMany({
        where: { unitId: { in: [...unitIds] }, status: "EN_ROUTE" },
        include: { incident: { select: { lat: true, lon: true } } },
      });
    },

    // ---------------------------------------------------------------- hot reads (pg)

    /** The roster of one shift (a China Standard Time date), one lean read. */
    async roster(date: string, shift: string): Promise<OnDuty[]> {
      const { rows } = await reads.query<OnDuty>(
        `SELECT d.role::text AS role, o.id, o.name, o.title, o.phone
           FROM "DutyShift" d JOIN "Officer" o ON o.id = d."officerId"
          WHERE d.date = $1::date AND d.shift::text = $2
          ORDER BY d.id`,
        [date, shift],
      );
      return rows;
    },

    async incidentToRank(scope: string | null, id: string) {
      const { rows } = await reads.query<{ id: string; lat: number; lon: number; gridId: string | null; tier: ResponseTier }>(
        `SELECT id, lat, lon, "gridId", tier::text AS tier FROM "Incident" WHERE id = $1 AND ($2::text IS NULL OR "stationId" = $2)`,
        [id, scope],
      );
      return rows[0];
    },

    /**
     * Every available unit with a position: only the moving parts (no callsigns or crews). The fix
     * time comes as epoch milliseconds, not as a timestamp: for 2,000 units, parsing the text of each
     * costs about 0.4 ms more per call on this hottest read (a speed choice; both are UTC, ADR 0008).
     */
    async availableUnits(scope: string | null): Promise<RankableUnit[]> {
      const { rows } = await reads.query<Omit<RankableUnit, "lastFixAt"> & { lastFixAtMs: number }>(
        `SELECT u.id, u.kind::text AS kind, u."homeStationId", u."gridId", u."lastLat" AS lat, u."lastLon" AS lon,
                (extract(epoch FROM u."lastFixAt") * 1000)::float8 AS "lastFixAtMs", rg.kind::text AS "group"
           FROM "Unit" u LEFT JOIN "ReinforcementGroup" rg ON rg.id = u."reinforcementGroupId"
          WHERE u.status = 'AVAILABLE' AND u."retiredAt" IS NULL AND u."lastLat" IS NOT NULL AND u."lastLon" IS NOT NULL AND u."lastFixAt" IS NOT NULL
            AND ($1::text IS NULL OR u."homeStationId" = $1)`,
        [scope],
      );
      return rows.map((u) => ({
        id: u.id,
        kind: u.kind,
        homeStationId: u.homeStationId,
        gridId: u.gridId,
        lat: u.lat,
        lon: u.lon,
        lastFixAt: new Date(u.lastFixAtMs),
        group: u.group,
      }));
    },

    /** callsign, leader and crew size of these units (the few that make the list) */
    async crews(unitIds: readonly string[]): Promise<Crew[]> {
      const { rows } = await reads.query<Crew>(
        `SELECT u.id, u.callsign, o.id AS "leaderId", o.name AS "leaderName", o.title AS "leaderTitle", o.phone AS "leaderPhone",
                (SELECT count(*)::int FROM "UnitMember" m WHERE m."unitId" = u.id) AS members
           FROM "Unit" u LEFT JOIN "Officer" o ON o.id = u."leaderId"
          WHERE u.id = ANY($1::text[])`,
        [unitIds],
      );
      return rows;
    },

    async stationNames(): Promise<Map<string, string>> {
      const { rows } = await reads.query<{ id: string; name: string }>(`SELECT id, name FROM "Station"`);
      return new Map(rows.map((s) => [s.id, s.name]));
    },
  };
}

export type IncidentRepository = ReturnType<typeof createIncidentRepository>;
