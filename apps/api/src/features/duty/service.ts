import type { DbClient } from "@onemap/db";
import { chinaDate, shiftAt } from "@onemap/domain";
import type { Duty, DutyRole, Shift } from "@onemap/shared";

const ROLE_ORDER: DutyRole[] = ["PRINCIPAL_LEADER", "SUPERVISING_LEADER", "DUTY_LEADER", "COMMANDER", "OPERATOR"];
const SHIFT_ORDER: Shift[] = ["NIGHT", "DAY", "EVENING"];

export function createDutyService({ db, now = () => new Date() }: { db: DbClient; now?: () => Date }) {
  return {
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
