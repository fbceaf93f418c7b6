import type { Incident } from "@onemap/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";

const WEEK_MS = 7 * 86_400_000;

/** GET /api/incidents?from=… — the last 7 days, for the density layer (refreshed every 5 minutes) */
export const recentIncidentsQuery = queryOptions({
  queryKey: ["incidents", "recent"],
  queryFn: () => api<Incident[]>(`/api/incidents?from=${encodeURIComponent(new Date(Date.now() - WEEK_MS).toISOString())}&limit=500`),
  refetchInterval: 300_000,
});
export const useRecentIncidents = (enabled: boolean) => useQuery({ ...recentIncidentsQuery, enabled });
