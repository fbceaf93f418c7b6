import { z } from "zod";
import { Id } from "./common";
import { Role } from "./enums";

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
  lockedUntil: z.iso.datetime({ offset: true }).nullable(),
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
    password: z.string().min(10, "at least 10 characters").max(256),
    role: Role,
    stationId: Id.optional(),
  })
  .strict()
  .refine((b) => b.role === "STATION_CHIEF" || b.stationId === undefined, {
    path: ["stationId"],
    message: "only a station chief is bound to a station",
  })
  .refine((b) => b.role !== "STATION_CHIEF" || b.stationId !== undefined, {
    path: ["stationId"],
    message: "a station chief needs a station",
  });
export type CreateUserBody = z.infer<typeof CreateUserBody>;
