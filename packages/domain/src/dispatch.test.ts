import { describe, expect, it } from "vitest";
import {
  activatedGroups,
  assignmentTransitionError,
  estimateEtaSeconds,
  incidentTransitionError,
  likelyDuplicates,
  rankUnits,
  routeCase,
  tierChange,
} from "./dispatch";

describe("incident lifecycle", () => {
  it.each([
    ["NEW", "DISPATCHED"],
    ["NEW", "CANCELLED"],
    ["NEW", "TRANSFERRED"],
    ["DISPATCHED", "ON_SCENE"],
    ["ON_SCENE", "RESOLVED"],
    ["ON_SCENE", "TRANSFERRED"],
    ["RESOLVED", "CLOSED"],
  ] as const)("%s → %s is allowed", (from, to) => {
    expect(incidentTransitionError(from, to)).toBeNull();
  });
  it.each([
    ["NEW", "RESOLVED"],
    ["NEW", "ON_SCENE"],
    ["DISPATCHED", "CLOSED"],
    ["RESOLVED", "DISPATCHED"],
    ["CLOSED", "NEW"],
    ["CANCELLED", "DISPATCHED"],
    ["TRANSFERRED", "CLOSED"],
    ["ON_SCENE", "ON_SCENE"],
  ] as const)("%s → %s is refused with the reason", (from, to) => {
    expect(incidentTransitionError(from, to)).toMatch(new RegExp(`${to}`));
  });
});

describe("assignment progress", () => {
  it("moves forward, may skip a step, and clears from any active state", () => {
    expect(assignmentTransitionError("DISPATCHED", "ACKNOWLEDGED")).toBeNull();
    expect(assignmentTransitionError("DISPATCHED", "ON_SCENE")).toBeNull();
    expect(assignmentTransitionError("EN_ROUTE", "CLEARED")).toBeNull();
  });
  it("never goes back, and a cleared assignment is finished", () => {
    expect(assignmentTransitionError("ON_SCENE", "EN_ROUTE")).toMatch(/cannot go back/);
    expect(assignmentTransitionError("EN_ROUTE", "EN_ROUTE")).toMatch(/cannot go back/);
    expect(assignmentTransitionError("CLEARED", "ON_SCENE")).toMatch(/already cleared/);
  });
});

describe("ETA", () => {
  it("is turnout plus the road distance at the kind's speed", () => {
    expect(estimateEtaSeconds(0, "CAR")).toBe(30);
    expect(estimateEtaSeconds(1000, "CAR")).toBe(Math.round(30 + (1000 * 1.35) / (40 / 3.6)));
    expect(estimateEtaSeconds(1000, "FOOT")).toBeGreaterThan(estimateEtaSeconds(1000, "CAR") * 5);
  });
});

describe("rankUnits", () => {
  const now = new Date("2026-11-28T04:00:00Z");
  const incident = { lat: 31.03, lon: 106.41, gridId: "g1" };
  const fresh = new Date(now.getTime() - 10_000);
  const unit = (
    id: string,
    northM: number,
    o: Partial<{ kind: "CAR" | "FOOT" | "MOTORCYCLE" | "SWAT"; gridId: string | null; lastFixAt: Date }> = {},
  ) => ({
    id,
    kind: o.kind ?? ("CAR" as const),
    lat: 31.03 + northM / 111_320,
    lon: 106.41,
    lastFixAt: o.lastFixAt ?? fresh,
    gridId: o.gridId === undefined ? "g2" : o.gridId,
  });

  it("orders by ETA, not by distance alone", () => {
    const ranked = rankUnits(incident, [unit("foot-near", 300, { kind: "FOOT" }), unit("car-far", 1500)], now);
    expect(ranked.map((r) => r.unit.id)).toEqual(["car-far", "foot-near"]);
    expect(ranked[0]?.distanceM).toBeCloseTo(1500, -1);
  });

  it("prefers the incident's own grid at equal ETA", () => {
    const ranked = rankUnits(incident, [unit("other-grid", 500), unit("own-grid", 505, { gridId: "g1" })], now);
    expect(ranked.map((r) => r.unit.id)).toEqual(["own-grid", "other-grid"]);
    expect(ranked[0]?.inGrid).toBe(true);
  });

  it("does not prefer the own grid over a clearly faster unit", () => {
    const ranked = rankUnits(incident, [unit("own-grid-far", 3000, { gridId: "g1" }), unit("other-near", 300)], now);
    expect(ranked[0]?.unit.id).toBe("other-near");
  });

  it("ranks a unit with a stale fix down and marks it", () => {
    const ranked = rankUnits(
      incident,
      [unit("stale-near", 100, { lastFixAt: new Date(now.getTime() - 20 * 60_000) }), unit("fresh-far", 2000)],
      now,
    );
    expect(ranked.map((r) => [r.unit.id, r.stale])).toEqual([
      ["fresh-far", false],
      ["stale-near", true],
    ]);
    expect(ranked[1]?.lastFixAgeS).toBe(1200);
  });

  it("handles no candidates", () => {
    expect(rankUnits(incident, [], now)).toEqual([]);
  });
});

