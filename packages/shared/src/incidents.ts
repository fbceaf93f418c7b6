// Incidents, dispatch and graded response: the contract of /api/incidents and friends.
import { z } from "zod";
import { CalendarDate, Id, IsoDateTime, Latitude, Longitude } from "./common";
import {
  AssignmentStatus,
  DutyRole,
  IncidentStatus,
  Priority,
  ReinforcementGroupKind,
  ResponseTier,
  Shift,
  UnitKind,
  UnitStatus,
} from "./enums";
import { OfficerRef } from "./resources";
import { FIELD_MESSAGES, INCIDENT_CATEGORIES, TRANSFER_DEPARTMENTS } from "./vocabulary";

export const TransferDepartment = z.enum(TRANSFER_DEPARTMENTS);
export type TransferDepartment = z.infer<typeof TransferDepartment>;
export const IncidentCategory = z.enum(
  Object.keys(INCIDENT_CATEGORIES) as [keyof typeof INCIDENT_CATEGORIES, ...(keyof typeof INCIDENT_CATEGORIES)[]],
);
export type IncidentCategory = z.infer<typeof IncidentCategory>;

const PhoneNumber = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{3,20}$/, FIELD_MESSAGES.phone);

export const CreateIncidentBody = z
  .object({
    category: IncidentCategory,
    /** defaults from the category */
    priority: Priority.optional(),
    lat: Latitude,
    lon: Longitude,
    address: z.string().trim().max(200).optional(),
    callerName: z.string().trim().max(50).optional(),
    callerPhone: PhoneNumber.optional(),
    description: z.string().trim().max(2000).optional(),
    /** when the call was taken (the board's form opened): the call-to-dispatch clock starts here.
     * Default now; not in the future, not more than an hour ago (checked by the server against its clock). */
    callStartedAt: IsoDateTime.optional(),
  })
  .strict();
export type CreateIncidentBody = z.infer<typeof CreateIncidentBody>;

