// One-click dispatch and the assignment's progress. Dispatch is one transaction: the units are
// claimed with a conditional UPDATE (only AVAILABLE ones), so of two operators sending the same unit
// at the same moment exactly one wins and the other gets a 409 naming the incident that took it. An
// Idempotency-Key makes a repeated click return the first answer without a second effect.
import { createHash, randomUUID } from "node:crypto";
import { assignmentTransitionError, isPoliceBusiness } from "@onemap/domain";
import {
  type AssignmentStatus,
  type DispatchResult,
  type ErrorCode,
  FIELD_MESSAGES,
  type IncidentCategory,
  isOpenIncident,
  type UnitStatus,
} from "@onemap/shared";
import { type Actor, stationScope } from "../../actor";
import { isUniqueViolation } from "../../database";
import { BadRequestError, ConflictError, NotFoundError } from "../../errors";
import type { BoardEvents } from "../../plugins/board-events";
import { toAssignment, toIncident } from "./mappers";
import type { IncidentRepository } from "./repository";

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

/** what a progress step may be: the device's reports (and arrival, detected from positions) */
export type ProgressStep = "ACKNOWLEDGED" | "EN_ROUTE" | "ON_SCENE" | "CLEARED";

const UNIT_STATUS_FOR: Partial<Record<AssignmentStatus, UnitStatus>> = { EN_ROUTE: "EN_ROUTE", ON_SCENE: "ON_SCENE", CLEARED: "AVAILABLE" };
const STAMP_FOR: Record<ProgressStep, "acknowledgedAt" | "enRouteAt" | "onSceneAt" | "clearedAt"> = {
  ACKNOWLEDGED: "acknowledgedAt",
  EN_ROUTE: "enRouteAt",
  ON_SCENE: "onSceneAt",
  CLEARED: "clearedAt",
};

export interface DispatchDeps {
  repository: Pick<
    IncidentRepository,
    | "transaction"
    | "load"
    | "recordEvent"
    | "claimIdempotencyKey"
    | "storedAnswer"
    | "storeAnswer"
    | "incidentToDispatch"
    | "claimUnits"
    | "visibleUnits"
    | "activeAssignmentOf"
    | "createAssignments"
    | "updateIfUnchanged"
    | "assignmentWithUnitAndIncident"
    | "setAssignmentStatus"
    | "setUnitStatus"
    | "setIncidentStatus"
  >;
  events: Pick<BoardEvents, "incidentUpdated" | "assignmentUpdated" | "unitStatus">;
  now?: () => Date;
}

