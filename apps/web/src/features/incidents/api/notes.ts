import type { Incident } from "@onemap/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { incidentKeys } from "./incident";

/** POST /api/incidents/:id/notes — a line in the incident's timeline */
const addNote = ({ incidentId, text }: { incidentId: string; text: string }) =>
  api<Incident>(`/api/incidents/${encodeURIComponent(incidentId)}/notes`, { method: "POST", body: { text } });
export function useAddNote() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: addNote,
    onSuccess: (_r, v) => void client.invalidateQueries({ queryKey: incidentKeys.detail(v.incidentId) }),
  });
}
