import type { Incident, ResponseTier } from "@onemap/shared";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../../api/client";

/** POST /api/incidents/:id/escalation-request — operators and chiefs ask the duty leader */
const requestEscalation = ({ incidentId, tier, reason }: { incidentId: string; tier: ResponseTier; reason: string }) =>
  api<Incident>(`/api/incidents/${encodeURIComponent(incidentId)}/escalation-request`, { method: "POST", body: { tier, reason } });
export const useRequestEscalation = () => useMutation({ mutationFn: requestEscalation });
