import { describe, expect, it } from "vitest";
import { addDays, checkRoster, copyWeek, type RosterSlot, sameRosterDay, weekOf } from "./duty-roster";

/** a shift with a leader for each tier and a commander, and nothing wrong */
const fullShift = (shift: RosterSlot["shift"], k = 0): RosterSlot[] => [
  { shift, role: "PRINCIPAL_LEADER", officerId: `principal-${k}` },
  { shift, role: "SUPERVISING_LEADER", officerId: `supervising-${k}` },
  { shift, role: "DUTY_LEADER", officerId: `leader-${k}` },
  { shift, role: "COMMANDER", officerId: `commander-${k}` },
  { shift, role: "OPERATOR", officerId: `operator-${k}` },
];
const fullDay = (): RosterSlot[] => [...fullShift("NIGHT", 0), ...fullShift("DAY", 1), ...fullShift("EVENING", 2)];

describe("checkRoster", () => {
  it("no days, no warnings; a full day, none either", () => {
    expect(checkRoster([])).toEqual([]);
    expect(checkRoster([{ date: "2026-11-30", entries: fullDay() }])).toEqual([]);
  });

  it("an empty day: each shift said to be empty once, not twice (no leader, no commander)", () => {
    expect(checkRoster([{ date: "2026-11-30", entries: [] }])).toEqual([
      { kind: "shift_empty", date: "2026-11-30", shift: "NIGHT" },
      { kind: "shift_empty", date: "2026-11-30", shift: "DAY" },
      { kind: "shift_empty", date: "2026-11-30", shift: "EVENING" },
    ]);
  });

  it("a shift with operators only has no leader for any tier and no commander", () => {
    const entries = [...fullShift("NIGHT"), ...fullShift("EVENING"), { shift: "DAY" as const, role: "OPERATOR" as const, officerId: "o" }];
    expect(checkRoster([{ date: "2026-11-30", entries }])).toEqual([
      { kind: "no_duty_leader", date: "2026-11-30", shift: "DAY" },
      { kind: "no_supervising_leader", date: "2026-11-30", shift: "DAY" },
      { kind: "no_principal_leader", date: "2026-11-30", shift: "DAY" },
      { kind: "no_commander", date: "2026-11-30", shift: "DAY" },
    ]);
  });

  it("a missing supervising (Level II) or principal (Level I) leader is named by its tier", () => {
    const entries = fullDay().filter(
      (e) => !(e.shift === "NIGHT" && e.role === "SUPERVISING_LEADER") && !(e.shift === "EVENING" && e.role === "PRINCIPAL_LEADER"),
    );
    expect(checkRoster([{ date: "2026-11-30", entries }])).toEqual([
      { kind: "no_supervising_leader", date: "2026-11-30", shift: "NIGHT" },
      { kind: "no_principal_leader", date: "2026-11-30", shift: "EVENING" },
    ]);
  });

  it("a principal or supervising leader does not stand in for the duty leader", () => {
    const entries = fullDay().filter((e) => !(e.shift === "DAY" && e.role === "DUTY_LEADER"));
    expect(checkRoster([{ date: "2026-11-30", entries }])).toEqual([{ kind: "no_duty_leader", date: "2026-11-30", shift: "DAY" }]);
  });

  it("a missing commander alone", () => {
    const entries = fullDay().filter((e) => !(e.shift === "EVENING" && e.role === "COMMANDER"));
    expect(checkRoster([{ date: "2026-11-30", entries }])).toEqual([{ kind: "no_commander", date: "2026-11-30", shift: "EVENING" }]);
  });

  it("the same officer in two roles of one shift, with both roles named", () => {
    const entries = [...fullDay(), { shift: "NIGHT" as const, role: "OPERATOR" as const, officerId: "leader-0" }];
    expect(checkRoster([{ date: "2026-11-30", entries }])).toEqual([
      { kind: "twice_in_shift", date: "2026-11-30", shift: "NIGHT", officerId: "leader-0", roles: ["DUTY_LEADER", "OPERATOR"] },
    ]);
  });

  it("the same officer twice in one role of a shift", () => {
    const entries = [...fullDay(), { shift: "DAY" as const, role: "OPERATOR" as const, officerId: "operator-1" }];
    expect(checkRoster([{ date: "2026-11-30", entries }])).toEqual([
      { kind: "twice_in_shift", date: "2026-11-30", shift: "DAY", officerId: "operator-1", roles: ["OPERATOR", "OPERATOR"] },
    ]);
  });

  it("the same officer in two shifts of a day, or the same shift of two days, is no conflict", () => {
    const entries = [...fullDay(), { shift: "DAY" as const, role: "OPERATOR" as const, officerId: "leader-0" }];
    expect(checkRoster([{ date: "2026-11-30", entries }])).toEqual([]);
    expect(
      checkRoster([
        { date: "2026-11-30", entries: fullDay() },
        { date: "2026-12-01", entries: fullDay() },
      ]),
    ).toEqual([]);
  });

  it("warnings come day by day, in the order the shifts run", () => {
    const w = checkRoster([
      { date: "2026-11-30", entries: fullDay().filter((e) => e.shift !== "EVENING") },
      { date: "2026-12-01", entries: fullDay().filter((e) => e.shift !== "NIGHT") },
    ]);
    expect(w.map((x) => `${x.date} ${x.shift} ${x.kind}`)).toEqual(["2026-11-30 EVENING shift_empty", "2026-12-01 NIGHT shift_empty"]);
  });
});

