// Incidents: taking the call, the lifecycle, notes, transfer, duplicates and graded response. Every
// change writes its IncidentEvent in the same transaction, and reaches the boards that may see the
// incident (the county room and the incident's station room) once committed.
import { randomUUID } from "node:crypto";
import {
  activatedGroups,
  boundingBox,
  COMMANDING_DUTY_ROLE,
  chinaDate,
  DUPLICATE_RADIUS_M,
  DUPLICATE_WINDOW_MS,
  incidentTransitionError,
  likelyDuplicates,
  nearest,
  routeCase,
  shiftAt,
  tierChange,
} from "@onemap/domain";
import {
  type CreateIncidentBody,
  FIELD_MESSAGES,
  INCIDENT_CATEGORIES,
  type Incident,
  type IncidentDetail,
  type IncidentsQuery,
  isOpenIncident,
  type ResponseTier,
  type SetIncidentStatusBody,
  type TransferDepartment,
  tierRank,
} from "@onemap/shared";
import { type Actor, stationScope } from "../../actor";
import type { Tx } from "../../database";
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from "../../errors";
import type { BoardEvents } from "../../plugins/board-events";
import type { AuditService } from "../audit/service";
import { type IncidentRow, toIncident } from "./mappers";
import { holder } from "./recommendations";
import type { IncidentRepository, ReleasedUnit } from "./repository";

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
  repository: IncidentRepository;
  events: Pick<BoardEvents, "incidentCreated" | "incidentUpdated" | "unitStatus" | "tierChanged">;
  /** a tier change is also in the audit (who raised a county's response, from where), in the same transaction */
  audit: Pick<AuditService, "record">;
  /** the patrol grid that holds a point (the grid cache), or null outside them all */
  locateGrid: (point: { lat: number; lon: number }) => Promise<{ id: string; stationId: string } | null>;
  now?: () => Date;
}

