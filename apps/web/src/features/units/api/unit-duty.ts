import type { UnitDuty } from "@onemap/shared";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";

/** every unit's crew on shift (the socket controller invalidates them all on duty:changed) */
export const unitDutyKeys = { all: ["units", "duty"] as const, of: (unitId: string) => ["units", "duty", unitId] as const };

/** GET /api/units/:id/duty — who crews the unit on the shift in progress, as its station reported it */
export function useUnitDuty(unitId: string | undefined) {
  return useQuery({
    queryKey: unitDutyKeys.of(unitId ?? ""),
    queryFn: () => api<UnitDuty>(`/api/units/${encodeURIComponent(unitId ?? "")}/duty`),
    enabled: Boolean(unitId),
    // the shift turns over every eight hours: read again when the card is opened after a while
    staleTime: 60_000,
  });
}
