import type { Incident } from "@onemap/shared";
import { OPEN_INCIDENT_STATUSES } from "@onemap/shared/vocabulary";
import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../api/client";

const openIncidentsKeys = { all: ["incidents", "open"] as const };

/** GET /api/incidents?status=NEW,DISPATCHED,ON_SCENE — the open incidents, with their assignments */
export const openIncidentsQuery = queryOptions({
  queryKey: openIncidentsKeys.all,
  queryFn: () => api<Incident[]>(`/api/incidents?status=${OPEN_INCIDENT_STATUSES.join(",")}&limit=500`),
  staleTime: Number.POSITIVE_INFINITY,
});
