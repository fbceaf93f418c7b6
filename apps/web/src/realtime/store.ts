// Live state that components render (small, changes rarely): the connection, units (with their status),
// open incidents with their assignments, the county posture. Written only by the socket controller
// (realtime/socket.ts); positions are not here — they live in positions.ts, outside React.
import type {
  AssignmentView,
  Board,
  CameraStatus,
  Incident,
  IncidentSummary,
  PostureDetail,
  TierChangedEvent,
  Unit,
  UnitStatus,
} from "@onemap/shared";
import { isAlertPriority, isOpenIncident } from "@onemap/shared/vocabulary";
import { create } from "zustand";

export type Connection = "connecting" | "live" | "reconnecting";
/** an open incident: the snapshot's summary, completed by the full record once loaded or announced */
export type LiveIncident = IncidentSummary & Partial<Omit<Incident, keyof IncidentSummary>>;

interface LiveState {
  connection: Connection;
  /** false: the relay between the server's processes is down; this board hears only the process it is on */
  relay: boolean;
  /** the snapshot the board was built from (grids, stations, cameras, duty) */
  board: Board | null;
  units: Record<string, Unit>;
  incidents: Record<string, LiveIncident>;
  posture: PostureDetail | null;
  /** P1/P2 incidents that arrived while this board was open (they alert until opened: ui.opened) */
  arrived: Record<string, number>;
  lastTierChange: TierChangedEvent | null;
}

const EMPTY: LiveState = {
  connection: "connecting",
  relay: true,
  board: null,
  units: {},
  incidents: {},
  posture: null,
  arrived: {},
  lastTierChange: null,
};
export const useLive = create<LiveState>(() => EMPTY);

/** the writers: used by the socket controller only */
export const live = {
  setConnection: (connection: Connection) => useLive.setState({ connection }),
  setRelay: (relay: boolean) => useLive.setState({ relay }),
  /** signed out: nothing of this user's board stays behind for the next one */
  reset: () => useLive.setState(EMPTY, true),
  /** `markNew`: a reload after an absence — open P1/P2 incidents this board had not seen alert now */
  loadSnapshot(board: Board, open: Incident[], posture: PostureDetail | null, markNew: boolean) {
    useLive.setState((s) => {
      const incidents: Record<string, LiveIncident> = Object.fromEntries(board.incidents.map((i) => [i.id, i]));
      for (const i of open) incidents[i.id] = i;
      const arrived = { ...s.arrived };
      if (markNew)
        for (const i of Object.values(incidents))
          if (!s.incidents[i.id] && isOpenIncident(i) && isAlertPriority(i.priority)) arrived[i.id] = Date.now();
      return { board, units: Object.fromEntries(board.units.map((u) => [u.id, u])), incidents, posture, arrived };
    });
  },
  setUnitStatus(id: string, status: UnitStatus, version: number) {
    useLive.setState((s) => {
      const unit = s.units[id];
      if (!unit || unit.version > version) return s;
      return { units: { ...s.units, [id]: { ...unit, status, version } } };
    });
  },
  upsertIncident(incident: Incident, arrivedLive: boolean) {
    useLive.setState((s) => {
      const current = s.incidents[incident.id];
      if (current?.version !== undefined && current.version > incident.version) return s;
      const alerting = arrivedLive && !current && isAlertPriority(incident.priority);
      // only the creation announces likely duplicates: later updates keep what it said
      const likelyDuplicateOf = incident.likelyDuplicateOf.length > 0 ? incident.likelyDuplicateOf : (current?.likelyDuplicateOf ?? []);
      return {
        incidents: { ...s.incidents, [incident.id]: { ...incident, likelyDuplicateOf } },
        arrived: alerting ? { ...s.arrived, [incident.id]: Date.now() } : s.arrived,
      };
    });
  },
  updateAssignment(incidentId: string, assignment: AssignmentView) {
    useLive.setState((s) => {
      const incident = s.incidents[incidentId];
      if (!incident) return s;
      const assignments = [...(incident.assignments ?? []).filter((a) => a.id !== assignment.id), assignment];
      return { incidents: { ...s.incidents, [incidentId]: { ...incident, assignments } } };
    });
  },
  setPosture: (posture: PostureDetail) => useLive.setState({ posture }),
  setCameraStatus(cameraId: string, status: CameraStatus) {
    useLive.setState((s) => {
      if (!s.board?.cameras.some((c) => c.id === cameraId && c.status !== status)) return s;
      return { board: { ...s.board, cameras: s.board.cameras.map((c) => (c.id === cameraId ? { ...c, status } : c)) } };
    });
  },
  tierChanged: (event: TierChangedEvent) => useLive.setState({ lastTierChange: event }),
};
