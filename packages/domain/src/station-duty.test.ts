import { describe, expect, it } from "vitest";
import { checkStationDuty, previousShift } from "./station-duty";

const station = { officerIds: new Set(["a", "b", "c", "d"]), unitIds: new Set(["car", "foot"]) };

describe("checkStationDuty", () => {
  it("an empty report is fine", () => {
    expect(checkStationDuty([], station)).toEqual({ issues: [], warnings: [] });
  });

  it("people on shift without a unit, and a unit crewed by one leader, are fine", () => {
    const r = checkStationDuty(
      [
        { officerId: "a", unitId: "car", leader: true },
        { officerId: "b", unitId: "car" },
        { officerId: "c" },
        { officerId: "d", unitId: null },
      ],
      station,
    );
    expect(r).toEqual({ issues: [], warnings: [] });
  });

  it("names the second listing of a person, not the first", () => {
    expect(checkStationDuty([{ officerId: "a" }, { officerId: "b" }, { officerId: "a", unitId: "car" }], station).issues).toEqual([
      { index: 2, field: "officerId", key: "listed_twice" },
    ]);
  });

  it("refuses another station's officer and unit (or a retired one: not in the sets)", () => {
    expect(checkStationDuty([{ officerId: "x", unitId: "other-car" }], station).issues).toEqual([
      { index: 0, field: "officerId", key: "not_of_station" },
      { index: 0, field: "unitId", key: "unit_not_of_station" },
    ]);
  });

  it("a leader crews a unit", () => {
    expect(checkStationDuty([{ officerId: "a", leader: true }], station).issues).toEqual([
      { index: 0, field: "leader", key: "leader_without_unit" },
    ]);
    expect(checkStationDuty([{ officerId: "a", unitId: null, leader: true }], station).issues).toHaveLength(1);
  });

  it("one leader per unit: the second is named; two units each with their own leader are fine", () => {
    expect(
      checkStationDuty(
        [
          { officerId: "a", unitId: "car", leader: true },
          { officerId: "b", unitId: "foot", leader: true },
          { officerId: "c", unitId: "car", leader: true },
        ],
        station,
      ).issues,
    ).toEqual([{ index: 2, field: "leader", key: "unit_two_leaders" }]);
  });

  it("warns of a unit crewed with nobody leading it, once", () => {
    expect(
      checkStationDuty(
        [
          { officerId: "a", unitId: "foot" },
          { officerId: "b", unitId: "foot", leader: false },
        ],
        station,
      ),
    ).toEqual({ issues: [], warnings: [{ kind: "unit_without_leader", unitId: "foot" }] });
  });
});

describe("previousShift", () => {
  it("runs back through the China day: evening → day → night → the evening before", () => {
    expect(previousShift("2026-11-29", "EVENING")).toEqual({ date: "2026-11-29", shift: "DAY" });
    expect(previousShift("2026-11-29", "DAY")).toEqual({ date: "2026-11-29", shift: "NIGHT" });
    expect(previousShift("2026-11-29", "NIGHT")).toEqual({ date: "2026-11-28", shift: "EVENING" });
  });

  it("crosses a month and a year", () => {
    expect(previousShift("2027-01-01", "NIGHT")).toEqual({ date: "2026-12-31", shift: "EVENING" });
    expect(previousShift("2028-03-01", "NIGHT")).toEqual({ date: "2028-02-29", shift: "EVENING" });
  });
});
