// What devices and gateways send. (The OsmAnd / Traccar Client protocol is parsed in @onemap/domain.)
import { z } from "zod";
import { Id, IsoDateTime, Latitude, Longitude, Version } from "./common";
import { UnitKind, UnitStatus } from "./enums";
import { FIELD_MESSAGES } from "./vocabulary";

export const MAX_BATCH_FIXES = 1000;

/** One fix in a gateway batch. Speed in km/h, heading in degrees from north, battery in percent. */
export const DeviceFixInput = z
  .object({
    /** the device's identifier: required from a gateway; from a device's own token it may be left out */
    deviceId: z.string().trim().min(1).max(64).optional(),
    lat: Latitude,
    lon: Longitude,
    /** ISO-8601, or epoch milliseconds */
    fixAt: z.union([IsoDateTime, z.number().int().positive().max(8_640_000_000_000_000, FIELD_MESSAGES.beyond_time)]),
    speed: z.number().min(0).max(400).nullish(),
    heading: z.number().min(0).max(360).nullish(),
    altitude: z.number().min(-500).max(9000).nullish(),
    accuracy: z.number().min(0).max(100_000).nullish(),
    battery: z.number().min(0).max(100).nullish(),
  })
  .strict();
export type DeviceFixInput = z.infer<typeof DeviceFixInput>;

export const DevicePositionsBody = z
  .object({ positions: z.array(DeviceFixInput).min(1).max(MAX_BATCH_FIXES, `at most ${MAX_BATCH_FIXES} fixes per batch`) })
  .strict();
export type DevicePositionsBody = z.infer<typeof DevicePositionsBody>;

export const DevicePositionsResult = z.object({
  accepted: z.number().int(),
  /** exact repeats of fixes already stored (same unit, same instant): stored once */
  duplicates: z.number().int(),
});
export type DevicePositionsResult = z.infer<typeof DevicePositionsResult>;

export const TrackQuery = z
  .object({
    from: IsoDateTime,
    to: IsoDateTime,
    /** at most this many points; longer ranges are thinned evenly in time */
    maxPoints: z.coerce.number().int().min(10).max(10_000).default(2000),
  })
  .strict()
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), { path: ["to"], message: FIELD_MESSAGES.to_after_from })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 31 * 86_400_000, { path: ["to"], message: FIELD_MESSAGES.at_most_31_days });

export const TrackPoint = z.object({
  at: IsoDateTime,
  lat: Latitude,
  lon: Longitude,
  speed: z.number().nullable(),
  heading: z.number().nullable(),
});
export const Track = z.object({
  unitId: Id,
  from: IsoDateTime,
  to: IsoDateTime,
  /** fixes stored in the range */
  total: z.number().int(),
  /** true when `points` is a time-even thinning of `total` fixes */
  downsampled: z.boolean(),
  points: z.array(TrackPoint),
});
export type Track = z.infer<typeof Track>;

/** Statuses an operator may set by hand; the dispatch statuses follow assignments only. */
export const ManualUnitStatus = UnitStatus.extract(["AVAILABLE", "BUSY", "OFF_DUTY", "OUT_OF_SERVICE"]);
export const SetUnitStatusBody = z.object({ status: ManualUnitStatus, version: Version }).strict();
export type SetUnitStatusBody = z.infer<typeof SetUnitStatusBody>;

export const IngestStats = z.object({
  since: IsoDateTime,
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.record(z.string(), z.number().int()),
  unknownDevices: z.array(z.object({ deviceId: z.string(), attempts: z.number().int(), lastSeenAt: IsoDateTime })),
  pending: z.number().int(),
  overloaded: z.number().int(),
  /** the batched writes: how many, how large on average, how long each took on average */
  writes: z.object({ count: z.number().int(), meanFixes: z.number(), meanMs: z.number(), maxMs: z.number() }),
});
export type IngestStats = z.infer<typeof IngestStats>;

// ---------------------------------------------------------------- device identity

export const DeviceProtocol = z.enum(["osmand", "jt808", "terminal"]);
export type DeviceProtocol = z.infer<typeof DeviceProtocol>;

export const RegisterDeviceBody = z
  .object({
    protocol: DeviceProtocol,
    /** IMEI, the JT/T 808 terminal phone number, … (what the device sends as its id) */
    identifier: z
      .string()
      .trim()
      .min(3)
      .max(64)
      .regex(/^[A-Za-z0-9._:-]+$/, "letters, digits, '.', '_', ':' and '-' only"),
  })
  .strict();
export type RegisterDeviceBody = z.infer<typeof RegisterDeviceBody>;

/** A device as administrators see it (no other role ever sees an identifier). */
export const DeviceView = z.object({
  id: Id,
  unitId: Id,
  protocol: DeviceProtocol,
  identifier: z.string(),
  /** false: migrated from the old model, or never issued; it cannot report while DEVICE_AUTH=token */
  hasToken: z.boolean(),
  tokenAt: IsoDateTime.nullable(),
  lastSeenAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
});
export type DeviceView = z.infer<typeof DeviceView>;

/** The answer that carries a new token: shown this once, stored only as a hash. */
export const DeviceWithToken = DeviceView.extend({ token: z.string() });
export type DeviceWithToken = z.infer<typeof DeviceWithToken>;

/** The devices page: units (of a station, or whose callsign holds `q`), by callsign, a page at a time. */
export const UnitDevicesQuery = z
  .object({
    station: Id.optional(),
    q: z.string().trim().min(1).max(64).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(20),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export type UnitDevicesQuery = z.output<typeof UnitDevicesQuery>;

export const UnitDevices = z.object({
  id: Id,
  callsign: z.string(),
  kind: UnitKind,
  homeStationId: Id,
  stationName: z.string(),
  devices: z.array(DeviceView),
});
export type UnitDevices = z.infer<typeof UnitDevices>;
/** one page, and how many units match in all */
export const UnitDevicesPage = z.object({ total: z.number().int().nonnegative(), units: z.array(UnitDevices) });
export type UnitDevicesPage = z.infer<typeof UnitDevicesPage>;

export const CreateGatewayBody = z.object({ name: z.string().trim().min(1).max(100) }).strict();
export const GatewayWithToken = z.object({ id: Id, name: z.string(), token: z.string(), createdAt: IsoDateTime });
export type GatewayWithToken = z.infer<typeof GatewayWithToken>;

/** A device's progress on its assignment; a gateway names the device, a device's own token needs nothing. */
export const DeviceProgressBody = z.object({ deviceId: z.string().trim().min(1).max(64).optional() }).strict();
