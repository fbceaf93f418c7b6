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
