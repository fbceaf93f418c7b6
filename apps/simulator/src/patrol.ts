// How a simulated unit moves: patrol loops between random points inside its grid (or around its
// post when it has none) at a speed for its kind, or straight to a destination when dispatched.
import { distanceMeters, type LatLon, pointInPolygon } from "@onemap/domain";
import type { GeoJsonPolygon, UnitKind } from "@onemap/shared";

/** patrol speeds in km/h: [min, max] (county-town traffic, not highways) */
export const PATROL_SPEED_KMH: Record<UnitKind, [number, number]> = {
  CAR: [20, 40],
  MOTORCYCLE: [15, 30],
  FOOT: [3.5, 5.5],
  SWAT: [20, 35],
};
/** heading to an incident: faster, lights on */
const RESPONSE_SPEED_KMH: Record<UnitKind, number> = { CAR: 50, MOTORCYCLE: 40, FOOT: 7, SWAT: 50 };

export type Area = { kind: "polygon"; polygon: GeoJsonPolygon } | { kind: "circle"; center: LatLon; radiusM: number };

export interface UnitState {
  lat: number;
  lon: number;
  heading: number;
  /** km/h */
  speed: number;
  target: LatLon;
  destination: LatLon | null;
}

export type Random = () => number;

const M_PER_DEG_LAT = 111_320;
const rad = (d: number) => (d * Math.PI) / 180;

export function bearingDegrees(from: LatLon, to: LatLon): number {
  const y = Math.sin(rad(to.lon - from.lon)) * Math.cos(rad(to.lat));
  const x =
    Math.cos(rad(from.lat)) * Math.sin(rad(to.lat)) - Math.sin(rad(from.lat)) * Math.cos(rad(to.lat)) * Math.cos(rad(to.lon - from.lon));
  return ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360;
}

function randomPointIn(area: Area, random: Random): LatLon {
  if (area.kind === "circle") {
    const r = area.radiusM * Math.sqrt(random());
    const a = random() * 2 * Math.PI;
    return {
      lat: area.center.lat + (r * Math.cos(a)) / M_PER_DEG_LAT,
      lon: area.center.lon + (r * Math.sin(a)) / (M_PER_DEG_LAT * Math.cos(rad(area.center.lat))),
    };
  }
  const ring = area.polygon.coordinates[0] ?? [];
  const lons = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  for (let i = 0; i < 1000; i++) {
    const p = { lat: minLat + random() * (maxLat - minLat), lon: minLon + random() * (maxLon - minLon) };
    if (pointInPolygon(p, area.polygon)) return p;
  }
  return { lat: (minLat + maxLat) / 2, lon: (minLon + maxLon) / 2 };
}

export function startState(at: LatLon, area: Area, kind: UnitKind, random: Random): UnitState {
  const [lo, hi] = PATROL_SPEED_KMH[kind];
  const target = randomPointIn(area, random);
  return { lat: at.lat, lon: at.lon, heading: bearingDegrees(at, target), speed: lo + random() * (hi - lo), target, destination: null };
}

/** Moves a unit `dtMs` along: toward its destination if it has one, else along its patrol. */
export function step(state: UnitState, area: Area, kind: UnitKind, dtMs: number, random: Random): UnitState {
  const goal = state.destination ?? state.target;
  const speed = state.destination ? RESPONSE_SPEED_KMH[kind] : state.speed;
  const travel = (speed / 3.6) * (dtMs / 1000);
  const remaining = distanceMeters(state, goal);
  if (remaining <= travel) {
    if (state.destination) return { ...state, lat: goal.lat, lon: goal.lon, speed: 0 }; // on scene: waits there
    const [lo, hi] = PATROL_SPEED_KMH[kind];
    const target = randomPointIn(area, random);
    return { ...state, lat: goal.lat, lon: goal.lon, target, heading: bearingDegrees(goal, target), speed: lo + random() * (hi - lo) };
  }
  const f = travel / remaining;
  const next = { lat: state.lat + (goal.lat - state.lat) * f, lon: state.lon + (goal.lon - state.lon) * f };
  return { ...state, ...next, heading: bearingDegrees(state, goal), speed };
}
