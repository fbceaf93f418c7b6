import type { Incident, SetIncidentStatusBody } from "@onemap/shared";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../../api/client";

/** POST /api/incidents/:id/status — on scene, resolved, closed, cancelled (with a reason) */
const setIncidentStatus = ({ incidentId, ...body }: { incidentId: string } & SetIncidentStatusBody) =>
  api<Incident>(`/api/incidents/${encodeURIComponent(incidentId)}/status`, { method: "POST", body });
export const useSetIncidentStatus = () => useMutation({ mutationFn: setIncidentStatus });
