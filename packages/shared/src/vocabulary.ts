// The vocabulary the board needs at once, without zod: categories, the hand-over departments, the
// tiers and priorities, the refusal codes, the realtime namespace. The zod schemas (enums.ts,
// incidents.ts …) are built from these lists; a browser that imports only this module does not load zod.

/** 常态 → 三级 → 二级 → 一级 (highest). Order matters: it is the escalation order. */
export const RESPONSE_TIERS = ["ROUTINE", "LEVEL_III", "LEVEL_II", "LEVEL_I"] as const;
type TierName = (typeof RESPONSE_TIERS)[number];
/** a tier's place in the escalation order (ROUTINE 0 … LEVEL_I 3) */
export const tierRank = (tier: TierName): number => RESPONSE_TIERS.indexOf(tier);
/** Level II and I: a response (or a county posture) at these tiers is announced across every board */
export const isMajorTier = (tier: TierName): boolean => tierRank(tier) >= tierRank("LEVEL_II");
export const PRIORITIES = ["P1", "P2", "P3", "P4"] as const;

/** an incident's lifecycle (NEW → DISPATCHED → ON_SCENE → RESOLVED → CLOSED, or TRANSFERRED / CANCELLED) */
export const INCIDENT_STATUSES = ["NEW", "DISPATCHED", "ON_SCENE", "RESOLVED", "CLOSED", "TRANSFERRED", "CANCELLED"] as const;
export type IncidentStatusName = (typeof INCIDENT_STATUSES)[number];
/** "open": still on the queue, still takes units, its tier can still change (the rest are finished) */
export const OPEN_INCIDENT_STATUSES: readonly IncidentStatusName[] = ["NEW", "DISPATCHED", "ON_SCENE"];
export const isOpenIncident = (incident: { status: string }): boolean =>
  (OPEN_INCIDENT_STATUSES as readonly string[]).includes(incident.status);

/** one unit's part in one incident, in the order it moves (a step may be skipped) */
export const ASSIGNMENT_STATUSES = ["DISPATCHED", "ACKNOWLEDGED", "EN_ROUTE", "ON_SCENE", "CLEARED", "CANCELLED"] as const;
export type AssignmentStatusName = (typeof ASSIGNMENT_STATUSES)[number];
/** "active": the unit is still working the incident (it is not free for another) */
export const ACTIVE_ASSIGNMENT_STATUSES: readonly AssignmentStatusName[] = ["DISPATCHED", "ACKNOWLEDGED", "EN_ROUTE", "ON_SCENE"];
export const isActiveAssignment = (assignment: { status: string }): boolean =>
  (ACTIVE_ASSIGNMENT_STATUSES as readonly string[]).includes(assignment.status);

/** the unit statuses of a unit that is working an incident (released to AVAILABLE when it ends) */
export const COMMITTED_UNIT_STATUSES = ["DISPATCHED", "EN_ROUTE", "ON_SCENE"] as const;

/**
 * A unit whose last fix is older than this is stale: drawn hollow on the map, ranked down and
 * marked in the recommendations. Five minutes is a few missed reports at any sane device interval.
 */
export const STALE_FIX_MS = 5 * 60_000;

/** P1/P2 calls alert the board (sound and flash) when they arrive live */
export const ALERT_PRIORITIES: readonly (typeof PRIORITIES)[number][] = ["P1", "P2"];
export const isAlertPriority = (priority: string): boolean => (ALERT_PRIORITIES as readonly string[]).includes(priority);

/** 非警务 hand-over targets */
export const TRANSFER_DEPARTMENTS = [
  "CIVIL_AFFAIRS",
  "HEALTH",
  "TELECOM",
  "ENVIRONMENT",
  "EMERGENCY_MANAGEMENT",
  "URBAN_MANAGEMENT",
  "UTILITIES",
  "MARKET_REGULATION",
  "OTHER",
] as const;
export type TransferDepartmentName = (typeof TRANSFER_DEPARTMENTS)[number];

/**
 * 警情类别: group, Chinese label, default priority. Calls of the `non_police` group are not police
 * business (非警务): the board leads with a hand-over, and `department` names where the category alone
 * decides it (a water main → the utilities), so the hand-over is one click.
 */
