import type { DispatchResult } from "@onemap/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { recommendationsKeys } from "./recommendations";

/** POST /api/incidents/:id/dispatch — one Idempotency-Key per click, so a retried click never sends twice */
const dispatchUnits = ({ incidentId, unitIds, key, reason }: { incidentId: string; unitIds: string[]; key: string; reason?: string }) =>
  api<DispatchResult>(`/api/incidents/${encodeURIComponent(incidentId)}/dispatch`, {
    method: "POST",
    body: { unitIds, ...(reason ? { reason } : {}) },
    headers: { "idempotency-key": key },
  });

export function useDispatchUnits() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: dispatchUnits,
    // sent at once even when the browser believes it is offline: no answer is an answer (status 0),
    // which the dispatch guard counts as "possibly sent" — never a request parked until later
    networkMode: "always",
    // sent, refused or unanswered: the unit may no longer be available, so it is not offered again
    onSettled: (_r, _e, v) => void client.invalidateQueries({ queryKey: recommendationsKeys.forIncident(v.incidentId) }),
  });
}
