// The realtime contract: Socket.IO namespace `/board`, authenticated by the session cookie.
import { z } from "zod";
import { Id, IsoDateTime, Latitude, Longitude } from "./common";
import { CameraStatus, UnitStatus } from "./enums";
import type { AssignmentUpdatedEvent, Incident, PostureDetail, TierChangedEvent } from "./incidents";
import type { DutyChangedEvent } from "./station-duty";

/**
 * `units:positions`: the units that moved since the last tick, one compact row each:
 * [unitId, lat, lon, heading (deg, -1 unknown), speed (km/h, -1 unknown), fixAt (epoch ms), receivedAt (epoch ms)].
 */
export const PositionRow = z.tuple([Id, Latitude, Longitude, z.number(), z.number(), z.number().int(), z.number().int()]);
export type PositionRow = z.infer<typeof PositionRow>;
export const PositionsFrame = z.object({
  /** server time the frame was sent (epoch ms) */
  at: z.number().int(),
  units: z.array(PositionRow),
});
export type PositionsFrame = z.infer<typeof PositionsFrame>;

export const UnitStatusEvent = z.object({
  unitId: Id,
  status: UnitStatus,
  previous: UnitStatus,
  version: z.number().int(),
  at: IsoDateTime,
});
export type UnitStatusEvent = z.infer<typeof UnitStatusEvent>;

export const GeofenceEventPayload = z.object({
  unitId: Id,
  callsign: z.string(),
  gridId: Id,
  gridName: z.string(),
  transition: z.enum(["EXITED", "ENTERED"]),
  lat: Latitude,
  lon: Longitude,
  at: IsoDateTime,
});
export type GeofenceEventPayload = z.infer<typeof GeofenceEventPayload>;

/** `camera:status`: a camera went offline or came back */
export const CameraStatusEvent = z.object({
  cameraId: Id,
  status: CameraStatus,
  previous: CameraStatus,
  stationId: Id,
  at: IsoDateTime,
});
export type CameraStatusEvent = z.infer<typeof CameraStatusEvent>;

/** The county's resources changed in bulk (a workbook import): every board reloads its snapshot. */
export const CountyChangedEvent = z.object({ at: IsoDateTime });
export type CountyChangedEvent = z.infer<typeof CountyChangedEvent>;

/** Sent on every connection. `recovered: false` means missed events are gone: reload GET /api/board. */
export const BoardHello = z.object({
  recovered: z.boolean(),
  scope: z.object({ county: z.boolean(), stationId: Id.nullable() }),
  tickMs: z.number().int(),
  serverTime: z.number().int(),
  /** false: the relay between API processes (Redis) is down; this board hears only its own process */
  relay: z.boolean(),
});

/**
 * `relay:status`: the relay between API processes went down (this board now hears only its own
 * process's events) or came back (reload the snapshot: what other processes did meanwhile was missed).
 */
export const RelayStatus = z.object({ ok: z.boolean(), at: z.number().int() });
export type RelayStatus = z.infer<typeof RelayStatus>;
export type BoardHello = z.infer<typeof BoardHello>;

/** `board:subscribe` (client → server, with ack): add a station's room (county roles), or refused. */
export const SubscribeRequest = z.object({ stationId: Id });
export const SubscribeAck = z.union([z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), error: z.string() })]);
export type SubscribeAck = z.infer<typeof SubscribeAck>;

export interface BoardServerEvents {
  "board:hello": (hello: BoardHello) => void;
  "units:positions": (frame: PositionsFrame) => void;
  "unit:status": (event: UnitStatusEvent) => void;
  "unit:geofence": (event: GeofenceEventPayload) => void;
  "incident:created": (incident: Incident) => void;
  "incident:updated": (incident: Incident) => void;
  "assignment:updated": (assignment: z.infer<typeof AssignmentUpdatedEvent>) => void;
  "tier:changed": (event: TierChangedEvent) => void;
  "posture:changed": (posture: PostureDetail) => void;
  "camera:status": (event: CameraStatusEvent) => void;
  "county:changed": (event: CountyChangedEvent) => void;
  "duty:changed": (event: DutyChangedEvent) => void;
  "relay:status": (event: RelayStatus) => void;
}

export interface BoardClientEvents {
  "board:subscribe": (request: z.infer<typeof SubscribeRequest>, ack: (result: SubscribeAck) => void) => void;
}
