// Enumerations of the domain. They mirror the enums of prisma/schema.prisma; a test in apps/api
// fails if the two ever disagree.
import { z } from "zod";
import { ASSIGNMENT_STATUSES, INCIDENT_STATUSES, PRIORITIES, RESPONSE_TIERS } from "./vocabulary";

export const StationKind = z.enum(["POLICE_STATION", "HQ_UNIT"]);
export type StationKind = z.infer<typeof StationKind>;

export const OfficerPost = z.enum(["HQ", "STATION", "DETENTION"]);
export type OfficerPost = z.infer<typeof OfficerPost>;

export const UnitKind = z.enum(["CAR", "MOTORCYCLE", "FOOT", "SWAT"]);
export type UnitKind = z.infer<typeof UnitKind>;

export const UnitStatus = z.enum(["AVAILABLE", "DISPATCHED", "EN_ROUTE", "ON_SCENE", "BUSY", "OFF_DUTY", "OUT_OF_SERVICE"]);
export type UnitStatus = z.infer<typeof UnitStatus>;

export const CameraKind = z.enum(["SKYNET", "SECURITY_CHECKPOINT", "TRAFFIC_CHECKPOINT", "SOCIAL"]);
export type CameraKind = z.infer<typeof CameraKind>;

export const CameraStatus = z.enum(["ONLINE", "OFFLINE"]);
export type CameraStatus = z.infer<typeof CameraStatus>;

export const IncidentStatus = z.enum(INCIDENT_STATUSES);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

export const Priority = z.enum(PRIORITIES);
export type Priority = z.infer<typeof Priority>;

/** 常态 → 三级 → 二级 → 一级 (highest). Order matters: it is the escalation order. */
export const ResponseTier = z.enum(RESPONSE_TIERS);
export type ResponseTier = z.infer<typeof ResponseTier>;

export const AssignmentStatus = z.enum(ASSIGNMENT_STATUSES);
export type AssignmentStatus = z.infer<typeof AssignmentStatus>;

export const Role = z.enum(["OPERATOR", "DUTY_LEADER", "STATION_CHIEF", "ADMIN"]);
export type Role = z.infer<typeof Role>;

export const DutyRole = z.enum(["COMMANDER", "DUTY_LEADER", "SUPERVISING_LEADER", "PRINCIPAL_LEADER", "OPERATOR"]);
export type DutyRole = z.infer<typeof DutyRole>;

/** 三班: 08-16, 16-24, 00-08 (China Standard Time). */
export const Shift = z.enum(["DAY", "EVENING", "NIGHT"]);
export type Shift = z.infer<typeof Shift>;

export const ReinforcementGroupKind = z.enum(["RAPID_REACTION", "SWAT_ASSAULT", "HQ_RESERVE"]);
export type ReinforcementGroupKind = z.infer<typeof ReinforcementGroupKind>;
