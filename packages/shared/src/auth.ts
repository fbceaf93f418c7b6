import { z } from "zod";
import { Id, IsoDateTime } from "./common";
import { Role } from "./enums";
import { FIELD_MESSAGES } from "./vocabulary";

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const Me = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: Role,
  /** set for a station chief: the one station they may see */
  stationId: Id.nullable(),
  stationName: z.string().nullable(),
});
export type Me = z.infer<typeof Me>;

export const LogoutResponse = z.object({ ok: z.literal(true) });

export const UserAccount = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: Role,
  stationId: Id.nullable(),
  disabled: z.boolean(),
  /** the latest sign-in back-off of this name from any address (they are per address) */
  backedOffUntil: z.iso.datetime({ offset: true }).nullable(),
  /** signed-in browsers now */
  activeSessions: z.number().int(),
  lastLoginAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type UserAccount = z.infer<typeof UserAccount>;

export const CreateUserBody = z
  .object({
    username: z
      .string()
      .trim()
      .min(3)
      .max(64)
      .regex(/^[a-z0-9._-]+$/, "lower-case letters, digits, '.', '_' and '-' only"),
    displayName: z.string().trim().min(1).max(100),
    /** also checked for strength on the server (password_too_short / password_too_guessable) */
    password: z.string().min(12, "at least 12 characters").max(256),
    role: Role,
    stationId: Id.optional(),
  })
  .strict()
  .refine((b) => b.role === "STATION_CHIEF" || b.stationId === undefined, {
    path: ["stationId"],
    message: FIELD_MESSAGES.chief_only_station,
  })
  .refine((b) => b.role !== "STATION_CHIEF" || b.stationId !== undefined, {
    path: ["stationId"],
    message: FIELD_MESSAGES.chief_needs_station,
  });
export type CreateUserBody = z.infer<typeof CreateUserBody>;

/** An administrator's changes to an account: disable (which also ends its sessions) or enable. */
export const PatchUserBody = z
  .object({
    disabled: z.boolean().optional(),
    displayName: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: FIELD_MESSAGES.nothing_to_change });
export type PatchUserBody = z.infer<typeof PatchUserBody>;

export const UserActionResult = z.object({ ok: z.literal(true), count: z.number().int() });
export type UserActionResult = z.infer<typeof UserActionResult>;

// ---------------------------------------------------------------- audit

export const AuditQuery = z
  .object({
    actor: z.string().trim().min(1).max(64).optional(),
    action: z.string().trim().min(1).max(64).optional(),
    targetType: z.string().trim().min(1).max(64).optional(),
    target: z.string().trim().min(1).max(64).optional(),
    from: IsoDateTime.optional(),
    to: IsoDateTime.optional(),
    /** the id of the last entry of the previous page (newest first) */
    before: z
      .string()
      .regex(/^\d{1,18}$/, FIELD_MESSAGES.entry_id)
      .optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z.object({
  id: z.string(),
  at: z.iso.datetime({ offset: true }),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({
  entries: z.array(AuditEntry),
  /** pass as `before` for the next (older) page; null: this was the last */
  nextBefore: z.string().nullable(),
});
export type AuditPage = z.infer<typeof AuditPage>;
