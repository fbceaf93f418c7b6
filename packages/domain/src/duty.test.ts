import { describe, expect, it } from "vitest";
import { chinaDate, chinaDateTime, shiftAt } from "./duty";

describe("chinaDate", () => {
  it("rolls over at 16:00 UTC (midnight in China)", () => {
    expect(chinaDate(new Date("2026-11-28T15:59:59Z"))).toBe("2026-11-28");
    expect(chinaDate(new Date("2026-11-28T16:00:00Z"))).toBe("2026-11-29");
  });
});

describe("chinaDateTime", () => {
  it("writes the moment on the county's clock, seconds and all", () => {
    expect(chinaDateTime(new Date("2026-11-28T15:59:59.900Z"))).toBe("2026-11-28 23:59:59");
    expect(chinaDateTime(new Date("2026-11-28T16:00:00Z"))).toBe("2026-11-29 00:00:00");
  });
});

describe("shiftAt", () => {
  it.each([
    ["2026-11-28T00:00:00Z", "DAY"], // 08:00 CST
    ["2026-11-28T07:59:59Z", "DAY"], // 15:59 CST
    ["2026-11-28T08:00:00Z", "EVENING"], // 16:00 CST
    ["2026-11-28T15:59:59Z", "EVENING"], // 23:59 CST
    ["2026-11-28T16:00:00Z", "NIGHT"], // 00:00 CST
    ["2026-11-28T23:59:59Z", "NIGHT"], // 07:59 CST
  ])("%s is the %s shift", (iso, shift) => {
    expect(shiftAt(new Date(iso))).toBe(shift);
  });
});
