// One-click dispatch and the assignment's progress. Dispatch is one transaction: the units are
// claimed with a conditional UPDATE (only AVAILABLE ones), so of two operators sending the same unit
// at the same moment exactly one wins and the other gets a 409 naming the incident that took it. An
// Idempotency-Key makes a repeated click return the first answer without a second effect.
import { createHash, randomUUID } from "node:crypto";
import { type DbClient, Prisma } from "@onemap/db";
import {
  ACTIVE_ASSIGNMENT_STATUSES,
  assignmentTransitionError,
  DISPATCHABLE_INCIDENT_STATUSES,
  distanceMeters,
  isPoliceBusiness,
} from "@onemap/domain";
import {
  type AssignmentStatus,
  type DispatchResult,
  type ErrorCode,
  FIELD_MESSAGES,
  type IncidentCategory,
  type UnitStatus,
} from "@onemap/shared";
import { type Actor, stationScope } from "../../actor";
import { BadRequestError, ConflictError, NotFoundError } from "../../errors";
import type { Realtime } from "../../plugins/realtime";
import { toAssignment, toIncident } from "./mappers";
import { type IncidentService, TX } from "./service";

/** an en-route unit this close to its incident is on scene */
export const ARRIVAL_RADIUS_M = 50;

class Replay {
  constructor(
    readonly statusCode: number,
    readonly body: unknown,
  ) {}
}

export interface DispatchOutcome {
  statusCode: number;
  body: DispatchResult;
  replayed: boolean;
}

const UNIT_STATUS_FOR: Partial<Record<AssignmentStatus, UnitStatus>> = { EN_ROUTE: "EN_ROUTE", ON_SCENE: "ON_SCENE", CLEARED: "AVAILABLE" };
const STAMP_FOR: Record<"ACKNOWLEDGED" | "EN_ROUTE" | "ON_SCENE" | "CLEARED", "acknowledgedAt" | "enRouteAt" | "onSceneAt" | "clearedAt"> =
  {
    ACKNOWLEDGED: "acknowledgedAt",
    EN_ROUTE: "enRouteAt",
    ON_SCENE: "onSceneAt",
    CLEARED: "clearedAt",
  };

