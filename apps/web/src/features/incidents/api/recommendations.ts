import type { Recommendations } from "@onemap/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";

export const recommendationsKeys = {
  all: ["recommendations"] as const,
  forIncident: (incidentId: string) => [...recommendationsKeys.all, incidentId] as const,
};

/** GET /api/incidents/:id/recommendations — ranked by ETA; refetched when units change status */
const recommendationsQuery = (id: string) =>
  queryOptions({
    queryKey: recommendationsKeys.forIncident(id),
    queryFn: () => api<Recommendations>(`/api/incidents/${encodeURIComponent(id)}/recommendations`),
    refetchInterval: 15_000,
  });
export const useRecommendations = (id: string | null, enabled = true) =>
  useQuery({ ...recommendationsQuery(id ?? ""), enabled: id !== null && enabled });
