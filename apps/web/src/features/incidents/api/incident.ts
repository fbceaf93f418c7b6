import type { IncidentDetail } from "@onemap/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";

export const incidentKeys = {
  all: ["incident"] as const,
  detail: (id: string) => [...incidentKeys.all, id] as const,
};

/** GET /api/incidents/:id — one incident with its timeline */
const incidentQuery = (id: string) =>
  queryOptions({ queryKey: incidentKeys.detail(id), queryFn: () => api<IncidentDetail>(`/api/incidents/${encodeURIComponent(id)}`) });
export const useIncident = (id: string | null) => useQuery({ ...incidentQuery(id ?? ""), enabled: id !== null });
