import type { Incident } from "@onemap/shared";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../../api/client";

/** POST /api/incidents/:id/link — record that this call reports an incident already open */
const linkDuplicate = ({ incidentId, duplicateOfId }: { incidentId: string; duplicateOfId: string }) =>
  api<Incident>(`/api/incidents/${encodeURIComponent(incidentId)}/link`, { method: "POST", body: { duplicateOfId } });
export const useLinkDuplicate = () => useMutation({ mutationFn: linkDuplicate });
