import type { DispatchResult } from "@onemap/shared";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../../api/client";

/** POST /api/incidents/:id/dispatch — one Idempotency-Key per click, so a retried click never sends twice */
export const dispatchUnits = ({
  incidentId,
  unitIds,
  key,
  reason,
}: {
  incidentId: string;
  unitIds: string[];
  key: string;
  reason?: string;
}) =>
  api<DispatchResult>(`/api/incidents/${encodeURIComponent(incidentId)}/dispatch`, {
    method: "POST",
    body: { unitIds, ...(reason ? { reason } : {}) },
    headers: { "idempotency-key": key },
  });
export const useDispatch = () => useMutation({ mutationFn: dispatchUnits });
