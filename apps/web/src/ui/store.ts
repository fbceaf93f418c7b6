// What this operator is doing (not server state): the selection, the half-typed incident (kept in
// sessionStorage, so an expired session or a reload does not lose it), open panels, visible layers.
import type { Priority } from "@onemap/shared";
import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";
import { serverNow } from "./clock";

export interface IncidentDraft {
  category?: string;
  priority?: Priority;
  lat?: number;
  lon?: number;
  address?: string;
  callerName?: string;
  callerPhone?: string;
  description?: string;
  /** when the call was taken (N pressed / the form opened): sent as callStartedAt, so the clock includes call-taking */
  callStartedAt?: string;
}

/** "send another unit?" (an incident with a unit on the way) or "why send police?" (a non-police call) */
export interface DispatchAsk {
  incidentId: string;
  unitId: string;
  callsign: string;
  /** a unit is already on the way: this one is a second, on purpose */
  another: boolean;
  /** a non-police call: the reason is required */
  needsReason: boolean;
}

export type LayerId = "base" | "units" | "cameras" | "grids" | "stations" | "incidents" | "density" | "lines";
export const LAYERS: LayerId[] = ["base", "units", "cameras", "grids", "stations", "incidents", "lines", "density"];

interface UiState {
  selectedIncidentId: string | null;
  /** null = no form open */
  draft: IncidentDraft | null;
  /** the form put away with Esc: N brings it back */
  stash: IncidentDraft | null;
  /** who typed the draft: another user signing in on this machine does not get it */
  draftOwner: string | null;
  layers: Record<LayerId, boolean>;
  layersOpen: boolean;
  cameraId: string | null;
  /** the unit whose card is open */
  unitId: string | null;
  helpOpen: boolean;
  playbackUnitId: string | null;
  playbackOpen: boolean;
  /** incidents this operator has opened (an arrived P1/P2 stops flashing) */
  opened: Record<string, true>;
  /** set while this board is creating an incident, then the id it got: its own arrival does not sound */
  creating: boolean;
  lastCreatedId: string | null;
  /** a dispatch waiting for the operator's confirmation (Enter) */
  dispatchAsk: DispatchAsk | null;
  /** the tile server did not answer: the board stopped asking (turning the base map on again retries) */
  tilesDown: boolean;
}

export const useUi = create<UiState>()(
  persist(
    () =>
      ({
        selectedIncidentId: null,
        draft: null,
        stash: null,
        draftOwner: null,
        layers: { base: true, units: true, cameras: true, grids: true, stations: true, incidents: true, lines: true, density: false },
        layersOpen: false,
        cameraId: null,
        unitId: null,
        helpOpen: false,
        playbackUnitId: null,
        playbackOpen: false,
        opened: {},
        creating: false,
        lastCreatedId: null,
        dispatchAsk: null,
        tilesDown: false,
      }) as UiState,
    {
      name: "onemap.ui",
      storage: createJSONStorage(() => sessionStorage),
      partialize: (s) => ({ draft: s.draft, stash: s.stash, draftOwner: s.draftOwner, layers: s.layers }),
    },
  ),
);

export const ui = {
  select: (selectedIncidentId: string | null) =>
    useUi.setState((s) => ({
      selectedIncidentId,
      cameraId: null,
      dispatchAsk: s.dispatchAsk?.incidentId === selectedIncidentId ? s.dispatchAsk : null,
      opened: selectedIncidentId && !s.opened[selectedIncidentId] ? { ...s.opened, [selectedIncidentId]: true } : s.opened,
    })),
  setCreating: (creating: boolean, createdId?: string) =>
    useUi.setState((s) => ({ creating, lastCreatedId: createdId ?? s.lastCreatedId })),
  /** N (or a map click): a new call starts now, unless a put-away one comes back (its clock kept) */
  startDraft: (at?: { lat: number; lon: number }) =>
    useUi.setState((s) => {
      const draft = { ...(s.stash ?? {}), ...(s.draft ?? {}), ...(at ?? {}) };
      return { draft: { ...draft, callStartedAt: draft.callStartedAt ?? serverNow().toISOString() }, stash: null };
    }),
  editDraft: (patch: IncidentDraft) => useUi.setState((s) => ({ draft: { ...(s.draft ?? {}), ...patch } })),
  clearDraft: () => useUi.setState({ draft: null, stash: null }),
  /** the signed-in user: a draft typed by someone else is dropped, one's own is kept */
  claimDraft(username: string) {
    const s = useUi.getState();
    if (s.draftOwner !== username) useUi.setState({ draft: null, stash: null, draftOwner: username });
  },
  toggleLayer: (id: LayerId, on: boolean) =>
    useUi.setState((s) => ({ layers: { ...s.layers, [id]: on }, tilesDown: id === "base" && on ? false : s.tilesDown })),
  setTilesDown: (tilesDown: boolean) => useUi.setState({ tilesDown }),
  setLayersOpen: (layersOpen: boolean) => useUi.setState({ layersOpen }),
  openCamera: (cameraId: string | null) => useUi.setState({ cameraId }),
  openUnit: (unitId: string | null) => useUi.setState({ unitId }),
  setHelp: (helpOpen: boolean) => useUi.setState({ helpOpen }),
  askDispatch: (dispatchAsk: DispatchAsk | null) => useUi.setState({ dispatchAsk }),
  /** the unit card gives way to the playback drawer it opened */
  openPlayback: (unitId: string | null) => useUi.setState({ playbackOpen: true, playbackUnitId: unitId, unitId: null }),
  closePlayback: () => useUi.setState({ playbackOpen: false }),
  /** signed out: close what belonged to the session, keep the half-typed incident */
  signedOut: () =>
    useUi.setState({ selectedIncidentId: null, cameraId: null, unitId: null, playbackOpen: false, helpOpen: false, dispatchAsk: null }),
  /** Esc: the innermost thing first */
  back() {
    const s = useUi.getState();
    if (s.dispatchAsk) return useUi.setState({ dispatchAsk: null });
    if (s.helpOpen) return useUi.setState({ helpOpen: false });
    if (s.cameraId) return useUi.setState({ cameraId: null });
    if (s.unitId) return useUi.setState({ unitId: null });
    if (s.playbackOpen) return useUi.setState({ playbackOpen: false });
    if (s.draft) {
      // nothing typed (only the clock the form started): nothing to bring back, and the next N is a new call
      const typed = Object.entries(s.draft).some(([k, v]) => k !== "callStartedAt" && v !== undefined && v !== "");
      return useUi.setState({ draft: null, stash: typed ? s.draft : null });
    }
    if (s.layersOpen) return useUi.setState({ layersOpen: false });
    if (s.selectedIncidentId) return useUi.setState({ selectedIncidentId: null });
  },
};
