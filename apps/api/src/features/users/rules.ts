// What an account change must respect: a station chief's station, an administrator's own account, the
// last enabled administrator. Each refusal is a 400 naming the field or a 409 with a code.
import { randomInt } from "node:crypto";
import { FIELD_MESSAGES, type Role } from "@onemap/shared";
import type { Tx } from "../../database";
import { BadRequestError, ConflictError } from "../../errors";
import type { createUserRepository, UserRow } from "./repository";

type Repo = ReturnType<typeof createUserRepository>;

const stationRefusal = (key: "no_such_station" | "chief_needs_station" | "chief_only_station") =>
  new BadRequestError(`body.stationId: ${FIELD_MESSAGES[key]}`, [
    { path: "body.stationId", message: FIELD_MESSAGES[key], code: `field:${key}` },
  ]);

/**
 * The station the account is bound to after a change: a station chief's must be a police station in
 * service; every other role has none. `given`: the body's stationId (undefined: not given).
 */
export async function stationAfter(
  repo: Repo,
  role: Role,
  given: string | null | undefined,
  before: string | null,
): Promise<string | null> {
  if (role !== "STATION_CHIEF") {
    if (given) throw stationRefusal("chief_only_station");
    return null;
  }
  const stationId = given === undefined ? before : given;
  if (!stationId) throw stationRefusal("chief_needs_station");
  const station = await repo.findStation(stationId);
  if (station?.kind !== "POLICE_STATION" || station.retiredAt) throw stationRefusal("no_such_station");
  return stationId;
}

/** A retired account is history: it cannot be changed. */
export function assertNotRetired(user: UserRow): void {
  if (user.retiredAt)
    throw new ConflictError(`${user.username} is retired: it cannot be changed`).coded("retired", { name: user.username });
}

/**
 * Refuses to leave the county without an enabled administrator: `user` is losing the role, or being
 * disabled or removed. Run inside the change's transaction (the administrators' rows stay locked).
 */
export async function assertNotLastAdmin(repo: Repo, tx: Tx, user: UserRow): Promise<void> {
  if (user.role !== "ADMIN" || user.disabled || user.retiredAt) return;
  const admins = await repo.lockEnabledAdmins(tx);
  if (!admins.some((id) => id !== user.id)) {
    throw new ConflictError(`${user.username} is the last enabled administrator`).coded("last_admin", { username: user.username });
  }
}

// no 0/O, 1/l/I: read aloud or copied by hand from a screen without doubt
const READABLE = "abcdefghjkmnpqrstuvwxyz23456789";

/** A temporary password: four groups of four readable characters (~79 bits), e.g. `k7mq-x3vt-9hcw-ntr4`. */
export function temporaryPassword(): string {
  const group = () => Array.from({ length: 4 }, () => READABLE[randomInt(READABLE.length)]).join("");
  return [group(), group(), group(), group()].join("-");
}
