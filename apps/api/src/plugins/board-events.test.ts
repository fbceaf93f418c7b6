import type { PostureDetail } from "@onemap/shared";
import { describe, expect, it } from "vitest";
import { createBoardEvents } from "./board-events";
import type { Realtime } from "./realtime";

/** what reached which rooms: the county room and `station:<id>` rooms, as plugins/realtime.ts sends them */
function recorder() {
  const sent: { event: string; payload: unknown; stations?: readonly string[]; perStation?: unknown }[] = [];
  const realtime: Omit<Realtime, "disconnectSession" | "relayStatus"> = {
    emitPositions: (rows) => void sent.push({ event: "units:positions", payload: rows }),
    emitScoped: (event, payload, stationIds) => void sent.push({ event, payload, stations: stationIds }),
    emitAll: (event, payload) => void sent.push({ event, payload }),
    emitPerStation: (event, county, stations, others) =>
      void sent.push({ event, payload: county, perStation: { stations: Object.fromEntries(stations), others } }),
  };
  return { sent, events: createBoardEvents(realtime, () => new Date("2026-11-29T01:00:00Z")) };
}

describe("board events", () => {
  it("sends a unit's status to its home station's room (and the county), stamped with the clock", () => {
    const { sent, events } = recorder();
    events.unitStatus({ id: "un-1", status: "DISPATCHED", version: 4, homeStationId: "st-dc" }, "AVAILABLE");
    expect(sent).toEqual([
      {
        event: "unit:status",
        payload: { unitId: "un-1", status: "DISPATCHED", previous: "AVAILABLE", version: 4, at: "2026-11-29T01:00:00.000Z" },
        stations: ["st-dc"],
      },
    ]);
  });

  it("sends a camera's status to the camera's station", () => {
    const { sent, events } = recorder();
    events.cameraStatus({ cameraId: "ca-1", status: "OFFLINE", previous: "ONLINE", stationId: "st-xc", at: "2026-11-29T01:00:00.000Z" });
    expect(sent[0]?.stations).toEqual(["st-xc"]);
  });

  it("splits the posture: the county hears every grid, each station only its own, other stations none", () => {
    const { sent, events } = recorder();
    const grid = (gridId: string, stationId: string) => ({
      gridId,
      name: gridId,
      stationId,
      patrolling: 1,
      minimum: 2,
      underMinimum: true,
    });
    const detail: PostureDetail = {
      level: "LEVEL_II",
      reason: "节日安保",
      updatedAt: "2026-11-29T01:00:00.000Z",
      minimumUnitsPerUrbanGrid: 2,
      grids: [grid("g1", "st-a"), grid("g2", "st-b"), grid("g3", "st-a")],
    };
    events.postureChanged(detail);
    expect(sent).toHaveLength(1);
    const only = sent[0] as (typeof sent)[number];
    expect(only.event).toBe("posture:changed");
    expect(only.payload).toEqual(detail);
    const { stations, others } = only.perStation as { stations: Record<string, PostureDetail>; others: PostureDetail };
    expect(Object.keys(stations).sort()).toEqual(["st-a", "st-b"]);
    expect(stations["st-a"]?.grids.map((g) => g.gridId)).toEqual(["g1", "g3"]);
    expect(stations["st-b"]?.grids.map((g) => g.gridId)).toEqual(["g2"]);
    expect(others).toEqual({ ...detail, grids: [] });
  });
});