describe("graded response", () => {
  it("each tier adds its reinforcement group", () => {
    expect(activatedGroups("ROUTINE")).toEqual([]);
    expect(activatedGroups("LEVEL_III")).toEqual(["RAPID_REACTION"]);
    expect(activatedGroups("LEVEL_II")).toEqual(["RAPID_REACTION", "SWAT_ASSAULT"]);
    expect(activatedGroups("LEVEL_I")).toEqual(["RAPID_REACTION", "SWAT_ASSAULT", "HQ_RESERVE"]);
  });
  it("names who commands and what is activated or released", () => {
    expect(tierChange("ROUTINE", "LEVEL_II")).toEqual({
      from: "ROUTINE",
      to: "LEVEL_II",
      commandingRole: "SUPERVISING_LEADER",
      activated: ["RAPID_REACTION", "SWAT_ASSAULT"],
      released: [],
      jointCommandPost: false,
    });
    expect(tierChange("LEVEL_I", "LEVEL_III")).toMatchObject({
      commandingRole: "DUTY_LEADER",
      activated: [],
      released: ["SWAT_ASSAULT", "HQ_RESERVE"],
    });
    expect(tierChange("LEVEL_II", "LEVEL_I")).toMatchObject({
      commandingRole: "PRINCIPAL_LEADER",
      activated: ["HQ_RESERVE"],
      jointCommandPost: true,
    });
    expect(tierChange("LEVEL_III", "ROUTINE").commandingRole).toBe("OPERATOR");
  });
});

describe("the 133 case routing", () => {
  const facts = {
    serial: false,
    gang: false,
    crossRegion: false,
    major: false,
    kind: "property" as const,
    caughtOnScene: false,
    handedOver: false,
    selfSurrender: false,
  };
  it.each([
    [{ serial: true }, 1, "MAJOR_CASE_SQUAD"],
    [{ gang: true }, 1, "MAJOR_CASE_SQUAD"],
    [{ crossRegion: true }, 1, "MAJOR_CASE_SQUAD"],
    [{ major: true, caughtOnScene: true }, 1, "MAJOR_CASE_SQUAD"],
    [{}, 2, "PROPERTY_CRIME_SQUAD"],
    [{ kind: "drug" }, 2, "NARCOTICS_SQUAD"],
    [{ kind: "economic" }, 2, "ECONOMIC_CRIME_SQUAD"],
    [{ caughtOnScene: true }, 3, "LOCAL_STATION"],
    [{ handedOver: true, kind: "drug" }, 3, "LOCAL_STATION"],
    [{ selfSurrender: true }, 3, "LOCAL_STATION"],
  ] as const)("%o → level %d, %s", (over, level, to) => {
    expect(routeCase({ ...facts, ...over })).toMatchObject({ level, to });
  });
});

describe("likelyDuplicates", () => {
  const at = new Date("2026-11-28T04:00:00Z");
  const open = (id: string, northM: number, minutesAgo: number, category = "fight", status: "NEW" | "CLOSED" = "NEW") => ({
    id,
    category,
    status,
    lat: 31.03 + northM / 111_320,
    lon: 106.41,
    reportedAt: new Date(at.getTime() - minutesAgo * 60_000),
  });
  it("flags the same category within 200 m and 10 minutes, nearest first", () => {
    const found = likelyDuplicates({ lat: 31.03, lon: 106.41, category: "fight", reportedAt: at }, [
      open("far", 500, 1),
      open("old", 50, 11),
      open("other-kind", 50, 1, "theft"),
      open("closed", 50, 1, "fight", "CLOSED"),
      open("b", 150, 2),
      open("a", 20, 9),
    ]);
    expect(found.map((f) => f.incident.id)).toEqual(["a", "b"]);
  });
});
