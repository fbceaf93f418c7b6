import type { DeviceProtocol, DeviceWithToken, Station, UnitDevicesPage } from "@onemap/shared";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api/client";

export interface UnitDevicesFilter {
  station?: string;
  q?: string;
}

const unitDevicesKey = ["admin", "devices"] as const;

/** GET /api/devices/units — a page of units (by callsign) with their devices */
export function useUnitDevices(filter: UnitDevicesFilter, page: number, pageSize: number) {
  const q = new URLSearchParams();
  if (filter.station) q.set("station", filter.station);
  if (filter.q?.trim()) q.set("q", filter.q.trim());
  q.set("limit", String(pageSize));
  q.set("offset", String((page - 1) * pageSize));
  const search = q.toString();
  return useQuery({
    queryKey: [...unitDevicesKey, search],
    queryFn: () => api<UnitDevicesPage>(`/api/devices/units?${search}`),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/stations — for the station filter */
export function useStations() {
  return useQuery({ queryKey: ["admin", "stations"], queryFn: () => api<Station[]>("/api/stations"), staleTime: 5 * 60_000 });
}

/** POST /api/units/:id/devices, POST /api/devices/:id/token, DELETE /api/devices/:id: the list is read again after each */
export function useDeviceChanges() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: unitDevicesKey });
  return {
    register: useMutation({
      mutationFn: ({ unitId, protocol, identifier }: { unitId: string; protocol: DeviceProtocol; identifier: string }) =>
        api<DeviceWithToken>(`/api/units/${encodeURIComponent(unitId)}/devices`, { method: "POST", body: { protocol, identifier } }),
      onSuccess: refresh,
    }),
    rotate: useMutation({
      mutationFn: (deviceId: string) => api<DeviceWithToken>(`/api/devices/${encodeURIComponent(deviceId)}/token`, { method: "POST" }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (deviceId: string) => api<null>(`/api/devices/${encodeURIComponent(deviceId)}`, { method: "DELETE" }),
      onSuccess: refresh,
    }),
  };
}
