import { distanceMeters, pointInPolygon } from "@onemap/domain";
import type { GeoJsonPolygon } from "@onemap/shared";
import { describe, expect, it } from "vitest";
import { type Area, bearingDegrees, PATROL_SPEED_KMH, startState, step, type UnitState } from "./patrol";

function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

const polygon: GeoJsonPolygon = {
  type: "Polygon",
  coordinates: [
    [
      [106.4, 31.02],
      [106.41, 31.021],
      [106.409, 31.03],
      [106.401, 31.029],
      [106.4, 31.02],
    ],
  ],
};
const grid: Area = { kind: "polygon", polygon };

describe("bearingDegrees", () => {
  it.each([
    [{ lat: 31.01, lon: 106.4 }, 0],
    [{ lat: 31, lon: 106.41 }, 90],
    [{ lat: 30.99, lon: 106.4 }, 180],
    [{ lat: 31, lon: 106.39 }, 270],
  ])("toward %o is %d°", (to, expected) => {
    expect(bearingDegrees({ lat: 31, lon: 106.4 }, to)).toBeCloseTo(expected, 0);
  });
});

describe("a patrolling car", () => {
  it("stays inside its grid for an hour of 5-second reports, at town speeds, heading where it goes", () => {
    const random = seeded(7);
    let s = startState({ lat: 31.025, lon: 106.405 }, grid, "CAR", random);
    const [lo, hi] = PATROL_SPEED_KMH.CAR;
    let moved = 0;
    for (let i = 0; i < 720; i++) {
      const next = step(s, grid, "CAR", 5000, random);
      const d = distanceMeters(s, next);
      moved += d;
      expect(pointInPolygon(next, polygon)).toBe(true);
      expect(d).toBeLessThanOrEqual((hi / 3.6) * 5 + 0.01);
      expect(next.speed).toBeGreaterThanOrEqual(lo);
      expect(next.speed).toBeLessThanOrEqual(hi);
      s = next;
    }
    expect(moved / 1000).toBeGreaterThan(lo); // more than an hour at the lowest speed's worth of km
  });

  it("heads straight for its destination when dispatched, faster, and stops there", () => {
    const random = seeded(3);
    let s: UnitState = { ...startState({ lat: 31.025, lon: 106.405 }, grid, "CAR", random), destination: { lat: 31.035, lon: 106.42 } };
    const start = distanceMeters(s, { lat: 31.035, lon: 106.42 });
    const expectedBearing = bearingDegrees(s, { lat: 31.035, lon: 106.42 });
    s = step(s, grid, "CAR", 5000, random);
    expect(s.heading).toBeCloseTo(expectedBearing, 0);
    expect(start - distanceMeters(s, { lat: 31.035, lon: 106.42 })).toBeCloseTo((50 / 3.6) * 5, 0);
    for (let i = 0; i < 200; i++) s = step(s, grid, "CAR", 5000, random);
    expect(distanceMeters(s, { lat: 31.035, lon: 106.42 })).toBeLessThan(1);
    expect(s.speed).toBe(0);
  });

  it("walks on foot at walking pace", () => {
    const random = seeded(11);
    let s = startState({ lat: 31.025, lon: 106.405 }, grid, "FOOT", random);
    const next = step(s, grid, "FOOT", 10_000, random);
    expect(distanceMeters(s, next)).toBeLessThanOrEqual((5.5 / 3.6) * 10 + 0.01);
    s = next;
  });
});
