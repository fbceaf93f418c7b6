import { z } from "zod";
import { Id, IsoDateTime } from "./common";
import { Role } from "./enums";
import { pageLimit, pageOffset, Search, sortBy } from "./resources";
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
  /** an administrator reset the password: nothing but POST /api/auth/password until a new one is chosen */
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const LogoutResponse = z.object({ ok: z.literal(true) });

/** POST /api/auth/password — the signed-in person chooses a new password (the same policy as a new account) */
export const ChangePasswordBody = z
  .object({
    currentPassword: z.string().min(1).max(256),
    /** also checked for strength on the server (password_too_short / password_too_guessable) */
    newPassword: z.string().min(12, "at least 12 characters").max(256),
  })
  .strict();
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

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
  /** a reset password not yet replaced by its owner */
  mustChangePassword: z.boolean(),
  /** set when DELETE kept the account because history names it: it cannot sign in again */
  retiredAt: z.iso.datetime({ offset: true }).nullable(),
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

/**
 * An administrator's changes to an account: disable (which also ends its sessions) or enable, rename,
 * another role or station (which end its sessions too). A station chief is bound to one station in
 * service; the other roles to none (`stationId: null`, or left out when the role changes).
 */
export const PatchUserBody = z
  .object({
    disabled: z.boolean().optional(),
    displayName: z.string().trim().min(1).max(100).optional(),
    role: Role.optional(),
    stationId: Id.nullable().optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: FIELD_MESSAGES.nothing_to_change })
  .refine((b) => b.role === undefined || b.role === "STATION_CHIEF" || !b.stationId, {
    path: ["stationId"],
    message: FIELD_MESSAGES.chief_only_station,
  })
  .refine((b) => b.role !== "STATION_CHIEF" || b.stationId !== null, {
    path: ["stationId"],
    message: FIELD_MESSAGES.chief_needs_station,
  });
export type PatchUserBody = z.infer<typeof PatchUserBody>;

export const UserActionResult = z.object({ ok: z.literal(true), count: z.number().int() });
export type UserActionResult = z.infer<typeof UserActionResult>;

export const USER_SORTS = ["username", "displayName", "role", "station", "lastLoginAt", "createdAt"] as const;
/** GET /api/users: q= username or display name; the total is in the X-Total-Count header */
export const UsersQuery = z
  .object({
    q: Search.optional(),
    role: Role.optional(),
    station: Id.optional(),
    sort: sortBy(USER_SORTS).optional(),
    limit: pageLimit.default(500),
    offset: pageOffset,
    /** true: retired accounts too (each says when it was retired) */
    retired: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional(),
  })
  .strict();
export type UsersQuery = z.output<typeof UsersQuery>;

/** POST /api/users/:id/reset-password: shown once, never stored in the clear nor audited */
export const ResetPasswordResult = z.object({
  temporaryPassword: z.string(),
  /** the account's sessions ended by the reset */
  sessionsEnded: z.number().int(),
});
export type ResetPasswordResult = z.infer<typeof ResetPasswordResult>;

// ---------------------------------------------------------------- audit

/**
 * Every action the audit records, with its group (what an administrator filters by) and its Chinese
 * label (the export's and the board's; the English labels are in the admin area's catalogue).
 */
