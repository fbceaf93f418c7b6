// Incidents: taking the call, the lifecycle, notes, transfer, duplicates, graded response and the
// recommendations. Every change writes its IncidentEvent in the same transaction, and reaches the
// boards that may see the incident (the county room and the incident's station room).
import { randomUUID } from "node:crypto";
import { type DbClient, Prisma } from "@onemap/db";
import {
  activatedGroups,
  boundingBox,
  COMMANDING_DUTY_ROLE,
  chinaDate,
  DUPLICATE_RADIUS_M,
  DUPLICATE_WINDOW_MS,
  findGrid,
  incidentTransitionError,
  likelyDuplicates,
  nearest,
  OPEN_INCIDENT_STATUSES,
  rankUnits,
  routeCase,
  shiftAt,
  tierChange,
  tierRank,
} from "@onemap/domain";
import {
  type CreateIncidentBody,
  type DutyRole,
  FIELD_MESSAGES,
  type GeoJsonPolygon,
  INCIDENT_CATEGORIES,
  type Incident,
  type IncidentDetail,
  type IncidentsQuery,
  type Recommendations,
  type ReinforcementGroupKind,
  type ResponseTier,
  type SetIncidentStatusBody,
  type TransferDepartment,
  type UnitKind,
  type UnitStatus,
} from "@onemap/shared";
import type pg from "pg";
import { type Actor, stationScope } from "../../actor";
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from "../../errors";
import type { Realtime } from "../../plugins/realtime";
import { type IncidentRow, incidentInclude, toIncident } from "./mappers";

export type Tx = Prisma.TransactionClient;

/** what the ranking reads of every available unit (callsigns and crews are read for the top few) */
interface RankableUnit {
  id: string;
  kind: UnitKind;
  homeStationId: string;
  gridId: string | null;
  lat: number;
  lon: number;
  lastFixAt: Date;
  group: ReinforcementGroupKind | null;
}
/** interactive transactions may wait a while for a connection under a burst of calls */
export const TX = { maxWait: 10_000, timeout: 15_000 };

/** a board's clock may run a little ahead of the server's: this much is taken as "now" */
const CALL_CLOCK_SKEW_MS = 60_000;
const CALL_MAX_AGE_MS = 3_600_000;

/** When the call was taken: the board's `callStartedAt`, checked against this server's clock. */
function callStart(given: string | undefined, at: Date): Date {
  if (given === undefined) return at;
  const t = Date.parse(given);
  const path = "body.callStartedAt";
  if (t > at.getTime() + CALL_CLOCK_SKEW_MS)
    throw new BadRequestError(`${path}: ${FIELD_MESSAGES.call_in_future}`, [
      { path, message: FIELD_MESSAGES.call_in_future, code: "field:call_in_future" },
    ]);
  if (t < at.getTime() - CALL_MAX_AGE_MS)
    throw new BadRequestError(`${path}: ${FIELD_MESSAGES.call_too_old}`, [
      { path, message: FIELD_MESSAGES.call_too_old, code: "field:call_too_old" },
    ]);
  return new Date(Math.min(t, at.getTime()));
}

export interface IncidentDeps {
  db: DbClient;
  /** a `pg` pool for the hottest reads */
  reads: pg.Pool;
  realtime: Realtime;
  now?: () => Date;
}

