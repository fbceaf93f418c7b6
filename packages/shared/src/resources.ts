// Read models of the county's resources: what the API returns and the board draws.
import { z } from "zod";
import { GeoJsonPolygon, Id, IsoDateTime, Latitude, Longitude, NearQuery, Version } from "./common";
import { CountyCameraRow, CountyGridRow, CountyOfficerRow, CountyReinforcementGroupRow, CountyStationRow, CountyUnitRow } from "./county";
import {
  CameraKind,
  CameraStatus,
  DutyRole,
  IncidentStatus,
  OfficerPost,
  Priority,
  ReinforcementGroupKind,
  ResponseTier,
  Shift,
  StationKind,
  UnitKind,
  UnitStatus,
} from "./enums";
import { FIELD_MESSAGES } from "./vocabulary";

export const Station = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  kind: StationKind,
  urban: z.boolean(),
  lat: Latitude,
  lon: Longitude,
  address: z.string().nullable(),
  phone: z.string().nullable(),
  /** when an administrator retired it (null: in service); retired ones appear only where history or `?retired=true` asks */
  retiredAt: IsoDateTime.nullable().optional(),
});
export type Station = z.infer<typeof Station>;

export const Grid = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  stationId: Id,
  owner: z.object({ id: Id, name: z.string(), phone: z.string().nullable() }).nullable(),
  polygon: GeoJsonPolygon,
  center: z.object({ lat: Latitude, lon: Longitude }),
  /** when an administrator retired it (null: in service); retired ones appear only where history or `?retired=true` asks */
  retiredAt: IsoDateTime.nullable().optional(),
});
export type Grid = z.infer<typeof Grid>;

export const Officer = z.object({
  id: Id,
  badgeNo: z.string(),
  name: z.string(),
  birthYear: z.number().int(),
  post: OfficerPost,
  auxiliary: z.boolean(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  stationId: Id,
  /** when an administrator retired it (null: in service); retired ones appear only where history or `?retired=true` asks */
  retiredAt: IsoDateTime.nullable().optional(),
});
export type Officer = z.infer<typeof Officer>;

/** an officer as the board names them: who leads, who commands */
export const OfficerRef = z.object({ id: Id, name: z.string(), title: z.string().nullable(), phone: z.string().nullable() });
export type OfficerRef = z.infer<typeof OfficerRef>;

export const LastFix = z.object({
  lat: Latitude,
  lon: Longitude,
  speed: z.number().nullable(),
  heading: z.number().nullable(),
  at: IsoDateTime,
});
export type LastFix = z.infer<typeof LastFix>;

export const Unit = z.object({
  id: Id,
  callsign: z.string(),
  kind: UnitKind,
  status: UnitStatus,
  homeStationId: Id,
  gridId: Id.nullable(),
  /** how many devices report its position (their identifiers are for administrators only: GET /api/units/:id/devices) */
  deviceCount: z.number().int().nonnegative(),
  leader: OfficerRef.nullable(),
  memberCount: z.number().int().nonnegative(),
  reinforcementGroup: ReinforcementGroupKind.nullable(),
  lastFix: LastFix.nullable(),
  version: z.number().int(),
  /** when an administrator retired it (null: in service); retired ones appear only where history or `?retired=true` asks */
  retiredAt: IsoDateTime.nullable().optional(),
});
export type Unit = z.infer<typeof Unit>;

export const Camera = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  kind: CameraKind,
  status: CameraStatus,
  lat: Latitude,
  lon: Longitude,
  streamUrl: z.string().nullable(),
  gridId: Id.nullable(),
  stationId: Id,
  /** when an administrator retired it (null: in service); retired ones appear only where history or `?retired=true` asks */
  retiredAt: IsoDateTime.nullable().optional(),
});
export type Camera = z.infer<typeof Camera>;

export const IncidentSummary = z.object({
  id: Id,
  number: z.string(),
  category: z.string(),
  priority: Priority,
  status: IncidentStatus,
  tier: ResponseTier,
  lat: Latitude,
  lon: Longitude,
  address: z.string().nullable(),
  gridId: Id.nullable(),
  stationId: Id,
  reportedAt: IsoDateTime,
});
export type IncidentSummary = z.infer<typeof IncidentSummary>;

