// The county town's 18 patrol grids: a 6 × 3 lattice over the town whose inner vertices are
// jittered, so that neighbours share edges (no gaps, no overlaps).
import { type LatLon, pointInPolygon } from "@onemap/domain";
import type { GeoJsonPolygon } from "@onemap/shared";
import { GRID_COLUMNS, GRID_NAMES, GRID_ROWS, TOWN_BOUNDS } from "../county";
import { round6 } from "../geometry";
import type { Rng } from "../rng";
import type { OfficerRow } from "./officers";
import { stationId } from "./stations";

/** A grid row, its polygon typed (findGrid reads it) */
export interface GridRow {
  id: string;
  code: string;
  name: string;
  stationId: string;
  polygon: GeoJsonPolygon;
  centerLat: number;
  centerLon: number;
  ownerOfficerId?: string | null;
}

type Position = [lon: number, lat: number];

export interface TownGrids {
  grids: GridRow[];
  /** a vertex of the lattice: row r (0 = north edge), column c (0 = west edge); inner ones are street junctions */
  vertex(r: number, c: number): Position;
}

export function buildGrids(rng: Rng): TownGrids {
  const lattice: Position[][] = [];
  const dLat = (TOWN_BOUNDS.north - TOWN_BOUNDS.south) / GRID_ROWS;
  const dLon = (TOWN_BOUNDS.east - TOWN_BOUNDS.west) / GRID_COLUMNS;
  for (let r = 0; r <= GRID_ROWS; r++) {
    const row: Position[] = [];
    for (let c = 0; c <= GRID_COLUMNS; c++) {
      const inner = r > 0 && r < GRID_ROWS && c > 0 && c < GRID_COLUMNS;
      const lat = TOWN_BOUNDS.north - r * dLat + (inner ? rng.between(-0.2, 0.2) * dLat : 0);
      const lon = TOWN_BOUNDS.west + c * dLon + (inner ? rng.between(-0.2, 0.2) * dLon : 0);
      row.push([round6(lon), round6(lat)]);
    }
    lattice.push(row);
  }
  const vertex = (r: number, c: number) => lattice[r]?.[c] as Position;
  const grids = GRID_NAMES.map((name, i): GridRow => {
    const r = Math.floor(i / GRID_COLUMNS);
    const c = i % GRID_COLUMNS;
    const corners = [vertex(r, c), vertex(r, c + 1), vertex(r + 1, c + 1), vertex(r + 1, c)];
    const number = String(i + 1).padStart(2, "0");
    return {
      id: `gr-${number}`,
      code: `PA-G${number}`,
      name,
      // the west half of town belongs to 北城, the east half to 东城: nine grids each
      stationId: stationId(c < GRID_COLUMNS / 2 ? "BC" : "DC"),
      polygon: { type: "Polygon", coordinates: [[...corners, vertex(r, c)]] },
      centerLat: round6(corners.reduce((sum, p) => sum + p[1], 0) / 4),
      centerLon: round6(corners.reduce((sum, p) => sum + p[0], 0) / 4),
    };
  });
  return { grids, vertex };
}

/** Each grid's owner: one community officer (社区民警) of the owning station per grid, in order. */
export function withOwners(grids: readonly GridRow[], police: (stationId: string) => OfficerRow[]): GridRow[] {
  return grids.map((g) => {
    const nth = grids.filter((other) => other.stationId === g.stationId).indexOf(g);
    const community = police(g.stationId).filter((o) => o.title === "社区民警");
    return { ...g, ownerOfficerId: community[nth]?.id ?? null };
  });
}

/** A uniformly random point inside a grid (rejection sampling over its bounding box), to six decimals. */
export function randomPointIn(rng: Rng, grid: GridRow): LatLon {
  const ring = grid.polygon.coordinates[0] ?? [];
  const lons = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  for (;;) {
    const point = { lat: rng.between(Math.min(...lats), Math.max(...lats)), lon: rng.between(Math.min(...lons), Math.max(...lons)) };
    if (pointInPolygon(point, grid.polygon)) return { lat: round6(point.lat), lon: round6(point.lon) };
  }
}
