import type { Duty, DutyOfficer, DutyRole, Shift } from "@onemap/shared";
import { type QueryClient, useQueries, useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { dutyKeys } from "./duty-keys";

const dutyDayKey = (date: string) => [...dutyKeys.days, date] as const;
const fetchDay = (date: string) => api<Duty>(`/api/duty?date=${date}`);

/** GET /api/duty?date= for each day of a week */
export function useDutyWeek(dates: readonly string[]) {
  return useQueries({ queries: dates.map((date) => ({ queryKey: dutyDayKey(date), queryFn: () => fetchDay(date) })) });
}

/** the days of another week (copying last week), read through the same cache */
export const fetchDutyDays = (client: QueryClient, dates: readonly string[]) =>
  Promise.all(dates.map((date) => client.fetchQuery({ queryKey: dutyDayKey(date), queryFn: () => fetchDay(date) })));

/** PUT /api/duty — one day's roster, all or nothing; the day is read again after */
export async function putDutyDay(client: QueryClient, date: string, entries: { shift: Shift; role: DutyRole; officerId: string }[]) {
  const saved = await api<Duty>("/api/duty", { method: "PUT", body: { date, entries } });
  client.setQueryData(dutyDayKey(date), saved);
  return saved;
}

/** GET /api/duty/officers?q= — the picker's matches (nothing asked until something is typed) */
export function useOfficerSearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: ["admin", "duty-officers", term],
    queryFn: () => api<DutyOfficer[]>(`/api/duty/officers?q=${encodeURIComponent(term)}&limit=20`),
    enabled: term.length > 0,
    staleTime: 60_000,
  });
}
