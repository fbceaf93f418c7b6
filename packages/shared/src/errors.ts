// The refusals' vocabulary: every 4xx names a stable `code` (the board says it in its own language;
// the English `message` beside it is for logs and API clients), and every field issue of a 400 names
// what was wrong the same way.
import { z } from "zod";

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
  near_format: "near must be lat,lon,radiusM (three numbers)",
  near_range: "near: latitude must be within ±90 and longitude within ±180",
  near_radius: "near: radiusM must be greater than 0 and at most 100000",
} as const;
export type FieldMessageKey = keyof typeof FIELD_MESSAGES;

const BY_TEXT = new Map<string, FieldMessageKey>(Object.entries(FIELD_MESSAGES).map(([k, v]) => [v, k as FieldMessageKey]));
/** the key of one of the shared schemas' own messages, or undefined for zod's built-in ones */
export const fieldMessageKey = (message: string): FieldMessageKey | undefined => BY_TEXT.get(message);

/**
 * One bad field of a 400. `code` is zod's issue code (`too_small`, `invalid_format`, …) or, for the
 * shared schemas' own messages, `field:<key>`; `params` carries the issue's facts (minimum, format…).
 */
export const ErrorIssue = z.object({
  path: z.string(),
  message: z.string(),
  code: z.string().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});
export type ErrorIssue = z.infer<typeof ErrorIssue>;

/** Every 4xx/5xx body. `issues` lists each bad field of a 400. */
export const ErrorBody = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  requestId: z.string().optional(),
  issues: z.array(ErrorIssue).optional(),
  /** a stable name for the refusal (e.g. `unit_taken`) and its facts, so a board can say it in its own language */
  code: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
