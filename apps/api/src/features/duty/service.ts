import type { DbClient } from "@onemap/db";
import { chinaDate, shiftAt } from "@onemap/domain";
import { type Duty, type DutyOfficer, type DutyRole, FIELD_MESSAGES, type Shift } from "@onemap/shared";
import type { Requester } from "../../actor";
import { BadRequestError } from "../../errors";
import type { BoardEvents } from "../../plugins/board-events";
import type { AuditService } from "../audit/service";
import { createDutyRepository } from "./repository";

const ROLE_ORDER: DutyRole[] = ["PRINCIPAL_LEADER", "SUPERVISING_LEADER", "DUTY_LEADER", "COMMANDER", "OPERATOR"];
const SHIFT_ORDER: Shift[] = ["NIGHT", "DAY", "EVENING"];

export function createDutyService({
  db,
  audit,
  events,
  now = () => new Date(),
}: {
  db: DbClient;
  audit?: AuditService;
  /** told after a day's roster is replaced: every board refetches what reads it */
  events?: Pick<BoardEvents, "dutyChanged">;
  now?: () => Date;
}) {
  const repo = createDutyRepository(db);
  return {
    /** Replaces one day's roster; every officer must exist, or nothing changes. */
    async setDuty(date: string, entries: { shift: Shift; role: DutyRole; officerId: string }[], by?: Requester): Promise<Duty> {
      const ids = [...new Set(entries.map((e) => e.officerId))];
      const found = new Set(await repo.listExistingOfficerIds(ids));
      const issues = entries.flatMap((e, i) =>
        found.has(e.officerId)
          ? []
          : [{ path: `body.entries.${i}.officerId`, message: FIELD_MESSAGES.no_such_officer, code: "field:no_such_officer" }],
      );
      if (issues.length > 0) throw new BadRequestError(issues.map((x) => `${x.path}: ${x.message}`).join("; "), issues);
      const day = new Date(`${date}T00:00:00Z`);
      await repo.transaction(async (tx) => {
        const before = await repo.listRosterEntries(day, tx);
        await repo.replaceRoster(
          day,
          entries.map((e, i) => ({
            id: `duty-${date}-${e.shift.toLowerCase()}-${e.role.toLowerCase()}-${i}`,
            shift: e.shift,
            role: e.role,
            officerId: e.officerId,
          })),
          tx,
        );
        if (audit && by) {
          await audit.record(
            { actor: by.actor, ip: by.ip, action: "duty.changed", targetType: "duty", targetId: date, before, after: entries },
            tx,
          );
        }
      });
      events?.dutyChanged({ date, shift: null, stationId: null });
      return this.getDuty(date);
    },

    /** Officers to put on the roster: name or badge number holds `q`. */
    async searchOfficers(q: string, limit: number): Promise<DutyOfficer[]> {
      return (await repo.searchOfficers(q, limit)).map(({ station, ...o }) => ({ ...o, stationName: station.name }));
    },

    /** The roster of one day (default: today in China Standard Time), every shift, leaders first. */
    async getDuty(date?: string): Promise<Duty> {
      const at = now();
      const day = date ?? chinaDate(at);
      const rows = await repo.listRosterWithOfficers(new Date(`${day}T00:00:00Z`));
      rows.sort(
        (a, b) =>
          SHIFT_ORDER.indexOf(a.shift) - SHIFT_ORDER.indexOf(b.shift) ||
          ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
          a.id.localeCompare(b.id),
      );
      return {
        date: day,
        currentShift: shiftAt(at),
        entries: rows.map((r) => ({ date: day, shift: r.shift, role: r.role, officer: r.officer })),
      };
    },
  };
}

export type DutyService = ReturnType<typeof createDutyService>;