describe("weekOf", () => {
  it("Monday to Sunday, whatever day of the week is given", () => {
    const week = ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29"];
    for (const day of week) expect(weekOf(day)).toEqual(week);
  });

  it("across a month and a year's end, and a leap day", () => {
    expect(weekOf("2027-01-01")).toEqual([
      "2026-12-28",
      "2026-12-29",
      "2026-12-30",
      "2026-12-31",
      "2027-01-01",
      "2027-01-02",
      "2027-01-03",
    ]);
    expect(weekOf("2028-02-29")[0]).toBe("2028-02-28");
    expect(weekOf("2028-02-29")[6]).toBe("2028-03-05");
  });
});

describe("addDays", () => {
  it("forwards and back across months", () => {
    expect(addDays("2026-11-30", 1)).toBe("2026-12-01");
    expect(addDays("2026-12-01", -7)).toBe("2026-11-24");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});

describe("copyWeek", () => {
  it("each day takes the same weekday of the week before; a day with nobody then keeps its own", () => {
    const week = weekOf("2026-12-02");
    const previous = [
      { date: "2026-11-23", entries: fullShift("DAY") },
      { date: "2026-11-24", entries: [] },
      { date: "2026-11-29", entries: fullShift("NIGHT", 9) },
    ];
    const current = week.map((date) => ({ date, entries: date === "2026-12-01" ? fullShift("EVENING", 5) : fullShift("DAY", 7) }));
    const copied = copyWeek(previous, current);
    expect(copied.map((d) => d.date)).toEqual(week);
    expect(copied[0]?.entries).toEqual(fullShift("DAY"));
    expect(copied[1]?.entries).toEqual(fullShift("EVENING", 5));
    expect(copied[6]?.entries).toEqual(fullShift("NIGHT", 9));
    expect(copied.slice(2, 6).every((d) => sameRosterDay(d.entries, fullShift("DAY", 7)))).toBe(true);
  });

  it("copies, so editing the copy leaves both weeks as they were", () => {
    const previous = [{ date: "2026-11-23", entries: fullShift("DAY") }];
    const current = [{ date: "2026-11-30", entries: [] }];
    const copied = copyWeek(previous, current);
    const first = copied[0]?.entries[0];
    if (first) first.officerId = "changed";
    expect(previous[0]?.entries[0]?.officerId).toBe("principal-0");
    expect(current[0]?.entries).toEqual([]);
  });
});

describe("sameRosterDay", () => {
  it("the same slots in another order are the same day; one more, one fewer or another officer is not", () => {
    const day = fullDay();
    const first = day[0] as RosterSlot;
    expect(sameRosterDay(day, [...day].reverse())).toBe(true);
    expect(sameRosterDay(day, day.slice(1))).toBe(false);
    expect(sameRosterDay(day, [...day, first])).toBe(false);
    expect(sameRosterDay(day, [{ ...first, officerId: "x" }, ...day.slice(1)])).toBe(false);
    expect(sameRosterDay([], [])).toBe(true);
  });
});