export function createIncidentService({ repository, events, audit, locateGrid, now = () => new Date() }: IncidentDeps) {
  async function load(actor: Actor, id: string, tx?: Tx): Promise<IncidentRow> {
    const row = await repository.load(stationScope(actor), id, tx);
    if (!row) throw new NotFoundError("incident");
    return row;
  }

  /** Writes `data` only if nobody changed the incident since it was read (else 409). */
  async function update(tx: Tx, row: IncidentRow, data: Parameters<IncidentRepository["updateIfUnchanged"]>[3]): Promise<void> {
    if (!(await repository.updateIfUnchanged(tx, row.id, row.version, data)))
      throw new ConflictError(`incident ${row.number} was changed by someone else meanwhile: reload and try again`).coded(
        "changed_meanwhile",
        { number: row.number },
      );
  }

  async function duplicatesOf(row: { id: string; lat: number; lon: number; category: string; reportedAt: Date }) {
    const open = await repository.openInBox({
      exceptId: row.id,
      category: row.category,
      from: new Date(row.reportedAt.getTime() - DUPLICATE_WINDOW_MS),
      to: row.reportedAt,
      box: boundingBox(row, DUPLICATE_RADIUS_M),
    });
    return likelyDuplicates(row, open).map((d) => ({ id: d.incident.id, number: d.incident.number, distanceM: d.distanceM }));
  }

  /** After the commit: the released units' new status, then the incident itself, to the boards. */
  async function announce(row: IncidentRow, released: ReleasedUnit[] = []): Promise<Incident> {
    if (released.length > 0) {
      for (const u of await repository.unitsByIds(released.map((r) => r.unitId)))
        events.unitStatus(u, released.find((r) => r.unitId === u.id)?.previous ?? "DISPATCHED", now());
    }
    const incident = toIncident(row);
    events.incidentUpdated(incident);
    return incident;
  }

  /** an incident whose tier may still change: an open one */
  function assertOpen(row: IncidentRow, message: string) {
    if (!isOpenIncident(row)) throw new ConflictError(message).coded("incident_not_open", { number: row.number, status: row.status });
  }

  return {
    async create(actor: Actor, body: CreateIncidentBody): Promise<Incident> {
      const grid = await locateGrid(body);
      const stationId = grid?.stationId ?? nearest(body, await repository.policeStations())?.id;
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
      const number = `${day}-${String(await repository.nextNumber(day)).padStart(4, "0")}`;
      const row = await repository.transaction(async (tx) => {
        await repository.insert(tx, {
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
        });
        const created = await load(actor, id, tx);
        await repository.recordEvent(tx, {
          incidentId: id,
          actorId: actor.userId,
          type: "created",
          before: null,
          after: { number, category: created.category, priority: created.priority, gridId: created.gridId, stationId },
        });
        return created;
      });
      const incident = toIncident(row, await duplicatesOf(row));
      events.incidentCreated(incident);
      return incident;
    },

    async list(actor: Actor, q: IncidentsQuery): Promise<Incident[]> {
      const scope = stationScope(actor);
      if (scope && q.station && q.station !== scope) throw new NotFoundError("station");
      const rows = await repository.list(
        scope,
        {
          ...(q.status ? { status: { in: q.status } } : {}),
          ...(q.tier ? { tier: q.tier } : {}),
          ...(q.category ? { category: q.category } : {}),
          ...(q.station ? { stationId: q.station } : {}),
          ...(q.from || q.to
            ? { reportedAt: { ...(q.from ? { gte: new Date(q.from) } : {}), ...(q.to ? { lt: new Date(q.to) } : {}) } }
            : {}),
        },
        q.limit,
      );
      // duplicates among the listed open incidents, each against those reported before it
      return rows.map((row) => {
        const earlier = rows.filter((r) => r.reportedAt <= row.reportedAt && r.id !== row.id);
        const dups = isOpenIncident(row)
          ? likelyDuplicates(row, earlier).map((d) => ({ id: d.incident.id, number: d.incident.number, distanceM: d.distanceM }))
          : [];
        return toIncident(row, dups);
      });
    },

    async get(actor: Actor, id: string): Promise<IncidentDetail> {
      const row = await load(actor, id);
      const events = await repository.timeline(id);
      return {
        ...toIncident(row, isOpenIncident(row) ? await duplicatesOf(row) : []),
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
      const { row, released } = await repository.transaction(async (tx) => {
        const row = await load(actor, id, tx);
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
            ? await repository.releaseUnits(tx, id, "CANCELLED", at)
            : body.status === "CLOSED"
              ? await repository.releaseUnits(tx, id, "CLEARED", at)
              : [];
        await repository.recordEvent(tx, {
          incidentId: id,
          actorId: actor.userId,
          type: "status_changed",
          before: { status: row.status },
          after: {
            status: body.status,
            ...(route ? { case: route } : {}),
            ...(released.length ? { releasedUnits: released.map((r) => r.unitId) } : {}),
          },
          reason: body.reason,
        });
        return { row: await load(actor, id, tx), released };
      });
      return announce(row, released);
    },

    async addNote(actor: Actor, id: string, text: string): Promise<Incident> {
      const row = await repository.transaction(async (tx) => {
        const row = await load(actor, id, tx);
        await repository.recordEvent(tx, { incidentId: id, actorId: actor.userId, type: "note", before: null, after: { text } });
        return row;
      });
      return announce(row);
    },

    async transfer(actor: Actor, id: string, department: TransferDepartment, reason: string): Promise<Incident> {
      const at = now();
      const { row, released } = await repository.transaction(async (tx) => {
        const row = await load(actor, id, tx);
        const error = incidentTransitionError(row.status, "TRANSFERRED");
        if (error) throw new ConflictError(error).coded("transition_refused", { number: row.number, from: row.status, to: "TRANSFERRED" });
        await update(tx, row, { status: "TRANSFERRED", transferredAt: at, transferDepartment: department });
        const released = await repository.releaseUnits(tx, id, "CANCELLED", at);
        await repository.recordEvent(tx, {
          incidentId: id,
          actorId: actor.userId,
          type: "transferred",
          before: { status: row.status },
          after: { status: "TRANSFERRED", department, ...(released.length ? { releasedUnits: released.map((r) => r.unitId) } : {}) },
          reason,
        });
        return { row: await load(actor, id, tx), released };
      });
      return announce(row, released);
    },

    async link(actor: Actor, id: string, duplicateOfId: string): Promise<Incident> {
      if (id === duplicateOfId) throw new ConflictError("an incident cannot duplicate itself").coded("duplicate_of_itself");
      const row = await repository.transaction(async (tx) => {
        const row = await load(actor, id, tx);
        const original = await load(actor, duplicateOfId, tx);
        await update(tx, row, { duplicateOfId: original.id });
        await repository.recordEvent(tx, {
          incidentId: id,
          actorId: actor.userId,
          type: "linked",
          before: { duplicateOfId: row.duplicateOfId },
          after: { duplicateOfId: original.id, number: original.number },
        });
        return load(actor, id, tx);
      });
      return announce(row);
    },

    /** Duty leaders set the tier: who commands, which groups come in; recorded and broadcast. */
    async setTier(actor: Actor, id: string, tier: ResponseTier, reason: string, ip: string | null = null): Promise<Incident> {
      const at = now();
      const commander = holder(await repository.roster(chinaDate(at), shiftAt(at)), COMMANDING_DUTY_ROLE[tier]);
      const { row, change } = await repository.transaction(async (tx) => {
        const row = await load(actor, id, tx);
        assertOpen(row, `incident ${row.number} is ${row.status}: its tier can no longer change`);
        if (row.tier === tier)
          throw new ConflictError(`incident ${row.number} is already at ${tier}`).coded("tier_unchanged", { number: row.number, tier });
        const change = tierChange(row.tier, tier);
        await update(tx, row, { tier, escalationRequested: null, commandingOfficerId: commander?.id ?? null });
        await repository.recordEvent(tx, {
          incidentId: id,
          actorId: actor.userId,
          type: "tier_changed",
          before: { tier: row.tier, commandingOfficerId: row.commandingOfficerId },
          after: {
            tier,
            commandingRole: change.commandingRole,
            commandingOfficer: commander,
            activated: change.activated,
            released: change.released,
            jointCommandPost: change.jointCommandPost,
          },
          reason,
        });
        await audit.record(
          {
            actor,
            ip,
            action: "incident.tier_changed",
            targetType: "incident",
            targetId: row.number,
            before: { tier: row.tier },
            after: { tier, reason, commandingOfficer: commander?.name ?? null },
          },
          tx,
        );
        return { row: await load(actor, id, tx), change };
      });
      const incident = toIncident(row);
      events.tierChanged(
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
        incident,
      );
      events.incidentUpdated(incident);
      return incident;
    },

    /** Operators (and chiefs) ask the leaders for a higher tier; the leaders see it on the incident. */
    async requestEscalation(actor: Actor, id: string, tier: ResponseTier, reason: string): Promise<Incident> {
      const row = await repository.transaction(async (tx) => {
        const row = await load(actor, id, tx);
        assertOpen(row, `incident ${row.number} is ${row.status}`);
        if (tierRank(tier) <= tierRank(row.tier))
          throw new ConflictError(`incident ${row.number} is already at ${row.tier}: ask for a higher tier`).coded("tier_not_higher", {
            number: row.number,
            tier: row.tier,
          });
        await update(tx, row, { escalationRequested: tier });
        await repository.recordEvent(tx, {
          incidentId: id,
          actorId: actor.userId,
          type: "escalation_requested",
          before: { tier: row.tier },
          after: { requested: tier },
          reason,
        });
        return load(actor, id, tx);
      });
      return announce(row);
    },
  };
}

export type IncidentService = ReturnType<typeof createIncidentService>;
