import type { CameraStatus, DbClient } from "@onemap/db";

export function createCameraRepository(db: DbClient) {
  return {
    findCamera: (cameraId: string, scope: string | null) =>
      db.camera.findFirst({ where: { id: cameraId, ...(scope ? { stationId: scope } : {}) } }),
    getCamera: (cameraId: string) => db.camera.findUniqueOrThrow({ where: { id: cameraId } }),
    /** true when this call changed it: from `from` only, so a racing report that got there first leaves it alone */
    async setCameraStatus(cameraId: string, from: CameraStatus, to: CameraStatus): Promise<boolean> {
      const result = await db.camera.updateMany({ where: { id: cameraId, status: from }, data: { status: to } });
      return result.count === 1;
    },
  };
}
