// A station's duty report (勤务报备) and what is wrong with it before it is saved: the same rules the
// server refuses with (officers and units of the station in service, one person once, one crew leader
// per unit who crews it) and what it only warns of (a crewed unit without a leader).
import type { FieldMessageKey, Shift } from "@onemap/shared";
import { addDays, ROSTER_SHIFTS } from "./duty-roster";

export interface StationDutyLine {
  officerId: string;
  unitId?: string | null;
  leader?: boolean;
}

/** an entry the server refuses: `index` in the list, `field` within it, and the shared field message's key */
export interface StationDutyIssue {
  index: number;
  field: "officerId" | "unitId" | "leader";
  key: Extract<FieldMessageKey, "not_of_station" | "unit_not_of_station" | "listed_twice" | "leader_without_unit" | "unit_two_leaders">;
}

/** what is allowed but worth a look: a unit crewed with nobody leading it */
export interface StationDutyWarning {
  kind: "unit_without_leader";
  unitId: string;
}

/**
 * The issues of a report, given the ids of the station's officers and units in service: each
 * entry is named once per field, the first of a repeated person or a unit's first leader is not.
 */
export function checkStationDuty(
  entries: readonly StationDutyLine[],
  station: { officerIds: ReadonlySet<string>; unitIds: ReadonlySet<string> },
): { issues: StationDutyIssue[]; warnings: StationDutyWarning[] } {
  const issues: StationDutyIssue[] = [];
  const seen = new Set<string>();
  const ledBy = new Map<string, number>();
  entries.forEach((e, index) => {
    if (seen.has(e.officerId)) issues.push({ index, field: "officerId", key: "listed_twice" });
    else if (!station.officerIds.has(e.officerId)) issues.push({ index, field: "officerId", key: "not_of_station" });
    seen.add(e.officerId);
    const unitId = e.unitId ?? null;
    if (unitId !== null && !station.unitIds.has(unitId)) issues.push({ index, field: "unitId", key: "unit_not_of_station" });
    if (e.leader) {
      if (unitId === null) issues.push({ index, field: "leader", key: "leader_without_unit" });
      else if (ledBy.has(unitId)) issues.push({ index, field: "leader", key: "unit_two_leaders" });
      else ledBy.set(unitId, index);
    }
  });
  const crewed = [...new Set(entries.flatMap((e) => (e.unitId ? [e.unitId] : [])))];
  const warnings = crewed.filter((u) => !ledBy.has(u)).map((unitId): StationDutyWarning => ({ kind: "unit_without_leader", unitId }));
  return { issues, warnings };
}

/** the shift before this one: the night's is the evening of the day before (三班两运转: 00-08, 08-16, 16-24) */
export function previousShift(date: string, shift: Shift): { date: string; shift: Shift } {
  const i = ROSTER_SHIFTS.indexOf(shift);
  return i === 0
    ? { date: addDays(date, -1), shift: ROSTER_SHIFTS[ROSTER_SHIFTS.length - 1] as Shift }
    : { date, shift: ROSTER_SHIFTS[i - 1] as Shift };
}
