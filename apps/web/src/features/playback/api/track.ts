import type { Track } from "@onemap/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";

const trackKeys = {
  all: ["track"] as const,
  range: (unitId: string, from: string, to: string) => [...trackKeys.all, unitId, from, to] as const,
};

/** GET /api/units/:id/track?from&to — thinned evenly when long */
const trackQuery = (unitId: string, from: string, to: string) =>
  queryOptions({
    queryKey: trackKeys.range(unitId, from, to),
    queryFn: () =>
      api<Track>(
        `/api/units/${encodeURIComponent(unitId)}/track?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&maxPoints=2000`,
      ),
  });
export const useTrack = (request: { unitId: string; from: string; to: string } | null) =>
  useQuery({ ...trackQuery(request?.unitId ?? "", request?.from ?? "", request?.to ?? ""), enabled: request !== null });
