import type { GeoJsonPolygon } from "@onemap/shared";
import { describe, expect, it } from "vitest";
import { gridOverlaps, selfIntersects } from "./grid-overlaps";

/** an axis-aligned box, degrees */
const box = (w: number, s: number, e: number, n: number): GeoJsonPolygon => ({
  type: "Polygon",
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

describe("gridOverlaps", () => {
  const a = { id: "a", polygon: box(115, 28, 115.01, 28.01) };
  it("no others, no overlaps", () => expect(gridOverlaps(box(115, 28, 115.01, 28.01), [])).toEqual([]));
  it("a neighbour sharing only a border is not an overlap", () => expect(gridOverlaps(box(115.01, 28, 115.02, 28.01), [a])).toEqual([]));
  it("a grid apart is not an overlap", () => expect(gridOverlaps(box(116, 29, 116.01, 29.01), [a])).toEqual([]));
  it("half over a grid: the shared area is half of it (about 1.1 km × 0.49 km)", () => {
    const [hit, ...rest] = gridOverlaps(box(115.005, 28, 115.015, 28.01), [a]);
    expect(rest).toEqual([]);
    expect(hit?.grid.id).toBe("a");
    const whole = gridOverlaps(a.polygon, [a])[0]?.areaM2 ?? 0;
    expect(whole).toBeGreaterThan(1_000_000);
    expect(hit?.areaM2).toBeGreaterThan(whole * 0.49);
    expect(hit?.areaM2).toBeLessThan(whole * 0.51);
  });
  it("every grid overlapped, largest first", () => {
    const b = { id: "b", polygon: box(115.009, 28, 115.02, 28.01) };
    expect(gridOverlaps(box(115.005, 28, 115.01, 28.01), [b, a]).map((o) => o.grid.id)).toEqual(["a", "b"]);
  });
});

describe("selfIntersects", () => {
  it("a box does not", () => expect(selfIntersects(box(115, 28, 115.01, 28.01))).toBe(false));
  it("a bow tie does", () =>
    expect(
      selfIntersects({
        type: "Polygon",
        coordinates: [
          [
            [115, 28],
            [115.01, 28.01],
            [115.01, 28],
            [115, 28.01],
            [115, 28],
          ],
        ],
      }),
    ).toBe(true));
});
