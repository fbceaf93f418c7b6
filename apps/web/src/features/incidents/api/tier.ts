import type { Incident, ResponseTier } from "@onemap/shared";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../../api/client";

/** POST /api/incidents/:id/tier — duty leaders escalate or relax, with a reason */
const setTier = ({ incidentId, tier, reason }: { incidentId: string; tier: ResponseTier; reason: string }) =>
  api<Incident>(`/api/incidents/${encodeURIComponent(incidentId)}/tier`, { method: "POST", body: { tier, reason } });
export const useSetTier = () => useMutation({ mutationFn: setTier });
