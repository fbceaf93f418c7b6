// 单位 (stations and HQ units): a page of them from the server, and their changes. The list is read
// again after each change; the board's own station pickers (["admin","stations"]) too.
import type { CreateStationBody, MapSettings, PatchStationBody, Station } from "@onemap/shared";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { listPage as fetchPage, query as listQuery } from "./list-page";
import { remove } from "./paged";

export interface ListState {
  q: string;
  /** `field` or `-field` */
  sort: string | undefined;
  page: number;
  pageSize: number;
}

const stationsKey = ["admin", "station-list"] as const;

/** GET /api/stations?q&sort&limit&offset — one page and the count of every match */
export function useStationPage({ q, sort, page, pageSize }: ListState) {
  const search = listQuery({ q: q.trim(), sort, limit: pageSize, offset: (page - 1) * pageSize });
  return useQuery({
    queryKey: [...stationsKey, search],
    queryFn: () => fetchPage<Station>(`/api/stations?${search}`),
    placeholderData: keepPreviousData,
  });
}

/** POST / PATCH / DELETE /api/stations */
export function useStationChanges() {
  const client = useQueryClient();
  const refresh = () =>
    Promise.all([client.invalidateQueries({ queryKey: stationsKey }), client.invalidateQueries({ queryKey: ["admin", "stations"] })]);
  return {
    create: useMutation({
      mutationFn: (body: CreateStationBody) => api<Station>("/api/stations", { method: "POST", body }),
      onSuccess: refresh,
    }),
    patch: useMutation({
      mutationFn: ({ id, body }: { id: string; body: PatchStationBody }) =>
        api<Station>(`/api/stations/${encodeURIComponent(id)}`, { method: "PATCH", body }),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (id: string) => remove(`/api/stations/${encodeURIComponent(id)}`), onSuccess: refresh }),
  };
}

/** GET /api/settings/map — the tiles the location picker draws on (the board's own query key: one cache) */
export function usePickerMapSettings() {
  return useQuery({
    queryKey: ["settings", "map"],
    queryFn: () => api<MapSettings>("/api/settings/map"),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