export function createIncidentService({ db, reads, realtime, now = () => new Date() }: IncidentDeps) {
  const scoped = (actor: Actor) => {
    const scope = stationScope(actor);
    return scope ? { stationId: scope } : {};
  };

  async function load(tx: Tx | DbClient, actor: Actor, id: string): Promise<IncidentRow> {
    const row = await tx.incident.findFirst({ where: { id, ...scoped(actor) }, include: incidentInclude });
    if (!row) throw new NotFoundError("incident");
    return row;
  }

  async function record(
    tx: Tx,
    incidentId: string,
    actorId: string | null,
    type: string,
    before: unknown,
    after: unknown,
    reason?: string | null,
  ) {
    await tx.incidentEvent.create({
      data: {
        incidentId,
        actorId,
        type,
        before: before === null || before === undefined ? Prisma.JsonNull : (before as Prisma.InputJsonValue),
        after: after === null || after === undefined ? Prisma.JsonNull : (after as Prisma.InputJsonValue),
        reason: reason ?? null,
      },
    });
  }

  /** Writes `data` only if nobody changed the incident since it was read (else 409). */
  async function update(tx: Tx, row: IncidentRow, data: Prisma.IncidentUncheckedUpdateManyInput): Promise<void> {
    const result = await tx.incident.updateMany({
      where: { id: row.id, version: row.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (result.count === 0)
      throw new ConflictError(`incident ${row.number} was changed by someone else meanwhile: reload and try again`).coded(
        "changed_meanwhile",
        { number: row.number },
      );
  }

  function publish(event: "incident:created" | "incident:updated", incident: Incident) {
    realtime.emitScoped(event, incident, [incident.stationId]);
  }

  async function duplicatesOf(row: { id: string; lat: number; lon: number; category: string; reportedAt: Date }) {
    const box = boundingBox(row, DUPLICATE_RADIUS_M);
    const open = await db.incident.findMany({
      where: {
        id: { not: row.id },
        category: row.category,
        status: { in: [...OPEN_INCIDENT_STATUSES] },
        reportedAt: { gte: new Date(row.reportedAt.getTime() - DUPLICATE_WINDOW_MS), lte: row.reportedAt },
        lat: { gte: box.minLat, lte: box.maxLat },
        lon: { gte: box.minLon, lte: box.maxLon },
      },
      select: { id: true, number: true, lat: true, lon: true, category: true, reportedAt: true, status: true },
    });
    return likelyDuplicates(row, open).map((d) => ({ id: d.incident.id, number: d.incident.number, distanceM: d.distanceM }));
  }

  type OnDuty = { role: DutyRole; id: string; name: string; title: string | null; phone: string | null };
  /** The roster of the shift in progress (China Standard Time), one lean read. */
  async function rosterNow(): Promise<OnDuty[]> {
    const at = now();
    const { rows } = await reads.query<OnDuty>(
      `SELECT d.role::text AS role, o.id, o.name, o.title, o.phone
         FROM "DutyShift" d JOIN "Officer" o ON o.id = d."officerId"
        WHERE d.date = $1::date AND d.shift::text = $2
        ORDER BY d.id`,
      [chinaDate(at), shiftAt(at)],
    );
    return rows;
  }
  /** who holds `role` in that roster */
  function holder(roster: readonly OnDuty[], role: DutyRole) {
    const d = roster.find((r) => r.role === role);
    return d ? { id: d.id, name: d.name, title: d.title, phone: d.phone } : null;
  }

  /** Releases the units still working an incident (cancelled, transferred, closed). */
  async function releaseUnits(tx: Tx, incidentId: string, outcome: "CANCELLED" | "CLEARED", at: Date) {
    const active = await tx.assignment.findMany({
      where: { incidentId, status: { in: ["DISPATCHED", "ACKNOWLEDGED", "EN_ROUTE", "ON_SCENE"] } },
    });
    const released: { unitId: string; previous: UnitStatus }[] = [];
    for (const a of active) {
      await tx.assignment.update({ where: { id: a.id }, data: { status: outcome, clearedAt: at } });
      // the status it had, for the boards: dispatched, en route or on scene
      const [unit] = await tx.$queryRaw<{ previous: UnitStatus }[]>`
        UPDATE "Unit" u SET status = 'AVAILABLE', version = u.version + 1, "updatedAt" = now()
          FROM (SELECT id, status FROM "Unit" WHERE id = ${a.unitId} FOR UPDATE) old
         WHERE u.id = old.id AND old.status IN ('DISPATCHED', 'EN_ROUTE', 'ON_SCENE')
     RETURNING old.status::text AS previous`;
      if (unit) released.push({ unitId: a.unitId, previous: unit.previous });
    }
    return released;
  }

  /** After the commit: the released units' new status, then the incident itself, to the boards. */
  async function announce(row: IncidentRow, released: { unitId: string; previous: UnitStatus }[] = []): Promise<Incident> {
    if (released.length > 0) {
      const units = await db.unit.findMany({ where: { id: { in: released.map((r) => r.unitId) } } });
      for (const u of units) {
        const previous = released.find((r) => r.unitId === u.id)?.previous ?? "DISPATCHED";
        realtime.emitScoped("unit:status", { unitId: u.id, status: u.status, previous, version: u.version, at: now().toISOString() }, [
          u.homeStationId,
        ]);
      }
    }
    const incident = toIncident(row);
    publish("incident:updated", incident);
    return incident;
  }

  /** station names change a few times a year: read at most once a minute */
  let stationCache: { at: number; names: Promise<Map<string, string>> } | null = null;
  function stationNames(): Promise<Map<string, string>> {
    if (!stationCache || Date.now() - stationCache.at > 60_000) {
      const names = reads
        .query<{ id: string; name: string }>(`SELECT id, name FROM "Station"`)
        .then((r) => new Map(r.rows.map((s) => [s.id, s.name])));
      stationCache = { at: Date.now(), names };
      names.catch(() => {
        stationCache = null;
      });
    }
    return stationCache.names;
  }

  return {
    load,
    record,
    publish,

    async create(actor: Actor, body: CreateIncidentBody): Promise<Incident> {
      const grids = await db.grid.findMany({ select: { id: true, stationId: true, polygon: true } });
      const grid = findGrid(
        body,
        grids.map((g) => ({ ...g, polygon: g.polygon as unknown as GeoJsonPolygon })),
      );
      let stationId = grid?.stationId;
      if (!stationId) {
        const stations = await db.station.findMany({ where: { kind: "POLICE_STATION" }, select: { id: true, lat: true, lon: true } });
        stationId = nearest(body, stations)?.id;
      }
      if (!stationId) throw new ConflictError("no police station is registered to take this incident").coded("no_station_for_location");
      const scope = stationScope(actor);
      if (scope && scope !== stationId)
        throw new ForbiddenError("this location is outside your station's area: the command centre takes it").coded("outside_station_area");
      const at = now();
      const callStartedAt = callStart(body.callStartedAt, at);
      const id = randomUUID();
      // The day's counter is bumped in its own statement, not inside the transaction: under a burst of
      // calls a row lock held for a whole transaction would queue every call behind it. A failed
      // creation leaves a gap in the numbers, never a duplicate.
      const day = chinaDate(at).replaceAll("-", "");
      const [counter] = await db.$queryRaw<{ last: number }[]>`
        INSERT INTO "DailyCounter" (date, last) VALUES (${day}, 1)
        ON CONFLICT (date) DO UPDATE SET last = "DailyCounter".last + 1 RETURNING last`;
      const row = await db.$transaction(async (tx) => {
        const number = `${day}-${String(counter?.last ?? 1).padStart(4, "0")}`;
        await tx.incident.create({
          data: {
            id,
            number,
            category: body.category,
            priority: body.priority ?? INCIDENT_CATEGORIES[body.category].priority,
            lat: body.lat,
            lon: body.lon,
            address: body.address ?? null,
            callerName: body.callerName ?? null,
            callerPhone: body.callerPhone ?? null,
            description: body.description ?? null,
            gridId: grid?.id ?? null,
            stationId,
            createdById: actor.userId,
            reportedAt: at,
            callStartedAt,
          },
        });
        const created = await load(tx, actor, id);
        await record(tx, id, actor.userId, "created", null, {
          number,
          category: created.category,
          priority: created.priority,
          gridId: created.gridId,
          stationId,
        });
        return created;
      });
      const incident = toIncident(row, await duplicatesOf(row));
      publish("incident:created", incident);
      return incident;
    },

    async list(actor: Actor, q: IncidentsQuery): Promise<Incident[]> {
      const scope = stationScope(actor);
      if (scope && q.station && q.station !== scope) throw new NotFoundError("station");
      const rows = await db.incident.findMany({
        where: {
          ...(q.status ? { status: { in: q.status } } : {}),
          ...(q.tier ? { tier: q.tier } : {}),
          ...(q.category ? { category: q.category } : {}),
          ...(q.station ? { stationId: q.station } : {}),
          ...(q.from || q.to
            ? { reportedAt: { ...(q.from ? { gte: new Date(q.from) } : {}), ...(q.to ? { lt: new Date(q.to) } : {}) } }
            : {}),
          ...scoped(actor),
        },
        include: incidentInclude,
        orderBy: { reportedAt: "desc" },
        take: q.limit,
      });
      // duplicates among the listed open incidents, each against those reported before it
      return rows.map((row) => {
        const earlier = rows.filter((r) => r.reportedAt <= row.reportedAt && r.id !== row.id);
        const dups = OPEN_INCIDENT_STATUSES.includes(row.status)
          ? likelyDuplicates(row, earlier).map((d) => ({ id: d.incident.id, number: d.incident.number, distanceM: d.distanceM }))
          : [];
        return toIncident(row, dups);
      });
    },

    async get(actor: Actor, id: string): Promise<IncidentDetail> {
      const row = await load(db, actor, id);
      const events = await db.incidentEvent.findMany({
        where: { incidentId: id },
        include: { actor: { select: { id: true, username: true, displayName: true } } },
        orderBy: [{ at: "asc" }, { id: "asc" }],
      });
      return {
        ...toIncident(row, OPEN_INCIDENT_STATUSES.includes(row.status) ? await duplicatesOf(row) : []),
        timeline: events.map((e) => ({
          id: e.id.toString(),
          type: e.type,
          at: e.at.toISOString(),
          actor: e.actor,
          before: e.before,
          after: e.after,
          reason: e.reason,
        })),
      };
    },

    async setStatus(actor: Actor, id: string, body: SetIncidentStatusBody): Promise<Incident> {
      const at = now();
      const { row, released } = await db.$transaction(async (tx) => {
        const row = await load(tx, actor, id);
        const error = incidentTransitionError(row.status, body.status);
        if (error) throw new ConflictError(error).coded("transition_refused", { number: row.number, from: row.status, to: body.status });
        const route = body.status === "RESOLVED" && body.case ? routeCase(body.case) : null;
        const stamp =
          body.status === "ON_SCENE"
            ? { onSceneAt: row.onSceneAt ?? at }
            : body.status === "RESOLVED"
              ? { resolvedAt: at }
              : body.status === "CLOSED"
                ? { closedAt: at }
                : { cancelledAt: at };
        await update(tx, row, { status: body.status, ...stamp, ...(route ? { caseLevel: route.level, caseRoute: route.to } : {}) });
        const released =
          body.status === "CANCELLED"
            ? await releaseUnits(tx, id, "CANCELLED", at)
            : body.status === "CLOSED"
              ? await releaseUnits(tx, id, "CLEARED", at)
              : [];
        await record(
          tx,
          id,
          actor.userId,
          "status_changed",
          { status: row.status },
          {
            status: body.status,
            ...(route ? { case: route } : {}),
            ...(released.length ? { releasedUnits: released.map((r) => r.unitId) } : {}),
          },
          body.reason,
        );
        return { row: await load(tx, actor, id), released };
      }, TX);
      return announce(row, released);
    },

    async addNote(actor: Actor, id: string, text: string): Promise<Incident> {
      const row = await db.$transaction(async (tx) => {
        const row = await load(tx, actor, id);
        await record(tx, id, actor.userId, "note", null, { text });
        return row;
      }, TX);
      return announce(row);
    },

    async transfer(actor: Actor, id: string, department: TransferDepartment, reason: string): Promise<Incident> {
      const at = now();
      const { row, released } = await db.$transaction(async (tx) => {
        const row = await load(tx, actor, id);
        const error = incidentTransitionError(row.status, "TRANSFERRED");
        if (error) throw new ConflictError(error).coded("transition_refused", { number: row.number, from: row.status, to: "TRANSFERRED" });
        await update(tx, row, { status: "TRANSFERRED", transferredAt: at, transferDepartment: department });
        const released = await releaseUnits(tx, id, "CANCELLED", at);
        await record(
          tx,
          id,
          actor.userId,
          "transferred",
          { status: row.status },
          { status: "TRANSFERRED", department, ...(released.length ? { releasedUnits: released.map((r) => r.unitId) } : {}) },
          reason,
        );
        return { row: await load(tx, actor, id), released };
      }, TX);
      return announce(row, released);
    },

    async link(actor: Actor, id: string, duplicateOfId: string): Promise<Incident> {
      if (id === duplicateOfId) throw new ConflictError("an incident cannot duplicate itself").coded("duplicate_of_itself");
      const row = await db.$transaction(async (tx) => {
        const row = await load(tx, actor, id);
        const original = await load(tx, actor, duplicateOfId);
        await update(tx, row, { duplicateOfId: original.id });
        await record(
          tx,
          id,
          actor.userId,
          "linked",
          { duplicateOfId: row.duplicateOfId },
          { duplicateOfId: original.id, number: original.number },
        );
        return load(tx, actor, id);
      }, TX);
      return announce(row);
    },

    /** Duty leaders set the tier: who commands, which groups come in; recorded and broadcast. */
    async setTier(actor: Actor, id: string, tier: ResponseTier, reason: string): Promise<Incident> {
      const commander = holder(await rosterNow(), COMMANDING_DUTY_ROLE[tier]);
      const { row, change } = await db.$transaction(async (tx) => {
        const row = await load(tx, actor, id);
        if (!OPEN_INCIDENT_STATUSES.includes(row.status))
          throw new ConflictError(`incident ${row.number} is ${row.status}: its tier can no longer change`).coded("incident_not_open", {
            number: row.number,
            status: row.status,
          });
        if (row.tier === tier)
          throw new ConflictError(`incident ${row.number} is already at ${tier}`).coded("tier_unchanged", { number: row.number, tier });
        const change = tierChange(row.tier, tier);
        await update(tx, row, { tier, escalationRequested: null, commandingOfficerId: commander?.id ?? null });
        await record(
          tx,
          id,
          actor.userId,
          "tier_changed",
          { tier: row.tier, commandingOfficerId: row.commandingOfficerId },
          {
            tier,
            commandingRole: change.commandingRole,
            commandingOfficer: commander,
            activated: change.activated,
            released: change.released,
            jointCommandPost: change.jointCommandPost,
          },
          reason,
        );
        return { row: await load(tx, actor, id), change };
      }, TX);
      const incident = toIncident(row);
      realtime.emitScoped(
        "tier:changed",
        {
          incidentId: id,
          from: change.from,
          to: change.to,
          reason,
          by: actor.displayName,
          commandingOfficer: commander,
          activatedGroups: activatedGroups(tier),
          at: now().toISOString(),
        },
        [incident.stationId],
      );
      publish("incident:updated", incident);
      return incident;
    },

    /** Operators (and chiefs) ask the leaders for a higher tier; the leaders see it on the incident. */
    async requestEscalation(actor: Actor, id: string, tier: ResponseTier, reason: string): Promise<Incident> {
      const row = await db.$transaction(async (tx) => {
        const row = await load(tx, actor, id);
        if (!OPEN_INCIDENT_STATUSES.includes(row.status))
          throw new ConflictError(`incident ${row.number} is ${row.status}`).coded("incident_not_open", {
            number: row.number,
            status: row.status,
          });
        if (tierRank(tier) <= tierRank(row.tier))
          throw new ConflictError(`incident ${row.number} is already at ${row.tier}: ask for a higher tier`).coded("tier_not_higher", {
            number: row.number,
            tier: row.tier,
          });
        await update(tx, row, { escalationRequested: tier });
        await record(tx, id, actor.userId, "escalation_requested", { tier: row.tier }, { requested: tier }, reason);
        return load(tx, actor, id);
      }, TX);
      return announce(row);
    },

    /** Available units ranked by ETA, with "where from, how many, who leads". */
    /**
     * The ranking is asked for on every incident a board opens, so it reads through `pg` on the hot
     * pool (the ORM costs more CPU per query than the queries): the incident, the available units'
     * moving parts, the stations, who is on duty, and the crews of the units that make the list.
     */
    async recommendations(actor: Actor, id: string): Promise<Recommendations> {
      const scope = stationScope(actor);
      const at = now();
      // one round of reads in parallel: the incident, every available unit (reinforcement groups are
      // filtered once the tier is known), this shift's roster, the station names (cached)
      const [found, unitRows, roster, stations] = await Promise.all([
        reads.query<{ id: string; lat: number; lon: number; gridId: string | null; tier: ResponseTier }>(
          `SELECT id, lat, lon, "gridId", tier::text AS tier FROM "Incident" WHERE id = $1 AND ($2::text IS NULL OR "stationId" = $2)`,
          [id, scope],
        ),
        reads.query<Omit<RankableUnit, "lastFixAt"> & { lastFixAtMs: number }>(
          `SELECT u.id, u.kind::text AS kind, u."homeStationId", u."gridId",
                  u."lastLat" AS lat, u."lastLon" AS lon, (extract(epoch FROM u."lastFixAt") * 1000)::float8 AS "lastFixAtMs", rg.kind::text AS "group"
             FROM "Unit" u LEFT JOIN "ReinforcementGroup" rg ON rg.id = u."reinforcementGroupId"
            WHERE u.status = 'AVAILABLE' AND u."lastLat" IS NOT NULL AND u."lastLon" IS NOT NULL AND u."lastFixAt" IS NOT NULL
              AND ($1::text IS NULL OR u."homeStationId" = $1)`,
          [scope],
        ),
        rosterNow(),
        stationNames(),
      ]);
      const row = found.rows[0];
      if (!row) throw new NotFoundError("incident");
      const groups = activatedGroups(row.tier);
      const commandingRole: DutyRole = row.tier === "ROUTINE" ? "DUTY_LEADER" : COMMANDING_DUTY_ROLE[row.tier];
      const units: RankableUnit[] = [];
      for (const u of unitRows.rows)
        if (u.group === null || groups.includes(u.group))
          units.push({
            id: u.id,
            kind: u.kind,
            homeStationId: u.homeStationId,
            gridId: u.gridId,
            lat: u.lat,
            lon: u.lon,
            lastFixAt: new Date(u.lastFixAtMs),
            group: u.group,
          });
      const commanding = holder(roster, commandingRole);
      const commander = holder(roster, "COMMANDER");
      const stationName = stations;
      const ranked = rankUnits(row, units, at);
      const top = ranked.slice(0, 50);
      const crewRows = await reads.query<{
        id: string;
        callsign: string;
        leaderId: string | null;
        leaderName: string | null;
        leaderTitle: string | null;
        leaderPhone: string | null;
        members: number;
      }>(
        `SELECT u.id, u.callsign, o.id AS "leaderId", o.name AS "leaderName", o.title AS "leaderTitle", o.phone AS "leaderPhone",
                (SELECT count(*)::int FROM "UnitMember" m WHERE m."unitId" = u.id) AS members
           FROM "Unit" u LEFT JOIN "Officer" o ON o.id = u."leaderId"
          WHERE u.id = ANY($1::text[])`,
        [top.map((r) => r.unit.id)],
      );
      const crews = new Map(
        crewRows.rows.map((c) => [
          c.id,
          {
            callsign: c.callsign,
            leader: c.leaderId ? { id: c.leaderId, name: c.leaderName ?? "", title: c.leaderTitle, phone: c.leaderPhone } : null,
            _count: { members: c.members },
          },
        ]),
      );
      const byStation = new Map<
        string,
        { stationId: string; stationName: string; within3km: number; within5km: number; within10km: number }
      >();
      for (const r of ranked) {
        if (r.distanceM > 10_000) continue;
        const s = byStation.get(r.unit.homeStationId) ?? {
          stationId: r.unit.homeStationId,
          stationName: stationName.get(r.unit.homeStationId) ?? r.unit.homeStationId,
          within3km: 0,
          within5km: 0,
          within10km: 0,
        };
        s.within10km++;
        if (r.distanceM <= 5000) s.within5km++;
        if (r.distanceM <= 3000) s.within3km++;
        byStation.set(r.unit.homeStationId, s);
      }
      return {
        incidentId: id,
        tier: row.tier,
        recommendations: top.map((r) => ({
          unitId: r.unit.id,
          callsign: crews.get(r.unit.id)?.callsign ?? r.unit.id,
          kind: r.unit.kind,
          status: "AVAILABLE" as const,
          distanceM: r.distanceM,
          etaS: r.etaS,
          inGrid: r.inGrid,
          stale: r.stale,
          lastFixAgeS: r.lastFixAgeS,
          leader: crews.get(r.unit.id)?.leader ?? null,
          memberCount: crews.get(r.unit.id)?._count.members ?? 0,
          stationId: r.unit.homeStationId,
          stationName: stationName.get(r.unit.homeStationId) ?? r.unit.homeStationId,
          reinforcementGroup: r.unit.group,
        })),
        byStation: [...byStation.values()].sort((a, b) => b.within3km - a.within3km || b.within10km - a.within10km),
        commandingLeader: commanding
          ? { role: row.tier === "ROUTINE" ? "DUTY_LEADER" : COMMANDING_DUTY_ROLE[row.tier], officer: commanding }
          : null,
        commander: commander ?? null,
        activatedGroups: groups,
      };
    },
  };
}

export type IncidentService = ReturnType<typeof createIncidentService>;
