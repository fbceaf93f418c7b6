// The pure rules of dispatch: incident lifecycle, ETA and ranking, graded response, posture, the
// "133" case routing and duplicate detection. No I/O: the API feeds them rows and clocks.
import type { AssignmentStatus, DutyRole, IncidentStatus, ReinforcementGroupKind, ResponseTier, UnitKind } from "@onemap/shared";
import { ASSIGNMENT_STATUSES, OPEN_INCIDENT_STATUSES, STALE_FIX_MS, tierRank } from "@onemap/shared/vocabulary";
import { distanceMeters, type LatLon } from "./geo";

// ---------------------------------------------------------------- lifecycle

const INCIDENT_TRANSITIONS: Record<IncidentStatus, readonly IncidentStatus[]> = {
  NEW: ["DISPATCHED", "TRANSFERRED", "CANCELLED"],
  DISPATCHED: ["ON_SCENE", "TRANSFERRED", "CANCELLED"],
  ON_SCENE: ["RESOLVED", "TRANSFERRED"],
  RESOLVED: ["CLOSED"],
  CLOSED: [],
  TRANSFERRED: [],
  CANCELLED: [],
};

/** null when allowed, else the reason it is not */
export function incidentTransitionError(from: IncidentStatus, to: IncidentStatus): string | null {
  if (from === to) return `the incident is already ${to}`;
  if (INCIDENT_TRANSITIONS[from].includes(to)) return null;
  const allowed = INCIDENT_TRANSITIONS[from];
  return `an incident that is ${from} cannot become ${to}${allowed.length ? ` (it can become ${allowed.join(", ")})` : " (it is finished)"}`;
}

/** the order an assignment moves in; CANCELLED ends it from any step */
const ASSIGNMENT_ORDER: readonly AssignmentStatus[] = ASSIGNMENT_STATUSES.filter((s) => s !== "CANCELLED");

/** Progress only moves forward (a step may be skipped: a unit may report on scene without en route). */
export function assignmentTransitionError(from: AssignmentStatus, to: AssignmentStatus): string | null {
  if (from === "CLEARED" || from === "CANCELLED") return `the assignment is already ${from.toLowerCase()}`;
  if (to === "CANCELLED" || to === "CLEARED") return null;
  const a = ASSIGNMENT_ORDER.indexOf(from);
  const b = ASSIGNMENT_ORDER.indexOf(to);
  if (b <= a)
    return `the assignment is ${from.toLowerCase().replace("_", " ")}: it cannot go back to ${to.toLowerCase().replace("_", " ")}`;
  return null;
}

// ---------------------------------------------------------------- ETA and ranking

/** Urban roads wind: the straight line times this is the distance driven. */
export const ROAD_FACTOR = 1.35;
/** Response speeds (km/h) and the time to get moving (s), by unit kind. */
export const RESPONSE_PROFILE: Record<UnitKind, { kmh: number; turnoutS: number }> = {
  CAR: { kmh: 40, turnoutS: 30 },
  MOTORCYCLE: { kmh: 35, turnoutS: 20 },
  SWAT: { kmh: 40, turnoutS: 60 },
  FOOT: { kmh: 5, turnoutS: 0 },
};
const STALE_PENALTY_S = 600;

export function estimateEtaSeconds(distanceM: number, kind: UnitKind): number {
  const { kmh, turnoutS } = RESPONSE_PROFILE[kind];
  return Math.round(turnoutS + (distanceM * ROAD_FACTOR) / (kmh / 3.6));
}

export interface Candidate {
  id: string;
  kind: UnitKind;
  lat: number;
  lon: number;
  lastFixAt: Date;
  gridId: string | null;
}

export interface Ranked<C extends Candidate> {
  unit: C;
  distanceM: number;
  etaS: number;
  inGrid: boolean;
  stale: boolean;
  lastFixAgeS: number;
}

/**
 * Orders candidates by estimated time of arrival. A stale fix counts as ten minutes later (its unit
 * could be anywhere); at equal ETA (same 15 s) a unit of the incident's own grid comes first.
 */
export function rankUnits<C extends Candidate>(
  incident: LatLon & { gridId: string | null },
  candidates: readonly C[],
  now: Date,
): Ranked<C>[] {
  // scores are computed once per unit, not in every comparison: thousands of candidates sort in well
  // under a millisecond
  const items = candidates.map((unit) => {
    const distanceM = Math.round(distanceMeters(incident, unit));
    const ageMs = Math.max(0, now.getTime() - unit.lastFixAt.getTime());
    const stale = ageMs > STALE_FIX_MS;
    const etaS = estimateEtaSeconds(distanceM, unit.kind);
    const score = etaS + (stale ? STALE_PENALTY_S : 0);
    const ranked: Ranked<C> = {
      unit,
      distanceM,
      etaS,
      inGrid: incident.gridId !== null && unit.gridId === incident.gridId,
      stale,
      lastFixAgeS: Math.round(ageMs / 1000),
    };
    return { ranked, score, bucket: Math.floor(score / 15) };
  });
  items.sort(
    (a, b) =>
      a.bucket - b.bucket ||
      (a.ranked.inGrid === b.ranked.inGrid ? 0 : a.ranked.inGrid ? -1 : 1) ||
      a.score - b.score ||
      a.ranked.distanceM - b.ranked.distanceM ||
      (a.ranked.unit.id < b.ranked.unit.id ? -1 : a.ranked.unit.id > b.ranked.unit.id ? 1 : 0),
  );
  return items.map((i) => i.ranked);
}