export const Posture = z.object({
  level: ResponseTier,
  reason: z.string().nullable(),
  updatedAt: IsoDateTime,
});
export type Posture = z.infer<typeof Posture>;

export const DutyEntry = z.object({
  date: z.iso.date(),
  shift: Shift,
  role: DutyRole,
  officer: OfficerRef,
});
export type DutyEntry = z.infer<typeof DutyEntry>;

export const Duty = z.object({
  date: z.iso.date(),
  /** the shift in progress now (China Standard Time) */
  currentShift: Shift,
  entries: z.array(DutyEntry),
});
export type Duty = z.infer<typeof Duty>;

export const Board = z.object({
  /** police stations (a station chief: their own) */
  stations: z.array(Station),
  /** the bureau's HQ units (大队, 中心…) that units may belong to; empty for a station chief */
  departments: z.array(Station),
  grids: z.array(Grid),
  cameras: z.array(Camera),
  units: z.array(Unit),
  incidents: z.array(IncidentSummary),
  posture: Posture,
  duty: Duty,
  generatedAt: IsoDateTime,
});
export type Board = z.infer<typeof Board>;

// ---------------------------------------------------------------- list queries

const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1));

export const GridsQuery = z
  .object({
    station: Id.optional(),
    /** true: retired ones too (each says when it was retired) */
    retired: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional(),
  })
  .strict();
/** `q=`: part of the natural key or the name, any case */
export const Search = z.string().trim().min(1).max(64);
/** `sort=field` ascending, `sort=-field` descending; ties in the natural key's order */
export const sortBy = <F extends string>(fields: readonly F[]) =>
  z
    .string()
    .refine((v) => (fields as readonly string[]).includes(v.replace(/^-/, "")), `sort by one of ${fields.join(", ")} (- first: descending)`)
    .transform((v) => ({ field: v.replace(/^-/, "") as F, desc: v.startsWith("-") }));
/** without `limit`: every match (the board's own lists); the total is in the X-Total-Count header */
export const pageLimit = z.coerce.number().int().min(1).max(1000);
export const pageOffset = z.coerce.number().int().min(0).max(1_000_000).default(0);

export const STATION_SORTS = ["code", "name", "kind", "urban"] as const;
export const OFFICER_SORTS = ["badgeNo", "name", "station", "birthYear"] as const;
export const UNIT_SORTS = ["callsign", "kind", "status", "station"] as const;
export const CAMERA_SORTS = ["code", "name", "kind", "status", "station"] as const;

/** without `limit`: every station (the board's pickers); the total is in the X-Total-Count header */
export const StationsQuery = z
  .object({
    kind: StationKind.optional(),
    /** true: retired ones too (each says when it was retired) */
    retired: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional(),
    /** the station's code, name, address or phone */
    q: Search.optional(),
    /** without it: police stations first, then HQ units, each by code */
    sort: sortBy(STATION_SORTS).optional(),
    limit: pageLimit.optional(),
    offset: pageOffset,
  })
  .strict();
export type StationsQuery = z.output<typeof StationsQuery>;
export const OfficersQuery = z
  .object({
    station: Id.optional(),
    post: OfficerPost.optional(),
    auxiliary: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional(),
    /** the crew of this unit */
    unit: Id.optional(),
    limit: pageLimit.default(500),
    offset: pageOffset,
    /** the badge number (警号) or the name */
    q: Search.optional(),
    sort: sortBy(OFFICER_SORTS).optional(),
    /** true: retired ones too (each says when it was retired) */
    retired: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional(),
  })
  .strict();
export const UnitsQuery = z
  .object({
    kind: csv(UnitKind).optional(),
    status: csv(UnitStatus).optional(),
    grid: Id.optional(),
    station: Id.optional(),
    /** the units of a reinforcement group (增援力量), by the group's kind */
    group: ReinforcementGroupKind.optional(),
    near: NearQuery.optional(),
    /** true: retired ones too (each says when it was retired) */
    retired: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional(),
    /** the callsign or the leader's name */
    q: Search.optional(),
    /** ignored with `near` (nearest first) */
    sort: sortBy(UNIT_SORTS).optional(),
    limit: pageLimit.optional(),
    offset: pageOffset,
  })
  .strict();
