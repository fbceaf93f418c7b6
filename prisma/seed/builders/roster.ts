// The duty roster (值班表): ROSTER_DAYS days from today (China Standard Time) × three shifts, with a
// leader of every tier, a commander and three operators of the command centre in each.
import { chinaDate } from "@onemap/domain";
import type { DutyRole, Shift } from "@onemap/shared";
import type { Prisma } from "../../src/index";
import { HQ_UNITS } from "../county";
import type { Force, OfficerRow } from "./officers";
import { stationId } from "./stations";

/** How many days of duty roster the seed writes, from today (China Standard Time) on. */
const ROSTER_DAYS = 7;
const DAY_MS = 86_400_000;
/** in the order they run through a CST day (shiftAt): 00-08, 08-16, 16-24 */
const SHIFTS: readonly Shift[] = ["NIGHT", "DAY", "EVENING"];
const OPERATORS_PER_SHIFT = 3;

/** Who stands duty: the bureau's leaders rotate over the senior officers; the centre's staff run the desk. */
export interface DutyTeam {
  chief: OfficerRow | undefined;
  deputies: OfficerRow[];
  dutyLeaders: OfficerRow[];
  commanders: OfficerRow[];
  operators: OfficerRow[];
}

const present = (o: OfficerRow | undefined): o is OfficerRow => o !== undefined;

export function dutyTeam(force: Force): DutyTeam {
  const police = (code: string) => force.police(stationId(code));
  const centre = police("ZHZX");
  return {
    chief: police("JK")[0],
    deputies: [police("JK")[1], police("XZ")[0], police("ZA")[0]].filter(present),
    // the deputy head (or the head) of every HQ office but the leadership, the centre and the lock-ups
    dutyLeaders: HQ_UNITS.filter((h) => !h.detention && h.code !== "JK" && h.code !== "ZHZX")
      .map((h) => police(h.code)[1] ?? police(h.code)[0])
      .filter(present),
    commanders: centre.slice(0, 3),
    operators: centre.slice(3, 12),
  };
}

export function buildDutyRoster(team: DutyTeam, now: Date): Prisma.DutyShiftCreateManyInput[] {
  const rows: Prisma.DutyShiftCreateManyInput[] = [];
  const today = chinaDate(now);
  for (let d = 0; d < ROSTER_DAYS; d++) {
    const date = new Date(`${today}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + d);
    const day = date.toISOString().slice(0, 10);
    // rotation keyed to the calendar, not to the first seeded day, so every run agrees on a date's roster
    const dayNumber = Math.floor(date.getTime() / DAY_MS);
    SHIFTS.forEach((shift, si) => {
      const slot = dayNumber * SHIFTS.length + si;
      const entry = (role: DutyRole, officer: OfficerRow | undefined, k = 0) => {
        if (!officer) return;
        rows.push({ id: `duty-${day}-${shift.toLowerCase()}-${role.toLowerCase()}-${k}`, date, shift, role, officerId: officer.id });
      };
      entry("PRINCIPAL_LEADER", team.chief);
      entry("SUPERVISING_LEADER", team.deputies[dayNumber % team.deputies.length]);
      entry("DUTY_LEADER", team.dutyLeaders[slot % team.dutyLeaders.length]);
      entry("COMMANDER", team.commanders[slot % team.commanders.length]);
      for (let k = 0; k < OPERATORS_PER_SHIFT; k++)
        entry("OPERATOR", team.operators[(slot * OPERATORS_PER_SHIFT + k) % team.operators.length], k);
    });
  }
  return rows;
}
