import type { PostureDetail } from "@onemap/shared";
import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../api/client";

const postureKeys = { all: ["posture"] as const };

/** GET /api/posture — county level and each grid's patrol coverage against its minimum */
export const postureQuery = queryOptions({ queryKey: postureKeys.all, queryFn: () => api<PostureDetail>("/api/posture") });
