// Live state that components render (small, changes rarely): connection, unit statuses, incidents.
import type { Board, Incident, IncidentSummary, UnitStatus } from "@onemap/shared";
import { create } from "zustand";

export type Connection = "connecting" | "live" | "reconnecting";

interface LiveState {
  connection: Connection;
  unitStatus: Record<string, UnitStatus>;
  incidents: Record<string, IncidentSummary | Incident>;
  setConnection(c: Connection): void;
  loadSnapshot(board: Board): void;
  setUnitStatus(id: string, status: UnitStatus): void;
  upsertIncident(incident: Incident): void;
}

export const useLive = create<LiveState>((set) => ({
  connection: "connecting",
  unitStatus: {},
  incidents: {},
  setConnection: (connection) => set({ connection }),
  loadSnapshot: (board) =>
    set({
      unitStatus: Object.fromEntries(board.units.map((u) => [u.id, u.status])),
      incidents: Object.fromEntries(board.incidents.map((i) => [i.id, i])),
    }),
  setUnitStatus: (id, status) => set((s) => ({ unitStatus: { ...s.unitStatus, [id]: status } })),
  upsertIncident: (incident) => set((s) => ({ incidents: { ...s.incidents, [incident.id]: incident } })),
}));
