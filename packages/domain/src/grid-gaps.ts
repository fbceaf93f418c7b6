// Grids of one county should tile it without holes: a place enclosed by grids but inside none of them
// files its calls under no grid, and no grid's owner answers for it. The holes are the interior rings of
// the union of every grid in service; an administrator is warned, never refused (issue 12).
import type { GeoJsonPolygon } from "@onemap/shared";
import { area } from "@turf/area";
import { featureCollection, polygon as turfPolygon } from "@turf/helpers";
import { union } from "@turf/union";

export interface GridGap {
  /** the hole, as a polygon of its own (one ring) */
  polygon: GeoJsonPolygon;
  /** its area in square metres (geodesic, turf), rounded */
  areaM2: number;
}

/**
 * below this (m²) a hole is a slip of the pen between two hand-drawn borders, not a place a call falls
 * in: 10 m² is a parking space; drawing with snapping leaves none, drawing by eye leaves thin ones
 */
export const GAP_SLIVER_M2 = 10;

/** the holes enclosed by `grids` and covered by none of them, largest first (slivers below GAP_SLIVER_M2 left out) */
export function gridGaps(grids: readonly { polygon: GeoJsonPolygon }[]): GridGap[] {
  if (grids.length === 0) return [];
  const shapes = grids.map((g) => turfPolygon(g.polygon.coordinates));
  // union of one polygon returns it as is: its own holes are gaps too
  const merged = shapes.length === 1 ? shapes[0] : union(featureCollection(shapes));
  if (!merged) return [];
  const parts = merged.geometry.type === "Polygon" ? [merged.geometry.coordinates] : merged.geometry.coordinates;
  const gaps: GridGap[] = [];
  for (const rings of parts)
    for (const hole of rings.slice(1)) {
      const polygon: GeoJsonPolygon = { type: "Polygon", coordinates: [hole as [number, number][]] };
      const areaM2 = Math.round(area(turfPolygon(polygon.coordinates)));
      if (areaM2 >= GAP_SLIVER_M2) gaps.push({ polygon, areaM2 });
    }
  return gaps.sort((a, b) => b.areaM2 - a.areaM2);
}
