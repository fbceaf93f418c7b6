import type { Role } from "@onemap/shared";

/** Who is asking, resolved once per request from the session cookie and passed down to services. */
export interface Actor {
  userId: string;
  username: string;
  /** how the board names this person (申请人、领导 …), never the username */
  displayName: string;
  role: Role;
  /** a station chief's one station; null for county-wide roles */
  stationId: string | null;
  /** the sign-in this request belongs to (sockets of a session are closed at sign-out) */
  sessionId: string;
  /** an administrator reset the password: only choosing a new one is allowed (403 password_change_required) */
  mustChangePassword: boolean;
}

/** The station a query must be limited to, or null for the whole county. */
export function stationScope(actor: Actor): string | null {
  return actor.role === "STATION_CHIEF" ? actor.stationId : null;
}

/** An actor and the address the request came from: what the audit records of a change. */
export interface Requester {
  actor: Actor;
  ip: string;
}
