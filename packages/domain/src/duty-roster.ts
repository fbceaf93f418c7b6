// The duty roster's week (值班表) and what is wrong with it before it is saved. The tier commanders are
// read from the roster: a shift without a duty leader has no one commanding at Level III, one without a
// commander no one running the centre — so both are warned of, as is the same officer twice in a shift.
import type { DutyRole, Shift } from "@onemap/shared";

/** in the order they run through a China day: 00-08, 08-16, 16-24 */
export const ROSTER_SHIFTS: readonly Shift[] = ["NIGHT", "DAY", "EVENING"];
/** leaders from the top tier down, then the centre */
export const ROSTER_ROLES: readonly DutyRole[] = ["PRINCIPAL_LEADER", "SUPERVISING_LEADER", "DUTY_LEADER", "COMMANDER", "OPERATOR"];

export interface RosterSlot {
  shift: Shift;
  role: DutyRole;
  officerId: string;
}
export interface RosterDay {
  /** a China date, YYYY-MM-DD */
  date: string;
  entries: readonly RosterSlot[];
}

export type RosterWarning =
  /** the same officer more than once in one shift (two roles, or one role twice) */
  | { kind: "twice_in_shift"; date: string; shift: Shift; officerId: string; roles: DutyRole[] }
  /** nobody commands at Level III in this shift */
  | { kind: "no_duty_leader"; date: string; shift: Shift }
  /** nobody would take Level II (the supervising leader) in this shift */
  | { kind: "no_supervising_leader"; date: string; shift: Shift }
  /** nobody would take Level I (the principal leader) in this shift */
  | { kind: "no_principal_leader"; date: string; shift: Shift }
  /** nobody runs the command centre in this shift */
  | { kind: "no_commander"; date: string; shift: Shift }
  /** nothing at all is rostered for the shift (said once, instead of both of the above) */
  | { kind: "shift_empty"; date: string; shift: Shift };

/** Every warning of the days given, day by day, shift by shift (in the order they run). */
export function checkRoster(days: readonly RosterDay[]): RosterWarning[] {
  const warnings: RosterWarning[] = [];
  for (const { date, entries } of days) {
    for (const shift of ROSTER_SHIFTS) {
      const inShift = entries.filter((e) => e.shift === shift);
      if (inShift.length === 0) {
        warnings.push({ kind: "shift_empty", date, shift });
        continue;
      }
      const rolesOf = new Map<string, DutyRole[]>();
      for (const e of inShift) rolesOf.set(e.officerId, [...(rolesOf.get(e.officerId) ?? []), e.role]);
      for (const [officerId, roles] of rolesOf)
        if (roles.length > 1) warnings.push({ kind: "twice_in_shift", date, shift, officerId, roles });
      if (!inShift.some((e) => e.role === "DUTY_LEADER")) warnings.push({ kind: "no_duty_leader", date, shift });
      if (!inShift.some((e) => e.role === "SUPERVISING_LEADER")) warnings.push({ kind: "no_supervising_leader", date, shift });
      if (!inShift.some((e) => e.role === "PRINCIPAL_LEADER")) warnings.push({ kind: "no_principal_leader", date, shift });
      if (!inShift.some((e) => e.role === "COMMANDER")) warnings.push({ kind: "no_commander", date, shift });
    }
  }
  return warnings;
}

const DAY_MS = 86_400_000;

/** the China date `n` days after `date` (before, when negative) */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** the seven China dates, Monday to Sunday, of the week that holds `date` */
export function weekOf(date: string): string[] {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  const monday = addDays(date, -((weekday + 6) % 7));
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/**
 * A week's roster filled from the week before: each day takes the same weekday's entries; a day whose
 * weekday last week had nobody keeps its own (a copy never empties a day).
 */
export function copyWeek(previous: readonly RosterDay[], current: readonly RosterDay[]): RosterDay[] {
  return current.map(({ date, entries }) => {
    const source = previous.find((d) => d.date === addDays(date, -7))?.entries ?? [];
    return { date, entries: (source.length > 0 ? source : entries).map(({ shift, role, officerId }) => ({ shift, role, officerId })) };
  });
}

/** true when two lists of a day's entries hold the same slots, whatever their order */
export function sameRosterDay(a: readonly RosterSlot[], b: readonly RosterSlot[]): boolean {
  const key = (e: RosterSlot) => `${e.shift}|${e.role}|${e.officerId}`;
  const count = (list: readonly RosterSlot[]) => {
    const m = new Map<string, number>();
    for (const e of list) m.set(key(e), (m.get(key(e)) ?? 0) + 1);
    return m;
  };
  const ca = count(a);
  const cb = count(b);
  return ca.size === cb.size && [...ca].every(([k, n]) => cb.get(k) === n);
}
