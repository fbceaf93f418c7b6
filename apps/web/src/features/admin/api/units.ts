import type { CreateUnitBody, Grid, Officer, PatchUnitBody, RetiredResult, Unit, UnitKind } from "@onemap/shared";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { listPage, query } from "./list-page";

export interface UnitsFilter {
  station?: string | undefined;
  kind?: UnitKind | undefined;
  q?: string | undefined;
  sort?: string | undefined;
}

const unitsKey = ["admin", "units"] as const;

/** GET /api/units — a page of the units in service, filtered and sorted by the server */
export function useUnitsPage(filter: UnitsFilter, page: number, pageSize: number) {
  const search = query({ ...filter, q: filter.q?.trim(), limit: pageSize, offset: (page - 1) * pageSize });
  return useQuery({
    queryKey: [...unitsKey, search],
    queryFn: () => listPage<Unit>(`/api/units?${search}`),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/units/:id — the unit as it is now (after someone else changed it) */
export const fetchUnit = (id: string) => api<Unit>(`/api/units/${encodeURIComponent(id)}`);

/** GET /api/officers?station=&q= — a station's officers in service, searched on the server (the pickers) */
export function useStationOfficers(station: string | undefined, q: string) {
  const search = query({ station, q: q.trim(), limit: 20, sort: "name" });
  return useQuery({
    queryKey: ["admin", "officers", search],
    queryFn: () => listPage<Officer>(`/api/officers?${search}`),
    enabled: station !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** GET /api/officers?unit= — a unit's crew */
export function useCrew(unitId: string | undefined) {
  return useQuery({
    queryKey: ["admin", "crew", unitId],
    queryFn: () => listPage<Officer>(`/api/officers?${query({ unit: unitId })}`),
    enabled: unitId !== undefined,
  });
}

/** GET /api/grids — the county's grids in service (a station's, with `station`) */
export function useGrids(station?: string) {
  return useQuery({
    queryKey: ["admin", "grids", station ?? ""],
    queryFn: () => api<Grid[]>(`/api/grids?${query({ station })}`),
    staleTime: 60_000,
  });
}

/** POST /api/units, PATCH /api/units/:id (with the version read), DELETE /api/units/:id (null: erased) */
export function useUnitChanges() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ["admin"] });
  return {
    create: useMutation({
      mutationFn: (body: CreateUnitBody) => api<Unit>("/api/units", { method: "POST", body }),
      onSuccess: refresh,
    }),
    patch: useMutation({
      mutationFn: ({ id, body }: { id: string; body: PatchUnitBody }) =>
        api<Unit>(`/api/units/${encodeURIComponent(id)}`, { method: "PATCH", body }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api<RetiredResult | null>(`/api/units/${encodeURIComponent(id)}`, { method: "DELETE" }),
      onSuccess: refresh,
    }),
  };
}