export function createDispatchService({
  db,
  realtime,
  incidents,
  now = () => new Date(),
}: {
  db: DbClient;
  realtime: Realtime;
  incidents: IncidentService;
  now?: () => Date;
}) {
  function emitUnitStatus(units: { id: string; status: UnitStatus; version: number; homeStationId: string }[], previous: UnitStatus) {
    for (const u of units)
      realtime.emitScoped("unit:status", { unitId: u.id, status: u.status, previous, version: u.version, at: now().toISOString() }, [
        u.homeStationId,
      ]);
  }

  return {
    /** `reason`: why police go to a call that is not police business (required for those; on the timeline) */
    async dispatch(
      actor: Actor,
      incidentId: string,
      unitIds: string[],
      idempotencyKey?: string,
      reason?: string,
    ): Promise<DispatchOutcome> {
      const requestHash = createHash("sha256")
        .update(JSON.stringify({ incidentId, unitIds: [...unitIds].sort(), reason: reason ?? null }))
        .digest("hex");
      const at = now();
      let result: { body: DispatchResult; units: { id: string; status: UnitStatus; version: number; homeStationId: string }[] };
      try {
        result = await db.$transaction(async (tx) => {
          if (idempotencyKey) {
            // a concurrent repeat waits here on the key's primary key until the first commits
            const claimed = await tx.$executeRaw`
                INSERT INTO "IdempotencyKey" ("userId", key, route, "requestHash", "statusCode", response)
                VALUES (${actor.userId}, ${idempotencyKey}, 'dispatch', ${requestHash}, 0, '{}'::jsonb) ON CONFLICT DO NOTHING`;
            if (claimed === 0) {
              const stored = await tx.idempotencyKey.findUniqueOrThrow({
                where: { userId_key: { userId: actor.userId, key: idempotencyKey } },
              });
              if (stored.requestHash !== requestHash)
                throw new ConflictError("this Idempotency-Key was used for a different request").coded("idempotency_key_reused");
              throw new Replay(stored.statusCode, stored.response);
            }
          }
          const scope = stationScope(actor);
          // the incident's own columns only: its relations are read once, for the answer
          const incident = await tx.incident.findFirst({
            where: { id: incidentId, ...(scope ? { stationId: scope } : {}) },
            select: { number: true, status: true, version: true, dispatchedAt: true, category: true },
          });
          if (!incident) throw new NotFoundError("incident");
          if (!reason && !isPoliceBusiness(incident.category as IncidentCategory))
            throw new BadRequestError(`incident ${incident.number} is not police business: give the reason for sending police`, [
              { path: "body.reason", message: FIELD_MESSAGES.reason_required, code: "field:reason_required" },
            ]).coded("dispatch_reason_required", { number: incident.number });
          if (!DISPATCHABLE_INCIDENT_STATUSES.includes(incident.status))
            throw new ConflictError(`incident ${incident.number} is ${incident.status}: no more units can be sent`).coded(
              "incident_not_open",
              {
                number: incident.number,
                status: incident.status,
              },
            );

          // the claim: only available units the caller may see; anything short of all is explained below
          const claimed = await tx.$queryRaw<
            { id: string; callsign: string; status: UnitStatus; version: number; homeStationId: string }[]
          >`
              UPDATE "Unit" SET status = 'DISPATCHED', version = version + 1, "updatedAt" = now()
               WHERE id = ANY(${unitIds}::text[]) AND status = 'AVAILABLE' AND (${scope}::text IS NULL OR "homeStationId" = ${scope})
           RETURNING id, callsign, status, version, "homeStationId"`;
          if (claimed.length < unitIds.length) {
            const visible = await tx.unit.findMany({
              where: { id: { in: unitIds }, ...(scope ? { homeStationId: scope } : {}) },
              select: { id: true, callsign: true },
            });
            const missing = unitIds.filter((id) => !visible.some((u) => u.id === id));
            if (missing.length > 0) throw new NotFoundError("unit", missing.join(", "));
            const taken = unitIds.filter((id) => !claimed.some((c) => c.id === id));
            const reasons = await Promise.all(
              taken.map(async (unitId): Promise<{ text: string; code: ErrorCode; params: Record<string, string> }> => {
                const callsign = visible.find((u) => u.id === unitId)?.callsign ?? unitId;
                const active = await tx.assignment.findFirst({
                  where: { unitId, status: { in: [...ACTIVE_ASSIGNMENT_STATUSES] } },
                  include: { incident: { select: { number: true, stationId: true } }, dispatchedBy: { select: { displayName: true } } },
                });
                if (active && scope !== null && active.incident.stationId !== scope) {
                  // a chief learns nothing of another station's incident or who sent the unit there
                  return { text: `unit ${callsign} is busy on an incident elsewhere`, code: "unit_busy_elsewhere", params: { callsign } };
                }
                if (active) {
                  const at = active.dispatchedAt.toLocaleTimeString("en-GB", { timeZone: "Asia/Shanghai", hour12: false });
                  const by = active.dispatchedBy?.displayName;
                  return {
                    text: `unit ${callsign} is already on incident ${active.incident.number}${by ? `, dispatched by ${by} at ${at} (UTC+8)` : ""}`,
                    code: "unit_taken",
                    params: { callsign, incident: active.incident.number, by: by ?? "", at: active.dispatchedAt.toISOString() },
                  };
                }
                const now = await tx.unit.findUnique({ where: { id: unitId }, select: { status: true } });
                return {
                  text: `unit ${callsign} is not available (${now?.status.toLowerCase().replaceAll("_", " ")})`,
                  code: "unit_unavailable",
                  params: { callsign, status: now?.status ?? "" },
                };
              }),
            );
            const error = new ConflictError(reasons.map((r) => r.text).join("; "));
            // one unit refused: say which and why in the board's language; several: the message lists them
            const [only] = reasons;
            throw reasons.length === 1 && only ? error.coded(only.code, only.params) : error.coded("units_unavailable");
          }
          const assignmentIds: string[] = unitIds.map(() => randomUUID());
          await tx.assignment.createMany({
            data: unitIds.map((unitId, i) => ({
              id: assignmentIds[i] as string,
              incidentId,
              unitId,
              dispatchedById: actor.userId,
              dispatchedAt: at,
            })),
          });
          const updated = await tx.incident.updateMany({
            where: { id: incidentId, version: incident.version },
            data: {
              ...(incident.status === "NEW" ? { status: "DISPATCHED" } : {}),
              dispatchedAt: incident.dispatchedAt ?? at,
              version: { increment: 1 },
            },
          });
          if (updated.count === 0)
            throw new ConflictError(`incident ${incident.number} was changed by someone else meanwhile: try again`).coded(
              "changed_meanwhile",
              {
                number: incident.number,
              },
            );
          await incidents.record(
            tx,
            incidentId,
            actor.userId,
            "dispatched",
            { status: incident.status },
            {
              status: incident.status === "NEW" ? "DISPATCHED" : incident.status,
              units: unitIds.map((id) => ({ id, callsign: claimed.find((u) => u.id === id)?.callsign ?? id })),
            },
            reason ?? null,
          );
          const fresh = await incidents.load(tx, actor, incidentId);
          const body: DispatchResult = {
            incident: toIncident(fresh),
            assignments: fresh.assignments.filter((a) => assignmentIds.includes(a.id)).map(toAssignment),
          };
          if (idempotencyKey) {
            await tx.idempotencyKey.update({
              where: { userId_key: { userId: actor.userId, key: idempotencyKey } },
              data: { statusCode: 200, response: body as unknown as Prisma.InputJsonValue },
            });
          }
          return { body, units: claimed.map(({ id, status, version, homeStationId }) => ({ id, status, version, homeStationId })) };
        }, TX);
      } catch (error) {
        if (error instanceof Replay) return { statusCode: error.statusCode, body: error.body as DispatchResult, replayed: true };
        // the partial unique index caught what the conditional update let through: still a taken unit
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
          throw new ConflictError("a unit was taken by another dispatch at the same moment").coded("units_unavailable");
        throw error;
      }
      incidents.publish("incident:updated", result.body.incident);
      for (const a of result.body.assignments)
        realtime.emitScoped("assignment:updated", { ...a, incidentId }, [result.body.incident.stationId]);
      emitUnitStatus(result.units, "AVAILABLE");
      return { statusCode: 200, body: result.body, replayed: false };
    },

    /**
     * A unit's progress on its assignment: reported by its device (which must be the unit's own), or
     * by onemap itself (arrival detected from positions).
     */
    async progress(
      assignmentId: string,
      to: "ACKNOWLEDGED" | "EN_ROUTE" | "ON_SCENE" | "CLEARED",
      by: { unitId: string } | { system: string },
    ) {
      const at = now();
      const outcome = await db.$transaction(async (tx) => {
        const a = await tx.assignment.findUnique({ where: { id: assignmentId }, include: { unit: true, incident: true } });
        // a device speaks only for its own unit: another unit's assignment does not exist for it
        if (!a || ("unitId" in by && a.unitId !== by.unitId)) throw new NotFoundError("assignment");
        const error = assignmentTransitionError(a.status, to);
        if (error) throw new ConflictError(error).coded("transition_refused", { number: a.incident.number, from: a.status, to });
        await tx.assignment.update({ where: { id: a.id }, data: { status: to, [STAMP_FOR[to]]: at } });
        const unitStatus = UNIT_STATUS_FOR[to];
        let unit = a.unit;
        if (unitStatus && unitStatus !== a.unit.status)
          unit = await tx.unit.update({ where: { id: a.unitId }, data: { status: unitStatus, version: { increment: 1 } } });
        let incidentStatus = a.incident.status;
        if (to === "ON_SCENE" && a.incident.status === "DISPATCHED") {
          await tx.incident.update({
            where: { id: a.incidentId },
            data: { status: "ON_SCENE", onSceneAt: a.incident.onSceneAt ?? at, version: { increment: 1 } },
          });
          incidentStatus = "ON_SCENE";
        }
        await incidents.record(
          tx,
          a.incidentId,
          null,
          `assignment_${to.toLowerCase()}`,
          { assignment: a.status, incident: a.incident.status },
          {
            assignment: to,
            incident: incidentStatus,
            unitId: a.unitId,
            callsign: a.unit.callsign,
            by: "unitId" in by ? "device" : by.system,
          },
        );
        const fresh = await tx.incident.findUniqueOrThrow({
          where: { id: a.incidentId },
          include: {
            assignments: { include: { unit: { select: { callsign: true, kind: true } } }, orderBy: { dispatchedAt: "asc" } },
            commandingOfficer: { select: { id: true, name: true, title: true, phone: true } },
          },
        });
        return { fresh, previousUnitStatus: a.unit.status, unit, assignment: fresh.assignments.find((x) => x.id === a.id) };
      }, TX);
      const incident = toIncident(outcome.fresh);
      if (outcome.assignment)
        realtime.emitScoped("assignment:updated", { ...toAssignment(outcome.assignment), incidentId: incident.id }, [incident.stationId]);
      incidents.publish("incident:updated", incident);
      if (outcome.unit.status !== outcome.previousUnitStatus) emitUnitStatus([outcome.unit], outcome.previousUnitStatus);
      return outcome.assignment ? toAssignment(outcome.assignment) : null;
    },

    /** Called with the units that moved while en route: within 50 m of the incident they are on scene. */
    async checkArrivals(moved: readonly { id: string; lat: number; lon: number }[]) {
      if (moved.length === 0) return;
      const active = await db.assignment.findMany({
        where: { unitId: { in: moved.map((m) => m.id) }, status: "EN_ROUTE" },
        include: { incident: { select: { lat: true, lon: true } } },
      });
      for (const a of active) {
        const at = moved.find((m) => m.id === a.unitId);
        if (at && distanceMeters(at, a.incident) <= ARRIVAL_RADIUS_M) {
          await this.progress(a.id, "ON_SCENE", { system: "arrival detected from position" }).catch((error: unknown) => {
            // a device reporting on scene at the same moment wins the race: nothing is lost
            if (!(error instanceof ConflictError)) throw error;
          });
        }
      }
    },
  };
}

export type DispatchService = ReturnType<typeof createDispatchService>;
