import type { Incident, TransferDepartment } from "@onemap/shared";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../../api/client";

/** POST /api/incidents/:id/transfer — hand a non-police matter (非警务) to another department */
const transferIncident = ({ incidentId, department, reason }: { incidentId: string; department: TransferDepartment; reason: string }) =>
  api<Incident>(`/api/incidents/${encodeURIComponent(incidentId)}/transfer`, { method: "POST", body: { department, reason } });
export const useTransferIncident = () => useMutation({ mutationFn: transferIncident });
