// Camera status: a feed reported dead or back — by the video network's health monitor or by an
// operator who sees a black picture. The change goes to the boards that may see the camera.
import type { DbClient } from "@onemap/db";
import type { Camera, SetCameraStatusBody } from "@onemap/shared";
import { type Actor, stationScope } from "../../actor";
import { NotFoundError } from "../../errors";
import type { BoardEvents } from "../../plugins/board-events";
import type { AuditService } from "../audit/service";
import { toCamera } from "../resources/mappers";
import { createCameraRepository } from "./repository";

export function createCameraService({
  db,
  events,
  audit,
}: {
  db: DbClient;
  events: Pick<BoardEvents, "cameraStatus">;
  audit: AuditService;
}) {
  const repo = createCameraRepository(db);
  return {
    async setStatus(actor: Actor, cameraId: string, body: SetCameraStatusBody, ip: string | null = null): Promise<Camera> {
      const scope = stationScope(actor);
      const camera = await repo.findCamera(cameraId, scope);
      if (!camera) throw new NotFoundError("camera");
      if (camera.status === body.status) return toCamera(camera);
      // only from the status it had: two reports racing change it once, and announce it once
      const changed = await repo.setCameraStatus(cameraId, camera.status, body.status);
      const updated = await repo.getCamera(cameraId);
      if (changed) {
        await audit.record({
          actor,
          ip,
          action: "camera.status",
          targetType: "camera",
          targetId: cameraId,
          before: { status: camera.status },
          after: { status: body.status },
        });
        events.cameraStatus({
          cameraId,
          status: updated.status,
          previous: camera.status,
          stationId: updated.stationId,
          at: updated.updatedAt.toISOString(),
        });
      }
      return toCamera(updated);
    },
  };
}
