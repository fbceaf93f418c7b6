import type { GeoJsonPolygon } from "@onemap/shared";
import { describe, expect, it } from "vitest";
import { GAP_SLIVER_M2, gridGaps } from "./grid-gaps";

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
const g = (polygon: GeoJsonPolygon) => ({ polygon });
/** a ring of four grids around the box 115.01–115.02 × 28.01–28.02 (about 980 m × 1.1 km), which none covers */
const ring = [
  g(box(115, 28, 115.03, 28.01)),
  g(box(115, 28.02, 115.03, 28.03)),
  g(box(115, 28.01, 115.01, 28.02)),
  g(box(115.02, 28.01, 115.03, 28.02)),
];

describe("gridGaps", () => {
  it("no grids, no gaps", () => expect(gridGaps([])).toEqual([]));
  it("one grid without a hole", () => expect(gridGaps([g(box(115, 28, 115.01, 28.01))])).toEqual([]));
  it("neighbours sharing a border leave no gap", () =>
    expect(gridGaps([g(box(115, 28, 115.01, 28.01)), g(box(115.01, 28, 115.02, 28.01))])).toEqual([]));
  it("grids apart enclose nothing: the land between them is outside the county's grids, not a gap", () =>
    expect(gridGaps([g(box(115, 28, 115.01, 28.01)), g(box(115.05, 28, 115.06, 28.01))])).toEqual([]));
  it("a ring of grids around an uncovered block: that block, with its area", () => {
    const [gap, ...rest] = gridGaps(ring);
    expect(rest).toEqual([]);
    expect(gap?.areaM2).toBeGreaterThan(1_000_000);
    expect(gap?.areaM2).toBeLessThan(1_200_000);
    const lons = gap?.polygon.coordinates[0]?.map(([lon]) => lon) ?? [];
    const lats = gap?.polygon.coordinates[0]?.map(([, lat]) => lat) ?? [];
    expect(Math.min(...lons)).toBeCloseTo(115.01, 9);
    expect(Math.max(...lons)).toBeCloseTo(115.02, 9);
    expect(Math.min(...lats)).toBeCloseTo(28.01, 9);
    expect(Math.max(...lats)).toBeCloseTo(28.02, 9);
  });
  it("the block filled by a fifth grid: no gap", () => expect(gridGaps([...ring, g(box(115.01, 28.01, 115.02, 28.02))])).toEqual([]));
  it("the block half filled: the other half", () => {
    const [gap, ...rest] = gridGaps([...ring, g(box(115.01, 28.01, 115.015, 28.02))]);
    expect(rest).toEqual([]);
    expect(gap?.areaM2).toBeGreaterThan(500_000);
    expect(gap?.areaM2).toBeLessThan(600_000);
  });
  it("overlapping grids around the block still leave it a gap", () =>
    expect(gridGaps([...ring, g(box(115.005, 28.005, 115.012, 28.012))])).toHaveLength(1));
  it("a grid's own hole that no other grid fills is a gap; one another grid fills is not", () => {
    const donut: GeoJsonPolygon = {
      type: "Polygon",
      coordinates: [box(115, 28, 115.03, 28.03).coordinates[0] ?? [], box(115.01, 28.01, 115.02, 28.02).coordinates[0] ?? []],
    };
    expect(gridGaps([g(donut)])).toHaveLength(1);
    expect(gridGaps([g(donut), g(box(115.01, 28.01, 115.02, 28.02))])).toEqual([]);
  });
  it(`a sliver below ${GAP_SLIVER_M2} m² between hand-drawn borders is not a gap`, () => {
    // a hole 0.00001° × 0.00001° (about 1 m × 1.1 m)
    const e = 0.00001;
    const sliverRing = [
      g(box(115, 28, 115.01 + e, 28.01)),
      g(box(115, 28.01 + e, 115.01 + e, 28.02)),
      g(box(115, 28.01, 115.01, 28.01 + e)),
      g(box(115.01 + e, 28, 115.02, 28.02)),
    ];
    expect(gridGaps(sliverRing)).toEqual([]);
  });
  it("every gap, largest first", () => {
    const two = [...ring, ...ring.map((r) => g(box(...shift(r.polygon))))];
    const gaps = gridGaps([...two.slice(0, 4), ...two.slice(4), g(box(115.1, 28.01, 115.115, 28.02))]);
    expect(gaps).toHaveLength(2);
    expect(gaps[0]?.areaM2).toBeGreaterThan(gaps[1]?.areaM2 ?? Number.POSITIVE_INFINITY);
  });
});

/** the same box 0.1° east */
function shift(p: GeoJsonPolygon): [number, number, number, number] {
  const pts = p.coordinates[0] ?? [];
  const lons = pts.map(([lon]) => lon + 0.1);
  const lats = pts.map(([, lat]) => lat);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}