export const INCIDENT_CATEGORIES = {
  theft: { group: "criminal", label: "盗窃", priority: "P3" },
  burglary: { group: "criminal", label: "入室盗窃", priority: "P2" },
  robbery: { group: "criminal", label: "抢劫", priority: "P1" },
  snatching: { group: "criminal", label: "抢夺", priority: "P2" },
  fraud: { group: "criminal", label: "诈骗", priority: "P3" },
  assault: { group: "criminal", label: "伤害", priority: "P2" },
  homicide: { group: "criminal", label: "命案", priority: "P1" },
  kidnapping: { group: "criminal", label: "绑架", priority: "P1" },
  sexual_assault: { group: "criminal", label: "性侵", priority: "P1" },
  drugs: { group: "criminal", label: "涉毒", priority: "P2" },
  fight: { group: "public_order", label: "打架斗殴", priority: "P2" },
  disturbance: { group: "public_order", label: "扰乱秩序", priority: "P3" },
  noise: { group: "public_order", label: "噪音扰民", priority: "P4" },
  gambling: { group: "public_order", label: "赌博", priority: "P3" },
  mass_incident: { group: "public_order", label: "群体性事件", priority: "P1" },
  suspicious: { group: "public_order", label: "可疑人员物品", priority: "P3" },
  traffic_accident: { group: "traffic", label: "交通事故", priority: "P2" },
  traffic_injury: { group: "traffic", label: "交通事故(伤亡)", priority: "P1" },
  traffic_jam: { group: "traffic", label: "交通拥堵", priority: "P4" },
  drunk_driving: { group: "traffic", label: "酒驾醉驾", priority: "P2" },
  fire: { group: "fire_rescue", label: "火灾", priority: "P1" },
  rescue: { group: "fire_rescue", label: "抢险救援", priority: "P1" },
  drowning: { group: "fire_rescue", label: "溺水", priority: "P1" },
  missing_person: { group: "emergency", label: "人员走失", priority: "P2" },
  suicide_risk: { group: "emergency", label: "轻生", priority: "P1" },
  disaster: { group: "emergency", label: "自然灾害", priority: "P1" },
  explosion: { group: "emergency", label: "爆炸", priority: "P1" },
  civil_dispute: { group: "non_police", label: "民事纠纷", priority: "P4" },
  utility_fault: { group: "non_police", label: "水电气故障", priority: "P4", department: "UTILITIES" },
  animal: { group: "non_police", label: "动物求助", priority: "P4", department: "URBAN_MANAGEMENT" },
  medical: { group: "non_police", label: "急病求助", priority: "P2", department: "HEALTH" },
  consultation: { group: "non_police", label: "咨询求助", priority: "P4" },
} as const satisfies Record<
  string,
  { group: string; label: string; priority: (typeof PRIORITIES)[number]; department?: TransferDepartmentName }
>;

export type IncidentCategoryName = keyof typeof INCIDENT_CATEGORIES;

/** the board's Socket.IO namespace */
export const BOARD_NAMESPACE = "/board";

/** Every `code` a refusal can carry. The board has a translation for each (its i18n type requires it). */
export const ERROR_CODES = [
  // generic, by status
  "invalid_input",
  "bad_request",
  "unauthorized",
  "forbidden",
  "role_required",
  "not_found",
  "conflict",
  "payload_too_large",
  "unsupported_media_type",
  "too_many_requests",
  "unavailable",
  // sign-in and accounts
  "wrong_credentials",
  "login_backoff",
  "password_too_short",
  "password_too_guessable",
  "username_taken",
  "cannot_disable_self",
  "cannot_demote_self",
  "cannot_delete_self",
  "last_admin",
  "password_change_required",
  "wrong_current_password",
  "password_unchanged",
  // input
  "unstorable_text",
  // devices
  "device_unauthorized",
  "device_rate_limited",
  "device_identifier_taken",
  "device_not_own",
  // incidents and dispatch
  "changed_meanwhile",
  "incident_not_open",
  "transition_refused",
  "tier_unchanged",
  "tier_not_higher",
  "duplicate_of_itself",
  "no_station_for_location",
  "outside_station_area",
  "idempotency_key_reused",
  "dispatch_reason_required",
  "unit_taken",
  "unit_busy_elsewhere",
  "unit_unavailable",
  "units_unavailable",
  "unit_retired",
  // administration of the county's resources
  "callsign_taken",
  "badge_no_taken",
  "code_taken",
  "station_in_use",
  "unit_on_incident",
  "officer_in_use",
  "retired",
  "group_kind_taken",
  "group_in_use",
  "grid_in_use",
  "grid_owner_taken",
  // a station's duty report
  "on_duty_elsewhere",
  // the county workbook
  "workbook_invalid",
  "workbook_unreadable",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The shared schemas' own field messages, by key. The English text is what an API client reads; a
 * board finds the key from an issue's `code` (server) or its message (a local parse) and translates it.
 */
export const FIELD_MESSAGES = {
  phone: "a phone number: digits, +, -, spaces",
  year_range: "must be a time between the years 1900 and 2999",
  chief_only_station: "only a station chief is bound to a station",
  chief_needs_station: "a station chief needs a station",
  nothing_to_change: "nothing to change",
  entry_id: "an entry id",
  beyond_time: "beyond any representable time",
  to_after_from: "to must be after from",
  at_most_31_days: "at most 31 days at a time",
  cancel_needs_reason: "a cancellation needs a reason",
  case_only_resolving: "a case is opened only when resolving",
  reason_required: "give the reason",
  unit_named_twice: "a unit is named twice",
  call_in_future: "the call cannot start in the future",
  call_too_old: "the call started more than an hour ago",
  required: "required",
  no_such_station: "no such police station",
  no_such_officer: "no such officer",
  no_such_grid: "no such grid",
  not_of_station: "not an officer in service of that station",
  self_intersecting: "the boundary crosses itself",
  near_format: "near must be lat,lon,radiusM (three numbers)",
  near_range: "near: latitude must be within ±90 and longitude within ±180",
  near_radius: "near: radiusM must be greater than 0 and at most 100000",
  passwords_differ: "the two new passwords differ",
  crew_named_twice: "an officer is named twice in the crew",
  code_twice: "this code is in the file twice",
  unit_not_of_station: "not a unit in service of that station",
  listed_twice: "this person is listed twice",
  leader_without_unit: "a crew leader must crew a unit",
  unit_two_leaders: "a unit has one crew leader",
} as const;
export type FieldMessageKey = keyof typeof FIELD_MESSAGES;

const BY_TEXT = new Map<string, FieldMessageKey>(Object.entries(FIELD_MESSAGES).map(([k, v]) => [v, k as FieldMessageKey]));
/** the key of one of the shared schemas' own messages, or undefined for zod's built-in ones */
export const fieldMessageKey = (message: string): FieldMessageKey | undefined => BY_TEXT.get(message);
