import type { MapSettings } from "@onemap/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";

const mapSettingsKeys = { all: ["settings", "map"] as const };

/** GET /api/settings/map — tile server and coordinate system of this deployment */
const mapSettingsQuery = queryOptions({
  queryKey: mapSettingsKeys.all,
  queryFn: () => api<MapSettings>("/api/settings/map"),
  staleTime: Number.POSITIVE_INFINITY,
});
export const useMapSettings = () => useQuery(mapSettingsQuery);
