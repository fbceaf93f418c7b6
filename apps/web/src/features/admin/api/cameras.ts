import type { Camera, CameraKind, CameraStatus, CreateCameraBody, MapSettings, PatchCameraBody, RetiredResult } from "@onemap/shared";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { listPage, query } from "./list-page";

export interface CamerasFilter {
  station?: string | undefined;
  kind?: CameraKind | undefined;
  status?: CameraStatus | undefined;
  q?: string | undefined;
  sort?: string | undefined;
}

/** GET /api/cameras — a page of the cameras in service, filtered and sorted by the server */
export function useCamerasPage(filter: CamerasFilter, page: number, pageSize: number) {
  const search = query({ ...filter, q: filter.q?.trim(), limit: pageSize, offset: (page - 1) * pageSize });
  return useQuery({
    queryKey: ["admin", "cameras", search],
    queryFn: () => listPage<Camera>(`/api/cameras?${search}`),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/settings/map — the base map the form's map draws (none: grids on a blank map) */
export function useMapSettings() {
  return useQuery({ queryKey: ["admin", "map-settings"], queryFn: () => api<MapSettings>("/api/settings/map"), staleTime: Infinity });
}

/** POST /api/cameras, PATCH /api/cameras/:id, PUT /api/cameras/:id/status, DELETE /api/cameras/:id (null: erased) */
export function useCameraChanges() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ["admin", "cameras"] });
  return {
    create: useMutation({
      mutationFn: (body: CreateCameraBody) => api<Camera>("/api/cameras", { method: "POST", body }),
      onSuccess: refresh,
    }),
    patch: useMutation({
      mutationFn: ({ id, body }: { id: string; body: PatchCameraBody }) =>
        api<Camera>(`/api/cameras/${encodeURIComponent(id)}`, { method: "PATCH", body }),
      onSuccess: refresh,
    }),
    status: useMutation({
      mutationFn: ({ id, status }: { id: string; status: CameraStatus }) =>
        api<Camera>(`/api/cameras/${encodeURIComponent(id)}/status`, { method: "PUT", body: { status } }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api<RetiredResult | null>(`/api/cameras/${encodeURIComponent(id)}`, { method: "DELETE" }),
      onSuccess: refresh,
    }),
  };
}
