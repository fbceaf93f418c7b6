import type { PostureDetail, ResponseTier } from "@onemap/shared";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../../api/client";

/** PUT /api/posture — duty leaders raise or lower the county posture, with a reason */
const putPosture = (body: { level: ResponseTier; reason: string }) => api<PostureDetail>("/api/posture", { method: "PUT", body });
export const usePutPosture = () => useMutation({ mutationFn: putPosture });
