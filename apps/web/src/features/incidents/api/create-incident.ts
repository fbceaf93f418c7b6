import type { CreateIncidentBody, Incident } from "@onemap/shared";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../../api/client";

/** POST /api/incidents */
const createIncident = (body: CreateIncidentBody) => api<Incident>("/api/incidents", { method: "POST", body });
export const useCreateIncident = () => useMutation({ mutationFn: createIncident });
