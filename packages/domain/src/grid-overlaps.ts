// Grids of one county should tile it: an overlap means a call there could be filed under either
// (findGrid takes the first). An administrator is warned, not refused — a boundary drawn by hand is
// rarely exact, and the workbook tolerates the same (issue 12).
import type { GeoJsonPolygon } from "@onemap/shared";
import { area } from "@turf/area";
import { featureCollection, polygon as turfPolygon } from "@turf/helpers";
import { intersect } from "@turf/intersect";
import { kinks } from "@turf/kinks";

export interface GridOverlap<G> {
  grid: G;
  /** the shared area in square metres (geodesic, turf) */
  areaM2: number;
  /** the shared area itself, one polygon per piece (to be drawn) */
  parts: GeoJsonPolygon[];
}

/**
 * below this (m²) two grids only touch along a border, as neighbours do: not an overlap. A vertex
 * snapped to a neighbour's edge is stored to 6 decimals (~0.1 m), which leaves a sliver of a few m²
 * along a shared edge; the same threshold as the gaps' (GAP_SLIVER_M2)
 */
const TOUCHING_M2 = 10;

/** every grid of `others` whose polygon shares an area with `polygon`, largest first */
export function gridOverlaps<G extends { polygon: GeoJsonPolygon }>(polygon: GeoJsonPolygon, others: readonly G[]): GridOverlap<G>[] {
  const shape = turfPolygon(polygon.coordinates);
  const found: GridOverlap<G>[] = [];
  for (const grid of others) {
    const shared = intersect(featureCollection([shape, turfPolygon(grid.polygon.coordinates)]));
    const areaM2 = shared ? Math.round(area(shared)) : 0;
    if (!shared || areaM2 < TOUCHING_M2) continue;
    const g = shared.geometry;
    const pieces = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
    found.push({ grid, areaM2, parts: pieces.map((rings) => ({ type: "Polygon", coordinates: rings as [number, number][][] })) });
  }
  return found.sort((a, b) => b.areaM2 - a.areaM2);
}

/** whether a ring crosses itself (a bow tie): such a polygon has no inside a call could be placed in */
export const selfIntersects = (polygon: GeoJsonPolygon): boolean => kinks(turfPolygon(polygon.coordinates)).features.length > 0;
