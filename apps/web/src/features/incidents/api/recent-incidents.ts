import type { Incident } from "@onemap/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";

const WEEK_MS = 7 * 86_400_000;
const PAGE = 500;
const MAX_PAGES = 40;

/**
 * GET /api/incidents?from=…&to=… — every incident of the last 7 days for the density layer, newest
 * first, a page of 500 at a time (each page ends where the last one stopped); refreshed every 5 minutes.
 */
async function lastWeek(): Promise<Incident[]> {
  const from = new Date(Date.now() - WEEK_MS).toISOString();
  const all: Incident[] = [];
  let to: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const batch: Incident[] = await api<Incident[]>(
      `/api/incidents?from=${encodeURIComponent(from)}${to ? `&to=${encodeURIComponent(to)}` : ""}&limit=${PAGE}`,
    );
    const seen = new Set(all.map((i) => i.id));
    all.push(...batch.filter((i) => !seen.has(i.id)));
    if (batch.length < PAGE) break;
    // `to` is exclusive: incidents reported in the same millisecond as the oldest are fetched again and
    // skipped, never lost
    const oldest: string | null = batch.at(-1)?.reportedAt ?? null;
    to = oldest ? new Date(Date.parse(oldest) + 1).toISOString() : null;
    if (to === null) break;
  }
  return all;
}

const recentIncidentsKeys = { all: ["incidents", "recent"] as const };
const recentIncidentsQuery = queryOptions({ queryKey: recentIncidentsKeys.all, queryFn: lastWeek, refetchInterval: 300_000 });
export const useRecentIncidents = (enabled: boolean) => useQuery({ ...recentIncidentsQuery, enabled });
