// The geofence: a patrolling unit leaving its grid (or coming back) is recorded once, whichever API
// process sees it first, and told to the unit's station and to the station that owns the grid.
import type { BoardEvents } from "../../plugins/board-events";
import type { GridCache } from "./grids";
import type { MovedListener } from "./pipeline";
import type { PositionRepository } from "./repository";

export function createGeofence(deps: {
  grids: Pick<GridCache, "contains" | "get">;
  repository: Pick<PositionRepository, "recordGeofenceTransition">;
  events: Pick<BoardEvents, "unitGeofence">;
}): MovedListener {
  const { grids, repository, events } = deps;
  return async (moved) => {
    for (const m of moved) {
      if (!m.gridId || m.status !== "AVAILABLE") continue;
      const inside = grids.contains(m.gridId, m);
      if (inside === null) continue;
      const wasOutside = m.outsideGridSince !== null;
      if (inside !== wasOutside) continue;
      const transition = inside ? "ENTERED" : "EXITED";
      if (!(await repository.recordGeofenceTransition(m, transition))) continue;
      const grid = grids.get(m.gridId);
      events.unitGeofence(
        {
          unitId: m.id,
          callsign: m.callsign,
          gridId: m.gridId,
          gridName: grid?.name ?? m.gridId,
          transition,
          lat: m.lat,
          lon: m.lon,
          at: new Date(m.fix_at).toISOString(),
        },
        [m.homeStationId, ...(grid ? [grid.stationId] : [])],
      );
    }
  };
}
