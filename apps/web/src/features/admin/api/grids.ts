// The grids page's calls: every grid in service (the map draws them all), the police stations and a
// station's officers for the form, and the writes: POST / PATCH / DELETE /api/grids, the GeoJSON
// export and import. After each write the grids are read again.
import type {
  AdministeredGrid,
  CreateGridBody,
  GeoJsonPolygon,
  Grid,
  GridsGeoJson,
  GridsImportResult,
  MapSettings,
  Officer,
  PatchGridBody,
  RetiredResult,
} from "@onemap/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api/client";

const gridsKey = ["admin", "grids"] as const;

/** GET /api/grids — every grid in service */
export const useGrids = () => useQuery({ queryKey: gridsKey, queryFn: () => api<Grid[]>("/api/grids") });

/** GET /api/officers?station= — the officers in service of one station, for the owner picker */
export const useStationOfficers = (stationId: string | undefined) =>
  useQuery({
    queryKey: ["admin", "officers", stationId],
    queryFn: () => api<Officer[]>(`/api/officers?station=${encodeURIComponent(stationId ?? "")}&limit=1000&sort=badgeNo`),
    enabled: Boolean(stationId),
    staleTime: 60_000,
  });

/**
 * GET /api/settings/map — the board's tiles and coordinate system, under the board's own query key
 * (the settings feature's hook is not this feature's to import; both read the same cache entry)
 */
export const useGridMapSettings = () =>
  useQuery({ queryKey: ["settings", "map"], queryFn: () => api<MapSettings>("/api/settings/map"), staleTime: Number.POSITIVE_INFINITY });

/** GET /api/grids/geojson — the county's grids as one FeatureCollection */
export const fetchGridsGeoJson = () => api<GridsGeoJson>("/api/grids/geojson");

export type GridSave = { id: string | null; body: CreateGridBody | (PatchGridBody & { polygon?: GeoJsonPolygon }) };

export function useGridChanges() {
  const client = useQueryClient();
  // not awaited: the save is done when the server answers, the list follows
  const refresh = () => {
    void client.invalidateQueries({ queryKey: gridsKey });
  };
  return {
    save: useMutation({
      mutationFn: ({ id, body }: GridSave) =>
        id
          ? api<AdministeredGrid>(`/api/grids/${encodeURIComponent(id)}`, { method: "PATCH", body })
          : api<AdministeredGrid>("/api/grids", { method: "POST", body }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api<RetiredResult | null>(`/api/grids/${encodeURIComponent(id)}`, { method: "DELETE" }),
      onSuccess: refresh,
    }),
    importFile: useMutation({
      mutationFn: (collection: unknown) => api<GridsImportResult>("/api/grids/geojson", { method: "POST", body: collection }),
      onSuccess: refresh,
    }),
  };
}
