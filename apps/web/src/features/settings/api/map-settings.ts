import type { MapSettings } from "@onemap/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";

/** GET /api/settings/map — tile server and coordinate system of this deployment */
export const mapSettingsQuery = queryOptions({
  queryKey: ["settings", "map"],
  queryFn: () => api<MapSettings>("/api/settings/map"),
  staleTime: Number.POSITIVE_INFINITY,
});
export const useMapSettings = () => useQuery(mapSettingsQuery);