// ---------------------------------------------------------------- graded response (DESIGN §3)

/** who commands at a tier, looked up in today's roster */
export const COMMANDING_DUTY_ROLE: Record<ResponseTier, DutyRole> = {
  ROUTINE: "OPERATOR",
  LEVEL_III: "DUTY_LEADER",
  LEVEL_II: "SUPERVISING_LEADER",
  LEVEL_I: "PRINCIPAL_LEADER",
};

const GROUP_TIER: Record<ReinforcementGroupKind, ResponseTier> = {
  RAPID_REACTION: "LEVEL_III",
  SWAT_ASSAULT: "LEVEL_II",
  HQ_RESERVE: "LEVEL_I",
};

/** The reinforcement groups a tier brings in: each tier adds its group to those below it. */
export function activatedGroups(tier: ResponseTier): ReinforcementGroupKind[] {
  return (Object.keys(GROUP_TIER) as ReinforcementGroupKind[]).filter((g) => tierRank(tier) >= tierRank(GROUP_TIER[g]));
}

export interface TierChange {
  from: ResponseTier;
  to: ResponseTier;
  commandingRole: DutyRole;
  activated: ReinforcementGroupKind[];
  released: ReinforcementGroupKind[];
  jointCommandPost: boolean;
}

export function tierChange(from: ResponseTier, to: ResponseTier): TierChange {
  const before = new Set(activatedGroups(from));
  const after = activatedGroups(to);
  return {
    from,
    to,
    commandingRole: COMMANDING_DUTY_ROLE[to],
    activated: after.filter((g) => !before.has(g)),
    released: [...before].filter((g) => !after.includes(g)),
    jointCommandPost: to === "LEVEL_I",
  };
}

/** County posture → units that must be patrolling each urban grid. */
export const MINIMUM_UNITS_PER_URBAN_GRID: Record<ResponseTier, number> = { ROUTINE: 1, LEVEL_III: 2, LEVEL_II: 3, LEVEL_I: 4 };

// ---------------------------------------------------------------- "133" case routing

export interface CaseFacts {
  serial: boolean;
  gang: boolean;
  crossRegion: boolean;
  major: boolean;
  kind: "property" | "drug" | "economic" | "violent" | "other";
  caughtOnScene: boolean;
  handedOver: boolean;
  selfSurrender: boolean;
}

export interface CaseRoute {
  level: 1 | 2 | 3;
  to: "MAJOR_CASE_SQUAD" | "PROPERTY_CRIME_SQUAD" | "NARCOTICS_SQUAD" | "ECONOMIC_CRIME_SQUAD" | "LOCAL_STATION";
  /** the unit's name in the bureau */
  label: string;
}

/**
 * Level 1 — serial, gang, cross-region or major cases — go to the major-case squad; level 3 — a
 * suspect caught on scene, handed over, or surrendering — stays with the local station; the rest are
 * level 2, for the squad of their kind.
 */
export function routeCase(facts: CaseFacts): CaseRoute {
  if (facts.serial || facts.gang || facts.crossRegion || facts.major)
    return { level: 1, to: "MAJOR_CASE_SQUAD", label: "刑侦大队重案中队" };
  if (facts.caughtOnScene || facts.handedOver || facts.selfSurrender) return { level: 3, to: "LOCAL_STATION", label: "属地派出所" };
  if (facts.kind === "drug") return { level: 2, to: "NARCOTICS_SQUAD", label: "禁毒大队" };
  if (facts.kind === "economic") return { level: 2, to: "ECONOMIC_CRIME_SQUAD", label: "经侦大队" };
  return { level: 2, to: "PROPERTY_CRIME_SQUAD", label: "刑侦大队侦查中队" };
}

// ---------------------------------------------------------------- duplicates

export const DUPLICATE_RADIUS_M = 200;
export const DUPLICATE_WINDOW_MS = 10 * 60_000;

export function likelyDuplicates<I extends LatLon & { id: string; category: string; reportedAt: Date; status: IncidentStatus }>(
  incoming: LatLon & { category: string; reportedAt: Date },
  open: readonly I[],
): { incident: I; distanceM: number }[] {
  return open
    .filter((i) => OPEN_INCIDENT_STATUSES.includes(i.status) && i.category === incoming.category)
    .filter((i) => Math.abs(incoming.reportedAt.getTime() - i.reportedAt.getTime()) <= DUPLICATE_WINDOW_MS)
    .map((incident) => ({ incident, distanceM: Math.round(distanceMeters(incoming, incident)) }))
    .filter((d) => d.distanceM <= DUPLICATE_RADIUS_M)
    .sort((a, b) => a.distanceM - b.distanceM);
}
