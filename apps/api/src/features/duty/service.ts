import type { DbClient } from "@onemap/db";
import { chinaDate, shiftAt } from "@onemap/domain";
import { type Duty, type DutyRole, FIELD_MESSAGES, type Shift } from "@onemap/shared";
import type { Requester } from "../../actor";
import { BadRequestError } from "../../errors";
import type { AuditService } from "../audit/service";

const ROLE_ORDER: DutyRole[] = ["PRINCIPAL_LEADER", "SUPERVISING_LEADER", "DUTY_LEADER", "COMMANDER", "OPERATOR"];
const SHIFT_ORDER: Shift[] = ["NIGHT", "DAY", "EVENING"];

export function createDutyService({ db, audit, now = () => new Date() }: { db: DbClient; audit?: AuditService; now?: () => Date }) {
  return {
    /** Replaces one day's roster; every officer must exist, or nothing changes. */
    async setDuty(date: string, entries: { shift: Shift; role: DutyRole; officerId: string }[], by?: Requester): Promise<Duty> {
      const ids = [...new Set(entries.map((e) => e.officerId))];
      const found = new Set((await db.officer.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((o) => o.id));
      const issues = entries.flatMap((e, i) =>
        found.has(e.officerId)
          ? []
          : [{ path: `body.entries.${i}.officerId`, message: FIELD_MESSAGES.no_such_officer, code: "field:no_such_officer" }],
      );
      if (issues.length > 0) throw new BadRequestError(issues.map((x) => `${x.path}: ${x.message}`).join("; "), issues);
      const day = new Date(`${date}T00:00:00Z`);
      await db.$transaction(async (tx) => {
        const before = await tx.dutyShift.findMany({ where: { date: day }, select: { shift: true, role: true, officerId: true } });
        await tx.dutyShift.deleteMany({ where: { date: day } });
        await tx.dutyShift.createMany({
          data: entries.map((e, i) => ({
            id: `duty-${date}-${e.shift.toLowerCase()}-${e.role.toLowerCase()}-${i}`,
            date: day,
            shift: e.shift,
            role: e.role,
            officerId: e.officerId,
          })),
          skipDuplicates: true,
        });
        if (audit && by) {
          await audit.record(
            { actor: by.actor, ip: by.ip, action: "duty.changed", targetType: "duty", targetId: date, before, after: entries },
            tx,
          );
        }
      });
      return this.getDuty(date);
    },

    /** The roster of one day (default: today in China Standard Time), every shift, leaders first. */
    async getDuty(date?: string): Promise<Duty> {
      const at = now();
      const day = date ?? chinaDate(at);
      const rows = await db.dutyShift.findMany({
        where: { date: new Date(`${day}T00:00:00Z`) },
        include: { officer: { select: { id: true, name: true, title: true, phone: true } } },
      });
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
