// Positions are stored in WGS-84 (what GPS devices send). Chinese tile providers draw in GCJ-02, so a
// board on such tiles converts every position it shows, and converts a clicked point back.
import type { CoordSystem } from "@onemap/shared";
import gcoord from "gcoord";

let system: CoordSystem = "WGS84";

export function setCoordSystem(next: CoordSystem) {
  system = next;
}

/** WGS-84 [lat, lon] → the map's [lat, lon] */
export function toMap(lat: number, lon: number, target: CoordSystem = system): [number, number] {
  if (target === "WGS84") return [lat, lon];
  const [x, y] = gcoord.transform([lon, lat], gcoord.WGS84, gcoord.GCJ02);
  return [y, x];
}

/** the map's [lat, lon] (a click) → WGS-84 [lat, lon], what the API stores */
export function fromMap(lat: number, lon: number, source: CoordSystem = system): [number, number] {
  if (source === "WGS84") return [lat, lon];
  const [x, y] = gcoord.transform([lon, lat], gcoord.GCJ02, gcoord.WGS84);
  return [y, x];
}