export function createDispatchService({ repository, events, now = () => new Date() }: DispatchDeps) {
  /** why each unit the claim could not take is not free, in words and as a code for the board */
  async function whyNotFree(
    tx: Parameters<Parameters<DispatchDeps["repository"]["transaction"]>[0]>[0],
    scope: string | null,
    taken: readonly string[],
    visible: readonly { id: string; callsign: string; status: UnitStatus; retiredAt: Date | null }[],
  ) {
    return Promise.all(
      taken.map(async (unitId): Promise<{ text: string; code: ErrorCode; params: Record<string, string> }> => {
        const unit = visible.find((u) => u.id === unitId);
        const callsign = unit?.callsign ?? unitId;
        if (unit?.retiredAt) return { text: `unit ${callsign} is retired`, code: "unit_retired", params: { callsign } };
        const active = await repository.activeAssignmentOf(tx, unitId);
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
        return {
          text: `unit ${callsign} is not available (${unit?.status.toLowerCase().replaceAll("_", " ")})`,
          code: "unit_unavailable",
          params: { callsign, status: unit?.status ?? "" },
        };
      }),
    );
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
      const scope = stationScope(actor);
      let result: { body: DispatchResult; units: { id: string; status: UnitStatus; version: number; homeStationId: string }[] };
      try {
        result = await repository.transaction(async (tx) => {
          if (idempotencyKey && !(await repository.claimIdempotencyKey(tx, actor.userId, idempotencyKey, requestHash))) {
            const stored = await repository.storedAnswer(tx, actor.userId, idempotencyKey);
            if (stored.requestHash !== requestHash)
              throw new ConflictError("this Idempotency-Key was used for a different request").coded("idempotency_key_reused");
            throw new Replay(stored.statusCode, stored.response);
          }
          const incident = await repository.incidentToDispatch(tx, scope, incidentId);
          if (!incident) throw new NotFoundError("incident");
          if (!reason && !isPoliceBusiness(incident.category as IncidentCategory))
            throw new BadRequestError(`incident ${incident.number} is not police business: give the reason for sending police`, [
              { path: "body.reason", message: FIELD_MESSAGES.reason_required, code: "field:reason_required" },
            ]).coded("dispatch_reason_required", { number: incident.number });
          if (!isOpenIncident(incident))
            throw new ConflictError(`incident ${incident.number} is ${incident.status}: no more units can be sent`).coded(
              "incident_not_open",
              { number: incident.number, status: incident.status },
            );

          // the claim: only available units the caller may see; anything short of all is explained
          const claimed = await repository.claimUnits(tx, scope, unitIds);
          if (claimed.length < unitIds.length) {
            const visible = await repository.visibleUnits(tx, scope, unitIds);
            const missing = unitIds.filter((id) => !visible.some((u) => u.id === id));
            if (missing.length > 0) throw new NotFoundError("unit", missing.join(", "));
            const taken = unitIds.filter((id) => !claimed.some((c) => c.id === id));
            const reasons = await whyNotFree(tx, scope, taken, visible);
            const error = new ConflictError(reasons.map((r) => r.text).join("; "));
            // one unit refused: say which and why in the board's language; several: the message lists them
            const [only] = reasons;
            throw reasons.length === 1 && only ? error.coded(only.code, only.params) : error.coded("units_unavailable");
          }
          const assignmentIds: string[] = unitIds.map(() => randomUUID());
          await repository.createAssignments(
            tx,
            unitIds.map((unitId, i) => ({
              id: assignmentIds[i] as string,
              incidentId,
              unitId,
              dispatchedById: actor.userId,
              dispatchedAt: at,
            })),
          );
          const unchanged = await repository.updateIfUnchanged(tx, incidentId, incident.version, {
            ...(incident.status === "NEW" ? { status: "DISPATCHED" } : {}),
            dispatchedAt: incident.dispatchedAt ?? at,
          });
          if (!unchanged)
            throw new ConflictError(`incident ${incident.number} was changed by someone else meanwhile: try again`).coded(
              "changed_meanwhile",
              { number: incident.number },
            );
          await repository.recordEvent(tx, {
            incidentId,
            actorId: actor.userId,
            type: "dispatched",
            before: { status: incident.status },
            after: {
              status: incident.status === "NEW" ? "DISPATCHED" : incident.status,
              units: unitIds.map((id) => ({ id, callsign: claimed.find((u) => u.id === id)?.callsign ?? id })),
            },
            reason: reason ?? null,
          });
          const fresh = await repository.load(scope, incidentId, tx);
          if (!fresh) throw new NotFoundError("incident");
          const body: DispatchResult = {
            incident: toIncident(fresh),
            assignments: fresh.assignments.filter((a) => assignmentIds.includes(a.id)).map(toAssignment),
          };
          if (idempotencyKey) await repository.storeAnswer(tx, actor.userId, idempotencyKey, 200, body);
          return { body, units: claimed.map(({ id, status, version, homeStationId }) => ({ id, status, version, homeStationId })) };
        });
      } catch (error) {
        if (error instanceof Replay) return { statusCode: error.statusCode, body: error.body as DispatchResult, replayed: true };
        // the partial unique index caught what the conditional update let through: still a taken unit
        if (isUniqueViolation(error))
          throw new ConflictError("a unit was taken by another dispatch at the same moment").coded("units_unavailable");
        throw error;
      }
      events.incidentUpdated(result.body.incident);
      for (const a of result.body.assignments) events.assignmentUpdated(a, result.body.incident);
      for (const u of result.units) events.unitStatus(u, "AVAILABLE", now());
      return { statusCode: 200, body: result.body, replayed: false };
    },

    /**
     * A unit's progress on its assignment: reported by its device (which must be the unit's own), or
     * by onemap itself (arrival detected from positions).
     */
    async progress(assignmentId: string, to: ProgressStep, by: { unitId: string } | { system: string }) {
      const at = now();
      const outcome = await repository.transaction(async (tx) => {
        const a = await repository.assignmentWithUnitAndIncident(tx, assignmentId);
        // a device speaks only for its own unit: another unit's assignment does not exist for it
        if (!a || ("unitId" in by && a.unitId !== by.unitId)) throw new NotFoundError("assignment");
        const error = assignmentTransitionError(a.status, to);
        if (error) throw new ConflictError(error).coded("transition_refused", { number: a.incident.number, from: a.status, to });
        await repository.setAssignmentStatus(tx, a.id, to, STAMP_FOR[to], at);
        const unitStatus = UNIT_STATUS_FOR[to];
        let unit = a.unit;
        if (unitStatus && unitStatus !== a.unit.status) unit = await repository.setUnitStatus(tx, a.unitId, unitStatus);
        let incidentStatus = a.incident.status;
        if (to === "ON_SCENE" && a.incident.status === "DISPATCHED") {
          await repository.setIncidentStatus(tx, a.incidentId, "ON_SCENE", { onSceneAt: a.incident.onSceneAt ?? at });
          incidentStatus = "ON_SCENE";
        }
        await repository.recordEvent(tx, {
          incidentId: a.incidentId,
          actorId: null,
          type: `assignment_${to.toLowerCase()}`,
          before: { assignment: a.status, incident: a.incident.status },
          after: {
            assignment: to,
            incident: incidentStatus,
            unitId: a.unitId,
            callsign: a.unit.callsign,
            by: "unitId" in by ? "device" : by.system,
          },
        });
        const fresh = await repository.load(null, a.incidentId, tx);
        if (!fresh) throw new NotFoundError("incident");
        return { fresh, previousUnitStatus: a.unit.status, unit, assignment: fresh.assignments.find((x) => x.id === a.id) };
      });
      const incident = toIncident(outcome.fresh);
      if (outcome.assignment) events.assignmentUpdated(toAssignment(outcome.assignment), incident);
      events.incidentUpdated(incident);
      if (outcome.unit.status !== outcome.previousUnitStatus) events.unitStatus(outcome.unit, outcome.previousUnitStatus, now());
      return outcome.assignment ? toAssignment(outcome.assignment) : null;
    },
  };
}

export type DispatchService = ReturnType<typeof createDispatchService>;
