// Arrival detected from positions: a unit en route that comes within ARRIVAL_RADIUS_M of its incident
// is on scene, as if its device had said so (a device saying so at the same moment wins the race).
import { distanceMeters } from "@onemap/domain";
import { ConflictError } from "../../errors";
import type { DispatchService } from "./dispatch";
import type { IncidentRepository } from "./repository";

/** an en-route unit this close to its incident is on scene */
const ARRIVAL_RADIUS_M = 50;

export function createArrivalCheck(deps: {
  repository: Pick<IncidentRepository, "enRouteAssignments">;
  dispatch: Pick<DispatchService, "progress">;
}) {
  return async (moved: readonly { id: string; status: string; lat: number; lon: number }[]): Promise<void> => {
    const enRoute = moved.filter((m) => m.status === "EN_ROUTE");
    if (enRoute.length === 0) return;
    for (const a of await deps.repository.enRouteAssignments(enRoute.map((m) => m.id))) {
      const at = enRoute.find((m) => m.id === a.unitId);
      if (at && distanceMeters(at, a.incident) <= ARRIVAL_RADIUS_M) {
        await deps.dispatch.progress(a.id, "ON_SCENE", { system: "arrival detected from position" }).catch((error: unknown) => {
          if (!(error instanceof ConflictError)) throw error;
        });
      }
    }
  };
}
