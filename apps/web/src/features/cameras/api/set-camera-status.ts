import type { Camera, CameraStatus } from "@onemap/shared";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../../api/client";

/** PUT /api/cameras/:id/status — a dead feed marked offline, or back online */
const setCameraStatus = ({ cameraId, status }: { cameraId: string; status: CameraStatus }) =>
  api<Camera>(`/api/cameras/${encodeURIComponent(cameraId)}/status`, { method: "PUT", body: { status } });
export const useSetCameraStatus = () => useMutation({ mutationFn: setCameraStatus });
