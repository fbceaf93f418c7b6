import type { Board } from "@onemap/shared";
import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../api/client";

const boardKeys = { all: ["board"] as const };

/** GET /api/board — the snapshot a board starts from (and reloads when it missed events) */
export const boardQuery = queryOptions({
  queryKey: boardKeys.all,
  queryFn: () => api<Board>("/api/board"),
  staleTime: Number.POSITIVE_INFINITY,
});
