import type { LiveStats } from "@onemap/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";

export const liveStatsKeys = {
  all: ["stats"] as const,
  live: () => [...liveStatsKeys.all, "live"] as const,
};

/** GET /api/stats/live — open incidents, units, today's call-to-dispatch median */
const liveStatsQuery = queryOptions({
  queryKey: liveStatsKeys.live(),
  queryFn: () => api<LiveStats>("/api/stats/live"),
  refetchInterval: 10_000,
});
export const useLiveStats = () => useQuery(liveStatsQuery);