export const AUDIT_ACTIONS = {
  "auth.login": { group: "signIn", label: "登录" },
  "auth.login_failed": { group: "signIn", label: "登录失败" },
  "auth.backoff": { group: "signIn", label: "登录受限（多次失败）" },
  "auth.logout": { group: "signIn", label: "退出登录" },
  "auth.password_changed": { group: "signIn", label: "修改密码" },
  "auth.password_change_failed": { group: "signIn", label: "修改密码失败（当前密码错误）" },
  "user.created": { group: "admin", label: "创建账号" },
  "user.changed": { group: "admin", label: "修改账号" },
  "user.disabled": { group: "admin", label: "停用账号" },
  "user.enabled": { group: "admin", label: "启用账号" },
  "user.unlocked": { group: "admin", label: "解除登录限制" },
  "user.sessions_revoked": { group: "admin", label: "强制下线" },
  "user.password_reset": { group: "admin", label: "重置密码" },
  "user.retired": { group: "admin", label: "注销账号（有历史记录，保留）" },
  "user.deleted": { group: "admin", label: "删除账号" },
  "county.import": { group: "admin", label: "导入县局基础数据" },
  "station.created": { group: "admin", label: "新增派出所/单位" },
  "station.changed": { group: "admin", label: "修改派出所/单位" },
  "station.retired": { group: "admin", label: "停用派出所/单位" },
  "station.deleted": { group: "admin", label: "删除派出所/单位" },
  "officer.created": { group: "admin", label: "新增警员" },
  "officer.changed": { group: "admin", label: "修改警员" },
  "officer.retired": { group: "admin", label: "停用警员" },
  "officer.deleted": { group: "admin", label: "删除警员" },
  "unit.created": { group: "admin", label: "新增作战单元" },
  "unit.changed": { group: "admin", label: "修改作战单元" },
  "unit.retired": { group: "admin", label: "停用作战单元" },
  "unit.deleted": { group: "admin", label: "删除作战单元" },
  "camera.created": { group: "admin", label: "新增视频点位" },
  "camera.changed": { group: "admin", label: "修改视频点位" },
  "camera.retired": { group: "admin", label: "停用视频点位" },
  "camera.deleted": { group: "admin", label: "删除视频点位" },
  "grid.created": { group: "admin", label: "新增网格" },
  "grid.changed": { group: "admin", label: "修改网格" },
  "grid.retired": { group: "admin", label: "停用网格" },
  "grid.deleted": { group: "admin", label: "删除网格" },
  "reinforcement.created": { group: "admin", label: "新增增援力量" },
  "reinforcement.changed": { group: "admin", label: "修改增援力量" },
  "reinforcement.deleted": { group: "admin", label: "删除增援力量" },
  "incident.tier_changed": { group: "tiers", label: "调整警情响应等级" },
  "posture.changed": { group: "posture", label: "调整县局态势" },
  "duty.changed": { group: "roster", label: "修改值班表" },
  "station_duty.changed": { group: "roster", label: "派出所勤务报备" },
  "unit.status": { group: "status", label: "修改警力状态" },
  "camera.status": { group: "status", label: "修改视频点位状态" },
  "device.registered": { group: "devices", label: "登记终端" },
  "device.token_rotated": { group: "devices", label: "更换终端密钥" },
  "device.removed": { group: "devices", label: "移除终端" },
  "gateway.created": { group: "devices", label: "创建接入网关" },
} as const satisfies Record<string, { group: AuditGroup; label: string }>;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_GROUPS = ["signIn", "admin", "tiers", "posture", "roster", "status", "devices"] as const;
export type AuditGroup = (typeof AUDIT_GROUPS)[number];
/** the groups' Chinese labels (the export's and the board's) */
export const AUDIT_GROUP_LABELS: Record<AuditGroup, string> = {
  signIn: "登录",
  admin: "系统管理",
  tiers: "响应等级",
  posture: "县局态势",
  roster: "值班表",
  status: "警力与视频状态",
  devices: "终端与网关",
};

/** the actions of a group, for a query by group */
export const auditActionsOf = (group: AuditGroup): AuditAction[] =>
  (Object.keys(AUDIT_ACTIONS) as AuditAction[]).filter((a) => AUDIT_ACTIONS[a].group === group);

/** the newest entries an export holds at most (README: the audit) */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;

export const AuditQuery = z
  .object({
    actor: z.string().trim().min(1).max(64).optional(),
    /** one action (an unknown one finds nothing) */
    action: z.string().trim().min(1).max(64).optional(),
    /** the actions of one group: sign-ins, administration, incident tiers, posture, roster, statuses, devices */
    group: z.enum(AUDIT_GROUPS).optional(),
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

/** the same filters as the list, without its paging: the export holds every match, up to AUDIT_EXPORT_MAX_ROWS */
export const AuditExportQuery = AuditQuery.omit({ before: true, limit: true });
export type AuditExportQuery = z.infer<typeof AuditExportQuery>;

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