export const CamerasQuery = z
  .object({
    kind: csv(CameraKind).optional(),
    status: csv(CameraStatus).optional(),
    grid: Id.optional(),
    station: Id.optional(),
    near: NearQuery.optional(),
    /** true: retired ones too (each says when it was retired) */
    retired: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional(),
    /** the camera's code or name */
    q: Search.optional(),
    /** ignored with `near` (nearest first) */
    sort: sortBy(CAMERA_SORTS).optional(),
    limit: pageLimit.optional(),
    offset: pageOffset,
  })
  .strict();
export type UnitsQuery = z.output<typeof UnitsQuery>;
export type CamerasQuery = z.output<typeof CamerasQuery>;
export type OfficersQuery = z.output<typeof OfficersQuery>;

export const Health = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.object({ ok: z.boolean(), latencyMs: z.number().nullable(), error: z.string().optional() }),
  /** the relay between API processes (Redis); configured false: a single process needs none */
  relay: z.object({ configured: z.boolean(), ok: z.boolean() }),
  embeddedDatabase: z.boolean(),
  version: z.string(),
  uptimeS: z.number(),
});
export type Health = z.infer<typeof Health>;

/** 坐标系: positions are stored in WGS-84; a board on a Chinese tile provider shows them in GCJ-02. */
export const CoordSystem = z.enum(["WGS84", "GCJ02"]);
export type CoordSystem = z.infer<typeof CoordSystem>;

/** How the board draws its base map: set per deployment (an intranet tile server in production). */
export const MapSettings = z.object({
  /** a Leaflet URL template; empty = no base map (the board works without tiles) */
  tileUrl: z.string(),
  attribution: z.string(),
  maxZoom: z.number().int(),
  /** the coordinate system of the tiles */
  coordSystem: CoordSystem,
});
export type MapSettings = z.infer<typeof MapSettings>;

/** PUT /api/cameras/:id/status — a feed found dead or back (by the video network's monitor or an operator) */
export const SetCameraStatusBody = z.object({ status: CameraStatus }).strict();
export type SetCameraStatusBody = z.infer<typeof SetCameraStatusBody>;

// ---------------------------------------------------------------- administration (issue 12)
// The field rules are the county workbook's (ADR 0009): one resource typed in by hand or imported in
// bulk is checked the same way. Relations are internal ids here (the admin screens pick from lists).

const oneChange = <T extends z.ZodRawShape>(shape: z.ZodObject<T>) =>
  shape.partial().refine((body) => Object.values(body).some((v) => v !== undefined), FIELD_MESSAGES.nothing_to_change);

export const CreateStationBody = CountyStationRow.strict();
export type CreateStationBody = z.infer<typeof CreateStationBody>;
export const PatchStationBody = oneChange(CountyStationRow.strict());
export type PatchStationBody = z.infer<typeof PatchStationBody>;

export const CreateOfficerBody = CountyOfficerRow.omit({ stationCode: true }).extend({ stationId: Id }).strict();
export type CreateOfficerBody = z.infer<typeof CreateOfficerBody>;
export const PatchOfficerBody = oneChange(CreateOfficerBody);
export type PatchOfficerBody = z.infer<typeof PatchOfficerBody>;

const UnitFields = z
  .object({
    callsign: CountyUnitRow.shape.callsign,
    kind: UnitKind,
    homeStationId: Id,
    gridId: Id.nullable(),
    leaderId: Id.nullable(),
    reinforcementGroup: ReinforcementGroupKind.nullable(),
    /** the crew (officers in service), replaced whole; the workbook's limit. Read back: GET /api/officers?unit= */
    crewIds: z
      .array(Id)
      .max(50)
      .refine((ids) => new Set(ids).size === ids.length, FIELD_MESSAGES.crew_named_twice),
  })
  .strict();
