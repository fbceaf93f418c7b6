import type { Board, Incident } from "@onemap/shared";
import { beforeEach, describe, expect, it } from "vitest";
import { live, useLive } from "./store";

const incident = (over: Partial<Incident> = {}): Incident =>
  ({
    id: "i1",
    number: "20261128-0001",
    category: "robbery",
    priority: "P1",
    status: "NEW",
    tier: "ROUTINE",
    lat: 31.03,
    lon: 106.41,
    address: null,
    gridId: null,
    stationId: "st-dc",
    reportedAt: "2026-11-28T07:00:00.000Z",
    likelyDuplicateOf: [],
    version: 1,
    assignments: [],
    ...over,
  }) as Incident;

const board = (incidents: Incident[] = []): Board =>
  ({
    stations: [],
    departments: [],
    grids: [],
    cameras: [
      {
        id: "c1",
        code: "C1",
        name: "天网-1",
        kind: "SKYNET",
        status: "ONLINE",
        lat: 31,
        lon: 106,
        streamUrl: null,
        gridId: null,
        stationId: "st-dc",
      },
    ],
    units: [],
    incidents,
    posture: { level: "ROUTINE", reason: null, updatedAt: "2026-11-28T07:00:00.000Z" },
    duty: { date: "2026-11-28", currentShift: "DAY", entries: [] },
    generatedAt: "2026-11-28T07:00:00.000Z",
  }) as Board;

describe("the live store", () => {
  beforeEach(() => live.reset());

  it("never lets an older version of an incident replace a newer one", () => {
    live.upsertIncident(incident({ version: 3, status: "DISPATCHED" }), false);
    live.upsertIncident(incident({ version: 2, status: "NEW" }), false);
    expect(useLive.getState().incidents.i1?.status).toBe("DISPATCHED");
  });

  it("alerts on a P1/P2 that arrives live, not on a P3 nor on an update, and keeps the duplicates a creation named", () => {
    live.upsertIncident(incident({ likelyDuplicateOf: [{ id: "i0", number: "20261128-0000", distanceM: 12 }] }), true);
    live.upsertIncident(incident({ id: "i3", priority: "P3" }), true);
    live.upsertIncident(incident({ version: 2, status: "DISPATCHED" }), false);
    const s = useLive.getState();
    expect(Object.keys(s.arrived)).toEqual(["i1"]);
    expect(s.incidents.i1?.likelyDuplicateOf).toHaveLength(1);
  });

  it("on a reload after an absence, alerts on the P1/P2 incidents it had not seen", () => {
    live.loadSnapshot(board(), [incident({ id: "known" })], null, false);
    expect(useLive.getState().arrived).toEqual({});
    live.loadSnapshot(
      board(),
      [incident({ id: "known" }), incident({ id: "new-p1" }), incident({ id: "new-p4", priority: "P4" })],
      null,
      true,
    );
    expect(Object.keys(useLive.getState().arrived)).toEqual(["new-p1"]);
  });

  it("applies a camera going offline to the snapshot's cameras", () => {
    live.loadSnapshot(board(), [], null, false);
    live.setCameraStatus("c1", "OFFLINE");
    expect(useLive.getState().board?.cameras[0]?.status).toBe("OFFLINE");
  });

  it("forgets everything on sign-out", () => {
    live.loadSnapshot(board([incident()]), [], null, false);
    live.reset();
    expect(useLive.getState()).toMatchObject({ board: null, incidents: {}, arrived: {} });
  });
});
