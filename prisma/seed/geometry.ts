// Placing things on the demo map. Point-in-polygon, nearest and distances come from @onemap/domain;
// what is left here is laying out a made-up county: a point so many km north and east of another.
import type { LatLon } from "@onemap/domain";

const KM_PER_DEG_LAT = 111.32;
const kmPerDegLon = (lat: number) => 111.32 * Math.cos((lat * Math.PI) / 180);

export const offset = (from: LatLon, northKm: number, eastKm: number): LatLon => ({
  lat: from.lat + northKm / KM_PER_DEG_LAT,
  lon: from.lon + eastKm / kmPerDegLon(from.lat),
});

/** A point `km` out from `from` along a compass bearing (degrees clockwise from north). */
export const along = (from: LatLon, bearing: number, km: number): LatLon => {
  const a = (bearing * Math.PI) / 180;
  return offset(from, Math.cos(a) * km, Math.sin(a) * km);
};

/** Coordinates are stored to six decimals (about 0.1 m). */
export const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
