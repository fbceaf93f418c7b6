import type { Track } from "@onemap/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";

/** GET /api/units/:id/track?from&to — thinned evenly when long */
export const trackQuery = (unitId: string, from: string, to: string) =>
  queryOptions({
    queryKey: ["track", unitId, from, to],
    queryFn: () =>
      api<Track>(
        `/api/units/${encodeURIComponent(unitId)}/track?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&maxPoints=2000`,
      ),
  });
export const useTrack = (request: { unitId: string; from: string; to: string } | null) =>
  useQuery({ ...trackQuery(request?.unitId ?? "", request?.from ?? "", request?.to ?? ""), enabled: request !== null });