export const CreateUnitBody = UnitFields.partial({ gridId: true, leaderId: true, reinforcementGroup: true, crewIds: true });
export type CreateUnitBody = z.infer<typeof CreateUnitBody>;
/** `version`: the unit as the administrator saw it (GET /api/units/:id); changed meanwhile → 409 changed_meanwhile */
export const PatchUnitBody = UnitFields.partial()
  .extend({ version: Version })
  .refine(({ version: _, ...body }) => Object.values(body).some((v) => v !== undefined), FIELD_MESSAGES.nothing_to_change);
export type PatchUnitBody = z.infer<typeof PatchUnitBody>;

export const CreateCameraBody = CountyCameraRow.omit({ gridCode: true, stationCode: true })
  .partial({ streamUrl: true })
  /** gridId absent: the grid in service the camera stands in (none outside them all); null: no grid */
  .extend({ stationId: Id, gridId: Id.nullable().optional() })
  .strict();
export type CreateCameraBody = z.infer<typeof CreateCameraBody>;
export const PatchCameraBody = oneChange(
  CountyCameraRow.omit({ gridCode: true, stationCode: true }).extend({ stationId: Id, gridId: Id.nullable() }).strict(),
);
export type PatchCameraBody = z.infer<typeof PatchCameraBody>;

const GridFields = CountyGridRow.omit({ stationCode: true, ownerBadgeNo: true })
  .extend({ stationId: Id, ownerOfficerId: Id.nullable() })
  .strict();
/** a grid's centre is computed from its polygon (as the workbook does), never sent */
export const CreateGridBody = GridFields.partial({ ownerOfficerId: true });
export type CreateGridBody = z.infer<typeof CreateGridBody>;
export const PatchGridBody = oneChange(GridFields);
export type PatchGridBody = z.infer<typeof PatchGridBody>;

/** a grid in service whose polygon shares `areaM2` square metres with the one saved: a warning, not a refusal */
export const GridOverlapWarning = z.object({
  kind: z.literal("overlap"),
  gridId: Id,
  code: z.string(),
  /** the other grid's name */
  name: z.string(),
  areaM2: z.number().int().nonnegative(),
  /** the shared area, one polygon per piece */
  parts: z.array(GeoJsonPolygon),
});
export type GridOverlapWarning = z.infer<typeof GridOverlapWarning>;
/** a hole the county's grids enclose and none covers (slivers under 10 m² left out): a warning, not a refusal */
export const GridGapWarning = z.object({
  kind: z.literal("gap"),
  areaM2: z.number().int().nonnegative(),
  polygon: GeoJsonPolygon,
});
export type GridGapWarning = z.infer<typeof GridGapWarning>;
export const GridWarning = z.discriminatedUnion("kind", [GridOverlapWarning, GridGapWarning]);
export type GridWarning = z.infer<typeof GridWarning>;
/** POST / PATCH /api/grids answer the grid as saved and what the administrator should look at */
export const AdministeredGrid = Grid.extend({ warnings: z.array(GridWarning) });
export type AdministeredGrid = z.infer<typeof AdministeredGrid>;

/** DELETE's answer when history points to the resource: it is retired, not erased (erased: 204, no body) */
export const RetiredResult = z.object({ retired: z.literal(true), retiredAt: IsoDateTime });
export type RetiredResult = z.infer<typeof RetiredResult>;

/** 增援力量: a group of units that a tier activates (one per kind) */
export const ReinforcementGroup = z.object({
  id: Id,
  kind: ReinforcementGroupKind,
  name: z.string(),
  activatesAtTier: ResponseTier,
  /** its units in service */
  unitCount: z.number().int().nonnegative(),
});
export type ReinforcementGroup = z.infer<typeof ReinforcementGroup>;
export const CreateReinforcementGroupBody = CountyReinforcementGroupRow.strict();
export type CreateReinforcementGroupBody = z.infer<typeof CreateReinforcementGroupBody>;
export const PatchReinforcementGroupBody = oneChange(CountyReinforcementGroupRow.omit({ kind: true }).strict());
export type PatchReinforcementGroupBody = z.infer<typeof PatchReinforcementGroupBody>;
