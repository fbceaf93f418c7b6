// The board's colour for each status, priority, camera kind and tier: one place, read by the map's
// layers, its legend and the panels, so a unit is the same green on the canvas as on its card.
import type { CameraKind, Priority, ResponseTier, UnitStatus } from "@onemap/shared";

export const STATUS_COLOUR: Record<UnitStatus, string> = {
  AVAILABLE: "#16a34a",
  DISPATCHED: "#f59e0b",
  EN_ROUTE: "#f97316",
  ON_SCENE: "#dc2626",
  BUSY: "#7c3aed",
  OFF_DUTY: "#9ca3af",
  OUT_OF_SERVICE: "#111827",
};

export const PRIORITY_COLOUR: Record<Priority, string> = { P1: "#dc2626", P2: "#ea580c", P3: "#2563eb", P4: "#64748b" };

export const CAMERA_COLOUR: Record<CameraKind, string> = {
  SKYNET: "#7c3aed",
  SECURITY_CHECKPOINT: "#0891b2",
  TRAFFIC_CHECKPOINT: "#ca8a04",
  SOCIAL: "#64748b",
};
/** a camera whose feed is down, whatever its kind */
export const CAMERA_OFFLINE_COLOUR = "#9ca3af";

/** antd Tag colours for a response tier (the queue, the incident, the posture) */
export const TIER_COLOUR: Record<ResponseTier, string> = { ROUTINE: "default", LEVEL_III: "gold", LEVEL_II: "orange", LEVEL_I: "red" };