export const IncidentsQuery = z
  .object({
    status: z
      .string()
      .transform((v) => v.split(",").map((s) => s.trim()))
      .pipe(z.array(IncidentStatus).min(1))
      .optional(),
    tier: ResponseTier.optional(),
    category: IncidentCategory.optional(),
    station: Id.optional(),
    from: IsoDateTime.optional(),
    to: IsoDateTime.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type IncidentsQuery = z.output<typeof IncidentsQuery>;

export const AssignmentView = z.object({
  id: Id,
  unitId: Id,
  callsign: z.string(),
  unitKind: UnitKind,
  status: AssignmentStatus,
  dispatchedAt: IsoDateTime,
  acknowledgedAt: IsoDateTime.nullable(),
  enRouteAt: IsoDateTime.nullable(),
  onSceneAt: IsoDateTime.nullable(),
  clearedAt: IsoDateTime.nullable(),
});
export type AssignmentView = z.infer<typeof AssignmentView>;

export const IncidentEventView = z.object({
  id: z.string(),
  type: z.string(),
  at: IsoDateTime,
  actor: z.object({ id: Id, username: z.string(), displayName: z.string() }).nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  reason: z.string().nullable(),
});

export const Incident = z.object({
  id: Id,
  number: z.string(),
  category: IncidentCategory,
  priority: Priority,
  status: IncidentStatus,
  tier: ResponseTier,
  lat: Latitude,
  lon: Longitude,
  address: z.string().nullable(),
  callerName: z.string().nullable(),
  callerPhone: z.string().nullable(),
  description: z.string().nullable(),
  gridId: Id.nullable(),
  stationId: Id,
  duplicateOfId: Id.nullable(),
  /** open incidents nearby of the same category reported shortly before: computed when the incident is
   * created (and in GET /api/incidents lists); later `incident:updated` events leave it empty */
  likelyDuplicateOf: z.array(z.object({ id: Id, number: z.string(), distanceM: z.number() })),
  escalationRequested: ResponseTier.nullable(),
  commandingOfficer: OfficerRef.nullable(),
  activatedGroups: z.array(ReinforcementGroupKind),
  transferDepartment: TransferDepartment.nullable(),
  caseLevel: z.number().int().nullable(),
  caseRoute: z.string().nullable(),
  reportedAt: IsoDateTime,
  /** when the call was taken (before the form was filled in): the call-to-dispatch clock starts here */
  callStartedAt: IsoDateTime,
  dispatchedAt: IsoDateTime.nullable(),
  onSceneAt: IsoDateTime.nullable(),
  resolvedAt: IsoDateTime.nullable(),
  closedAt: IsoDateTime.nullable(),
  /** derived: call → first dispatch, first dispatch → first arrival (seconds) */
  callToDispatchS: z.number().nullable(),
  dispatchToArrivalS: z.number().nullable(),
  version: z.number().int(),
  assignments: z.array(AssignmentView),
});
export type Incident = z.infer<typeof Incident>;

export const IncidentDetail = Incident.extend({ timeline: z.array(IncidentEventView) });
export type IncidentDetail = z.infer<typeof IncidentDetail>;

export const SetIncidentStatusBody = z
  .object({
    status: z.enum(["ON_SCENE", "RESOLVED", "CLOSED", "CANCELLED"]),
    reason: z.string().trim().min(1).max(500).optional(),
    /** when a resolved incident becomes a case: what the "133" routing decides on */
    case: z
      .object({
        serial: z.boolean().default(false),
        gang: z.boolean().default(false),
        crossRegion: z.boolean().default(false),
        major: z.boolean().default(false),
        kind: z.enum(["property", "drug", "economic", "violent", "other"]),
        caughtOnScene: z.boolean().default(false),
        handedOver: z.boolean().default(false),
        selfSurrender: z.boolean().default(false),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((b) => b.status !== "CANCELLED" || b.reason !== undefined, { path: ["reason"], message: FIELD_MESSAGES.cancel_needs_reason })
  .refine((b) => b.case === undefined || b.status === "RESOLVED", { path: ["case"], message: FIELD_MESSAGES.case_only_resolving });
export type SetIncidentStatusBody = z.infer<typeof SetIncidentStatusBody>;

export const NoteBody = z.object({ text: z.string().trim().min(1).max(2000) }).strict();
export const TransferBody = z.object({ department: TransferDepartment, reason: z.string().trim().min(1).max(500) }).strict();
export const TierBody = z
  .object({ tier: ResponseTier, reason: z.string().trim().min(2, FIELD_MESSAGES.reason_required).max(500) })
  .strict();
export const LinkBody = z.object({ duplicateOfId: Id }).strict();
export const DispatchBody = z
  .object({
    unitIds: z.array(Id).min(1).max(50),
    /** why police are sent to a call that is not police business (required then; recorded on the timeline) */
    reason: z.string().trim().min(2, FIELD_MESSAGES.reason_required).max(500).optional(),
  })
  .strict()
  .refine((b) => new Set(b.unitIds).size === b.unitIds.length, { path: ["unitIds"], message: FIELD_MESSAGES.unit_named_twice });
export type DispatchBody = z.infer<typeof DispatchBody>;

export const DispatchResult = z.object({ incident: Incident, assignments: z.array(AssignmentView) });
export type DispatchResult = z.infer<typeof DispatchResult>;

export const Recommendation = z.object({
  unitId: Id,
  callsign: z.string(),
  kind: UnitKind,
  status: UnitStatus,
  distanceM: z.number(),
  etaS: z.number(),
  inGrid: z.boolean(),
  stale: z.boolean(),
  lastFixAgeS: z.number(),
  leader: OfficerRef.nullable(),
  memberCount: z.number().int(),
  stationId: Id,
  stationName: z.string(),
  reinforcementGroup: ReinforcementGroupKind.nullable(),
});
export type Recommendation = z.infer<typeof Recommendation>;

export const Recommendations = z.object({
  incidentId: Id,
  tier: ResponseTier,
  recommendations: z.array(Recommendation),
  /** "where from, how many": available units per station within 3, 5 and 10 km */
  byStation: z.array(
    z.object({
      stationId: Id,
      stationName: z.string(),
      within3km: z.number().int(),
      within5km: z.number().int(),
      within10km: z.number().int(),
    }),
  ),
  /** "who leads": the leader on duty commanding at this tier, and the commander */
  commandingLeader: z.object({ role: DutyRole, officer: OfficerRef }).nullable(),
  commander: OfficerRef.nullable(),
  activatedGroups: z.array(ReinforcementGroupKind),
});
export type Recommendations = z.infer<typeof Recommendations>;

export const PutPostureBody = z.object({ level: ResponseTier, reason: z.string().trim().min(2).max(500) }).strict();
export const PostureDetail = z.object({
  level: ResponseTier,
  reason: z.string().nullable(),
  updatedAt: IsoDateTime,
  minimumUnitsPerUrbanGrid: z.number().int(),
  grids: z.array(
    z.object({
      gridId: Id,
      name: z.string(),
      stationId: Id,
      patrolling: z.number().int(),
      minimum: z.number().int(),
      underMinimum: z.boolean(),
    }),
  ),
});
export type PostureDetail = z.infer<typeof PostureDetail>;

export const PutDutyBody = z
  .object({
    date: CalendarDate,
    entries: z
      .array(z.object({ shift: Shift, role: DutyRole, officerId: Id }).strict())
      .min(1)
      .max(100),
  })
  .strict();

/** the roster's officer picker: officers whose name or badge number holds `q` */
export const DutyOfficersQuery = z
  .object({ q: z.string().trim().min(1).max(32), limit: z.coerce.number().int().min(1).max(50).default(20) })
  .strict();
export const DutyOfficer = z.object({
  id: Id,
  name: z.string(),
  badgeNo: z.string(),
  title: z.string().nullable(),
  stationName: z.string(),
});
export type DutyOfficer = z.infer<typeof DutyOfficer>;

export const LiveStats = z.object({
  openIncidents: z.object({
    total: z.number().int(),
    byStatus: z.record(z.string(), z.number().int()),
    byTier: z.record(z.string(), z.number().int()),
    byCategory: z.record(z.string(), z.number().int()),
  }),
  units: z.object({ available: z.number().int(), byStatus: z.record(z.string(), z.number().int()) }),
  today: z.object({
    date: z.iso.date(),
    incidents: z.number().int(),
    dispatched: z.number().int(),
    medianCallToDispatchS: z.number().nullable(),
    p90CallToDispatchS: z.number().nullable(),
  }),
});
export type LiveStats = z.infer<typeof LiveStats>;

export const TierChangedEvent = z.object({
  incidentId: Id,
  from: ResponseTier,
  to: ResponseTier,
  reason: z.string(),
  /** the display name of the leader who changed it */
  by: z.string(),
  commandingOfficer: OfficerRef.nullable(),
  activatedGroups: z.array(ReinforcementGroupKind),
  at: IsoDateTime,
});
export type TierChangedEvent = z.infer<typeof TierChangedEvent>;

export const AssignmentUpdatedEvent = AssignmentView.extend({ incidentId: Id });
