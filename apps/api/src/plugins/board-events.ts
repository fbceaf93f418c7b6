// Every event a board receives is sent from here, each with the rooms that may see it: an object of
// a station goes to the county room and that station's room (plugins/realtime.ts). Features say what
// happened; which payload and which rooms is decided once.
import type {
  AssignmentView,
  CameraStatusEvent,
  CountyChangedEvent,
  DutyChangedEvent,
  GeofenceEventPayload,
  Incident,
  PositionRow,
  PostureDetail,
  TierChangedEvent,
  UnitStatus,
} from "@onemap/shared";
import type { Realtime } from "./realtime";

/** what the boards need of a unit whose status changed */
export interface UnitStatusChange {
  id: string;
  status: UnitStatus;
  version: number;
  homeStationId: string;
}

export function createBoardEvents(realtime: Omit<Realtime, "disconnectSession" | "relayStatus">, now = () => new Date()) {
  return {
    /** a coalesced positions frame: the county room gets every row, each station room its own units' */
    positions(rows: readonly { row: PositionRow; stationId: string }[]): void {
      realtime.emitPositions(rows);
    },

    unitStatus(unit: UnitStatusChange, previous: UnitStatus, at: Date = now()): void {
      realtime.emitScoped("unit:status", { unitId: unit.id, status: unit.status, previous, version: unit.version, at: at.toISOString() }, [
        unit.homeStationId,
      ]);
    },

    /** to the unit's own station and to the station whose grid it left or entered */
    unitGeofence(event: GeofenceEventPayload, stationIds: readonly string[]): void {
      realtime.emitScoped("unit:geofence", event, stationIds);
    },

    incidentCreated(incident: Incident): void {
      realtime.emitScoped("incident:created", incident, [incident.stationId]);
    },

    incidentUpdated(incident: Incident): void {
      realtime.emitScoped("incident:updated", incident, [incident.stationId]);
    },

    assignmentUpdated(assignment: AssignmentView, incident: Pick<Incident, "id" | "stationId">): void {
      realtime.emitScoped("assignment:updated", { ...assignment, incidentId: incident.id }, [incident.stationId]);
    },

    tierChanged(event: TierChangedEvent, incident: Pick<Incident, "stationId">): void {
      realtime.emitScoped("tier:changed", event, [incident.stationId]);
    },

    cameraStatus(event: CameraStatusEvent): void {
      realtime.emitScoped("camera:status", event, [event.stationId]);
    },

    /** stations, units, cameras… changed in bulk: every board reloads its snapshot (each its own scope) */
    countyChanged(event: CountyChangedEvent): void {
      realtime.emitAll("county:changed", event);
    },

    /**
     * an administrator added, changed or retired a station, officer, unit or camera (ADR 0010): the
     * boards of those stations and the county's reload their snapshot; other stations' boards hear nothing
     */
    resourcesChanged(stationIds: readonly string[], at: Date = now()): void {
      realtime.emitScoped("county:changed", { at: at.toISOString() }, stationIds);
    },

    /**
     * the county roster (stationId null) changed: every board, since each shows the commander its tier
     * reads from it; a station's duty report: that station's board and the county's, no other station's
     */
    dutyChanged(event: Omit<DutyChangedEvent, "at">, at: Date = now()): void {
      const payload = { ...event, at: at.toISOString() };
      if (event.stationId === null) realtime.emitAll("duty:changed", payload);
      else realtime.emitScoped("duty:changed", payload, [event.stationId]);
    },

    /** the county's posture: the county room hears every grid, each station's room only its own grids */
    postureChanged(detail: PostureDetail): void {
      const stations = new Map<string, PostureDetail>();
      for (const stationId of new Set(detail.grids.map((g) => g.stationId)))
        stations.set(stationId, { ...detail, grids: detail.grids.filter((g) => g.stationId === stationId) });
      // stations with no urban grid still hear the county level
      realtime.emitPerStation("posture:changed", detail, stations, { ...detail, grids: [] });
    },
  };
}

export type BoardEvents = ReturnType<typeof createBoardEvents>;
