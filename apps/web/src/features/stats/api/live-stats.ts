import type { LiveStats } from "@onemap/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";

/** GET /api/stats/live — open incidents, units, today's call-to-dispatch median */
export const liveStatsQuery = queryOptions({
  queryKey: ["stats", "live"],
  queryFn: () => api<LiveStats>("/api/stats/live"),
  refetchInterval: 10_000,
});
export const useLiveStats = () => useQuery(liveStatsQuery);
