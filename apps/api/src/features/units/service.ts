// Unit status set by hand (on patrol, busy, off duty, out of service), with optimistic concurrency:
// the caller names the version it saw; a unit changed since then is a 409, not a silent overwrite.
import type { DbClient } from "@onemap/db";
import { COMMITTED_UNIT_STATUSES, type SetUnitStatusBody, type Unit } from "@onemap/shared";
import { type Actor, stationScope } from "../../actor";
import { ConflictError, NotFoundError } from "../../errors";
import type { BoardEvents } from "../../plugins/board-events";
import type { AuditService } from "../audit/service";
import { toUnit } from "../resources/mappers";
import { createUnitRepository } from "./repository";

export function createUnitService({ db, events, audit }: { db: DbClient; events: Pick<BoardEvents, "unitStatus">; audit: AuditService }) {
  const repo = createUnitRepository(db);
  return {
    async setStatus(actor: Actor, unitId: string, body: SetUnitStatusBody, ip: string | null = null): Promise<Unit> {
      const scope = stationScope(actor);
      const unit = await repo.findUnit(unitId, scope);
      if (!unit) throw new NotFoundError("unit");
      if (unit.retiredAt)
        throw new ConflictError(`unit ${unit.callsign} is retired: its status cannot change`).coded("retired", { name: unit.callsign });
      if ((COMMITTED_UNIT_STATUSES as readonly string[]).includes(unit.status)) {
        throw new ConflictError(
          `unit ${unit.callsign} is ${unit.status.toLowerCase().replace("_", " ")} on an incident: clear its assignment first`,
        ).coded("unit_unavailable", { callsign: unit.callsign, status: unit.status });
      }
      const changed = await repo.setUnitStatus(unitId, body.version, body.status);
      if (!changed)
        throw new ConflictError(
          `unit ${unit.callsign} was changed by someone else (now version ${unit.version}): reload and try again`,
        ).coded("changed_meanwhile", { number: unit.callsign });
      const updated = await repo.getUnit(unitId);
      await audit.record({
        actor,
        ip,
        action: "unit.status",
        targetType: "unit",
        targetId: unitId,
        before: { status: unit.status },
        after: { status: updated.status },
      });
      if (updated.status !== unit.status) {
        events.unitStatus(updated, unit.status, updated.updatedAt);
      }
      return toUnit(updated);
    },
  };
}

export type UnitService = ReturnType<typeof createUnitService>;
