// Playback: a unit's position history, for those who may see the unit.
import type { Track } from "@onemap/shared";
import type { Actor } from "../../actor";
import type { PositionRepository } from "./repository";

export function createTrackService(deps: {
  repository: Pick<PositionRepository, "track">;
  /** the scope check: a chief asking for another station's unit gets the same 404 as for no unit */
  assertUnitVisible: (actor: Actor, unitId: string) => Promise<unknown>;
}) {
  return {
    async track(actor: Actor, unitId: string, q: { from: string; to: string; maxPoints: number }): Promise<Track> {
      await deps.assertUnitVisible(actor, unitId);
      return deps.repository.track(unitId, new Date(q.from), new Date(q.to), q.maxPoints);
    },
  };
}

export type TrackService = ReturnType<typeof createTrackService>;
