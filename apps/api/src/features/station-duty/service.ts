import type { DbClient } from "@onemap/db";
import { checkStationDuty, chinaDate, shiftAt } from "@onemap/domain";
import { FIELD_MESSAGES, type PutStationDutyBody, type Shift, type StationDuty, type UnitDuty } from "@onemap/shared";
import { type Actor, type Requester, stationScope } from "../../actor";
import { isUniqueViolation } from "../../database";
import { BadRequestError, ConflictError, NotFoundError } from "../../errors";
import type { BoardEvents } from "../../plugins/board-events";
import type { AuditService } from "../audit/service";
import { createStationDutyRepository } from "./repository";

const dayOf = (date: string) => new Date(`${date}T00:00:00Z`);

export function createStationDutyService({
  db,
  audit,
  events,
  now = () => new Date(),
}: {
  db: DbClient;
  audit: AuditService;
  events?: Pick<BoardEvents, "dutyChanged">;
  now?: () => Date;
}) {
  const repo = createStationDutyRepository(db);

  /** a chief sees their own station only: another one is not found, as every other object of it is */
  async function stationFor(actor: Actor, stationId: string) {
    const scope = stationScope(actor);
    const station = scope !== null && scope !== stationId ? null : await repo.findStation(stationId);
    if (!station) throw new NotFoundError("station", stationId);
    return station;
  }

  return {
    /** the report of one shift (default: the one in progress, China time) with what the station has */
    async get(actor: Actor, stationId: string, date?: string, shift?: Shift): Promise<StationDuty> {
      const station = await stationFor(actor, stationId);
      const at = now();
      const day = date ?? chinaDate(at);
      const which = shift ?? shiftAt(at);
      const [forces, entries] = await Promise.all([repo.listStationForces(station.id), repo.listEntries(station.id, dayOf(day), which)]);
      return {
        stationId: station.id,
        stationName: station.name,
        date: day,
        shift: which,
        reported: entries.length > 0,
        entries,
        ...forces,
      };
    },

    /** who crews a unit on the shift in progress (a chief: a unit of their station, else not found) */
    async unitDuty(actor: Actor, unitId: string): Promise<UnitDuty> {
      const unit = await repo.findUnit(unitId);
      const scope = stationScope(actor);
      if (!unit || (scope !== null && unit.homeStationId !== scope)) throw new NotFoundError("unit", unitId);
      const at = now();
      const date = chinaDate(at);
      const shift = shiftAt(at);
      const { reported, crew } = await repo.unitCrew(unit.homeStationId, unit.id, dayOf(date), shift);
      return { unitId: unit.id, date, shift, reported, crew: crew.map((c) => ({ ...c.officer, leader: c.leader })) };
    },

    /** replaces the station's report of one shift: all of it, or nothing (400 naming the entries, 409 one person elsewhere) */
    async put(by: Requester, stationId: string, body: PutStationDutyBody): Promise<StationDuty> {
      const station = await stationFor(by.actor, stationId);
      const forces = await repo.listStationForces(station.id);
      const { issues } = checkStationDuty(body.entries, {
        officerIds: new Set(forces.officers.map((o) => o.id)),
        unitIds: new Set(forces.units.map((u) => u.id)),
      });
      if (issues.length > 0) {
        const list = issues.map((x) => ({
          path: `body.entries.${x.index}.${x.field}`,
          message: FIELD_MESSAGES[x.key],
          code: `field:${x.key}`,
        }));
        throw new BadRequestError(list.map((x) => `${x.path}: ${x.message}`).join("; "), list);
      }
      const day = dayOf(body.date);
      const rows = body.entries.map((e, i) => ({
        id: `sd-${station.id}-${body.date}-${body.shift.toLowerCase()}-${i}`,
        officerId: e.officerId,
        unitId: e.unitId ?? null,
        leader: e.leader ?? false,
      }));
      try {
        await repo.transaction(async (tx) => {
          const elsewhere = await repo.findElsewhere(
            station.id,
            day,
            body.shift,
            rows.map((r) => r.officerId),
            tx,
          );
          if (elsewhere) throw onDutyElsewhere(elsewhere.officer.name, elsewhere.station.name);
          const before = await repo.listEntries(station.id, day, body.shift, tx);
          await repo.replaceEntries(station.id, day, body.shift, rows, tx);
          await audit.record(
            {
              actor: by.actor,
              ip: by.ip,
              action: "station_duty.changed",
              targetType: "station",
              targetId: station.id,
              before: { date: body.date, shift: body.shift, entries: before },
              after: { date: body.date, shift: body.shift, entries: rows.map(({ id: _id, ...r }) => r) },
            },
            tx,
          );
        });
      } catch (error) {
        // another station reported the same person at the same moment: the unique index is the last word
        if (isUniqueViolation(error)) {
          const elsewhere = await repo.findElsewhere(
            station.id,
            day,
            body.shift,
            rows.map((r) => r.officerId),
          );
          throw elsewhere
            ? onDutyElsewhere(elsewhere.officer.name, elsewhere.station.name)
            : new ConflictError("changed meanwhile: try again");
        }
        throw error;
      }
      events?.dutyChanged({ date: body.date, shift: body.shift, stationId: station.id });
      return this.get(by.actor, station.id, body.date, body.shift);
    },
  };
}

const onDutyElsewhere = (name: string, station: string) =>
  new ConflictError(`${name} is already on this shift at ${station}`).coded("on_duty_elsewhere", { name, station });

export type StationDutyService = ReturnType<typeof createStationDutyService>;
