import type { GeoJsonPolygon } from "@onemap/shared";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";

export interface LatLon {
  lat: number;
  lon: number;
}

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine; well under 0.5% error at county scale). */
export function distanceMeters(a: LatLon, b: LatLon): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Rough bounding box of a circle, for a cheap SQL pre-filter before the exact distance check. */
export function boundingBox(center: LatLon, radiusM: number): { minLat: number; maxLat: number; minLon: number; maxLon: number } {
  const dLat = radiusM / 111_320;
  const cos = Math.max(Math.cos(rad(center.lat)), 1e-6);
  const dLon = radiusM / (111_320 * cos);
  return { minLat: center.lat - dLat, maxLat: center.lat + dLat, minLon: center.lon - dLon, maxLon: center.lon + dLon };
}

export function pointInPolygon(point: LatLon, polygon: GeoJsonPolygon): boolean {
  return booleanPointInPolygon([point.lon, point.lat], polygon);
}

/** The first grid whose polygon holds the point (grids tile without overlap), or null outside them all. */
export function findGrid<G extends { polygon: GeoJsonPolygon }>(point: LatLon, grids: readonly G[]): G | null {
  for (const grid of grids) {
    if (pointInPolygon(point, grid.polygon)) return grid;
  }
  return null;
}

/** The nearest of some places (stations, units…), or null when there are none. */
export function nearest<P extends LatLon>(point: LatLon, places: readonly P[]): P | null {
  let best: P | null = null;
  let bestD = Number.POSITIVE_INFINITY;
  for (const place of places) {
    const d = distanceMeters(point, place);
    if (d < bestD) {
      bestD = d;
      best = place;
    }
  }
  return best;
}

/** Area-weighted centroid of a polygon's outer ring (planar; fine for a few km). */
export function polygonCentroid(polygon: GeoJsonPolygon): LatLon {
  const ring = polygon.coordinates[0] ?? [];
  // relative to the first vertex: products of raw degrees (~3300) would lose the digits that matter
  const [ox, oy] = ring[0] ?? [0, 0];
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const x0 = (ring[i]?.[0] ?? ox) - ox;
    const y0 = (ring[i]?.[1] ?? oy) - oy;
    const x1 = (ring[i + 1]?.[0] ?? ox) - ox;
    const y1 = (ring[i + 1]?.[1] ?? oy) - oy;
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (area === 0) return { lat: oy, lon: ox };
  return { lat: oy + cy / (3 * area), lon: ox + cx / (3 * area) };
}
