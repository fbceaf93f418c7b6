import type { PutStationDutyBody, Shift, StationDuty } from "@onemap/shared";
import { type QueryClient, useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { dutyKeys } from "./duty-keys";

const stationDutyKey = (stationId: string, date: string, shift: Shift) => [...dutyKeys.stations, stationId, date, shift] as const;
const fetchStationDuty = (stationId: string, date: string, shift: Shift) =>
  api<StationDuty>(`/api/stations/${encodeURIComponent(stationId)}/duty?date=${date}&shift=${shift}`);

/** GET /api/stations/:id/duty — one shift's report with the station's officers and units in service */
export function useStationDuty(stationId: string | undefined, date: string, shift: Shift) {
  return useQuery({
    queryKey: stationDutyKey(stationId ?? "", date, shift),
    queryFn: () => fetchStationDuty(stationId ?? "", date, shift),
    enabled: Boolean(stationId),
  });
}

/** another shift's report (copying it), through the same cache */
export const fetchStationDutyOf = (client: QueryClient, stationId: string, date: string, shift: Shift) =>
  client.fetchQuery({ queryKey: stationDutyKey(stationId, date, shift), queryFn: () => fetchStationDuty(stationId, date, shift) });

/** PUT /api/stations/:id/duty — replaces the shift's report, all or nothing */
export async function putStationDuty(client: QueryClient, stationId: string, body: PutStationDutyBody) {
  const saved = await api<StationDuty>(`/api/stations/${encodeURIComponent(stationId)}/duty`, { method: "PUT", body });
  client.setQueryData(stationDutyKey(stationId, body.date, body.shift), saved);
  return saved;
}
