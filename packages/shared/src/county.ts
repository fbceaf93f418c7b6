// The county workbook (ADR 0009): one row of each sheet as the import checks it, and what the import
// answers. Relations are written as the other row's natural key (a station's code, an officer's badge
// number, a unit's callsign), never as internal ids.
import { z } from "zod";
import { GeoJsonPolygon, Latitude, Longitude } from "./common";
import { RegisterDeviceBody } from "./devices";
import { CameraKind, OfficerPost, ReinforcementGroupKind, ResponseTier, StationKind, UnitKind } from "./enums";
import { ErrorBody } from "./errors";
import { FIELD_MESSAGES } from "./vocabulary";

// NUL or an unpaired surrogate: PostgreSQL text cannot hold them (the JSON routes refuse them in the input guard)
const UNSTORABLE = new RegExp(`${String.fromCharCode(0)}|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]`);
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((v) => !UNSTORABLE.test(v), "contains a NUL byte or an unpaired surrogate, which cannot be stored");
const Key = text(64);
const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{3,20}$/, FIELD_MESSAGES.phone);

/** a closed ring (first position = last) of at least four positions, every one in WGS-84's ranges */
const GridPolygon = GeoJsonPolygon.superRefine((polygon, ctx) => {
  polygon.coordinates.forEach((ring, i) => {
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (!first || !last || first[0] !== last[0] || first[1] !== last[1])
      ctx.addIssue({ code: "custom", message: "each ring must end where it starts (a closed ring)", path: ["coordinates", i] });
  });
  if (polygon.coordinates.reduce((n, ring) => n + ring.length, 0) > 10_000)
    ctx.addIssue({ code: "custom", message: "at most 10,000 positions" });
});

export const CountyStationRow = z.object({
  code: Key,
  name: text(100),
  kind: StationKind,
  urban: z.boolean(),
  lat: Latitude,
  lon: Longitude,
  address: text(200).nullable(),
  phone: Phone.nullable(),
});
export type CountyStationRow = z.infer<typeof CountyStationRow>;

export const CountyOfficerRow = z.object({
  badgeNo: Key,
  name: text(64),
  birthYear: z.number().int().min(1900).max(2100),
  post: OfficerPost,
  auxiliary: z.boolean(),
  title: text(64).nullable(),
  phone: Phone.nullable(),
  stationCode: Key,
});
export type CountyOfficerRow = z.infer<typeof CountyOfficerRow>;

export const CountyGridRow = z.object({
  code: Key,
  name: text(100),
  stationCode: Key,
  ownerBadgeNo: Key.nullable(),
  polygon: GridPolygon,
});
export type CountyGridRow = z.infer<typeof CountyGridRow>;

export const CountyReinforcementGroupRow = z.object({
  kind: ReinforcementGroupKind,
  name: text(100),
  activatesAtTier: ResponseTier,
});
export type CountyReinforcementGroupRow = z.infer<typeof CountyReinforcementGroupRow>;

export const CountyUnitRow = z.object({
  callsign: text(32),
  kind: UnitKind,
  stationCode: Key,
  gridCode: Key.nullable(),
  leaderBadgeNo: Key.nullable(),
  crew: z.array(Key).max(50),
  groupKind: ReinforcementGroupKind.nullable(),
});
export type CountyUnitRow = z.infer<typeof CountyUnitRow>;

export const CountyCameraRow = z.object({
  code: Key,
  name: text(100),
  kind: CameraKind,
  lat: Latitude,
  lon: Longitude,
  streamUrl: text(1000).nullable(),
  gridCode: Key.nullable(),
  stationCode: Key,
});
export type CountyCameraRow = z.infer<typeof CountyCameraRow>;

export const CountyDeviceRow = z.object({
  identifier: RegisterDeviceBody.shape.identifier,
  protocol: RegisterDeviceBody.shape.protocol,
  unitCallsign: text(32),
});
export type CountyDeviceRow = z.infer<typeof CountyDeviceRow>;

/**
 * One thing wrong in a workbook, where a person finds it: the sheet's name, the row number the
 * spreadsheet shows (the header is row 1) and the column's header text, all as written in the workbook.
 * `code` is zod's issue code, or one of the workbook's own: required, not_a_number, not_a_yes_no, not_json,
 * duplicate_key, unknown_reference, taken, missing_column, unknown_column, missing_header.
 */
export const WorkbookIssue = z.object({
  sheet: z.string(),
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
  code: z.string(),
});
export type WorkbookIssue = z.infer<typeof WorkbookIssue>;

/**
 * The import's 400. When `code` is `workbook_invalid`, `workbookIssues` lists every issue found (the
 * import stops at none of them); `workbook_unreadable` (not an xlsx file) and `invalid_input` (no file
 * attached) come without the list.
 */
export const WorkbookRefusal = ErrorBody.extend({ workbookIssues: z.array(WorkbookIssue).optional() });
export type WorkbookRefusal = z.infer<typeof WorkbookRefusal>;

const SheetCounts = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });
export type SheetCounts = z.infer<typeof SheetCounts>;

/** An import that went in: per sheet, the rows created, updated and found unchanged. Nothing is deleted. */
export const CountyImportResult = z.object({
  stations: SheetCounts,
  officers: SheetCounts,
  grids: SheetCounts,
  reinforcementGroups: SheetCounts,
  units: SheetCounts,
  cameras: SheetCounts,
  devices: SheetCounts,
});
export type CountyImportResult = z.infer<typeof CountyImportResult>;
