// 368 cameras: 天网 dense in the town centre and four at each township, 治安卡口 where the roads
// leave town and at the townships' entrances, 交通卡口 along the roads and at the town's junctions.
// A camera belongs to the grid it stands in, else to the nearest police station.
import { findGrid, type LatLon, nearest } from "@onemap/domain";
import type { CameraKind } from "@onemap/shared";
import type { Prisma } from "../../src/index";
import { CAMERA_COUNTS, COUNTY_SEAT, GRID_COLUMNS, GRID_ROWS, POLICE_STATIONS, ROADS, TOWN_BOUNDS } from "../county";
import { along, offset, round6 } from "../geometry";
import type { Rng } from "../rng";
import type { GridRow, TownGrids } from "./grids";
import type { StationRow } from "./stations";

type CameraRow = Prisma.CameraCreateManyInput;
type Add = (kind: CameraKind, name: string, at: LatLon) => void;

const TRAFFIC_CHECKPOINT_KM = [1.5, 4, 8, 14];

export function buildCameras(rng: Rng, stations: readonly StationRow[], town: TownGrids): CameraRow[] {
  const cameras: CameraRow[] = [];
  const policeStations = stations.filter((s) => s.kind === "POLICE_STATION");
  const add: Add = (kind, name, at) => {
    const n = cameras.length + 1;
    const point = { lat: round6(at.lat), lon: round6(at.lon) };
    const grid = findGrid(point, town.grids);
    cameras.push({
      id: `cam-${String(n).padStart(3, "0")}`,
      code: `51132400${String(n).padStart(4, "0")}`,
      name,
      kind,
      status: rng.next() < 0.04 ? "OFFLINE" : "ONLINE",
      ...point,
      gridId: grid?.id ?? null,
      stationId: grid?.stationId ?? (nearest(point, policeStations) as StationRow).id,
    });
  };
  const townships = POLICE_STATIONS.filter((s) => !s.urban).map((s) => stations.find((st) => st.code === s.code) as StationRow);
  skynet(rng, townships, town.grids, add);
  securityCheckpoints(rng, townships, add);
  trafficCheckpoints(rng, town, add);
  return cameras;
}

function skynet(rng: Rng, townships: readonly StationRow[], grids: readonly GridRow[], add: Add) {
  const perTownship = 4;
  for (let i = 0; i < CAMERA_COUNTS.SKYNET - townships.length * perTownship; i++) {
    // a normal distribution around the centre, clipped to the town: dense in the old town
    let p: LatLon;
    do {
      p = offset(COUNTY_SEAT, rng.normal() * 0.7, rng.normal() * 1.1);
    } while (p.lat < TOWN_BOUNDS.south || p.lat > TOWN_BOUNDS.north || p.lon < TOWN_BOUNDS.west || p.lon > TOWN_BOUNDS.east);
    add("SKYNET", `天网-${findGrid(p, grids)?.name ?? "城区"}-${String(i + 1).padStart(3, "0")}`, p);
  }
  for (const st of townships) {
    for (let k = 0; k < perTownship; k++)
      add("SKYNET", `天网-${st.name.slice(0, 2)}场镇-${k + 1}`, offset(st, rng.between(-0.6, 0.6), rng.between(-0.6, 0.6)));
  }
}

/** where each road leaves town (in and out), and two at each township's entrance */
function securityCheckpoints(rng: Rng, townships: readonly StationRow[], add: Add) {
  for (const road of ROADS) {
    for (const [k, dir] of ["出城", "进城"].entries())
      add("SECURITY_CHECKPOINT", `治安卡口-${road.name}-${dir}`, along(COUNTY_SEAT, road.bearing, 2.2 + k * 0.05));
  }
  for (const st of townships) {
    for (let k = 0; k < 2; k++)
      add("SECURITY_CHECKPOINT", `治安卡口-${st.name.slice(0, 2)}-${k + 1}`, offset(st, rng.between(-1, 1), rng.between(-1, 1)));
  }
}

/** along each road out of town, the rest at the town's inner junctions */
function trafficCheckpoints(rng: Rng, town: TownGrids, add: Add) {
  for (const road of ROADS) {
    for (const km of TRAFFIC_CHECKPOINT_KM) add("TRAFFIC_CHECKPOINT", `交通卡口-${road.name}-K${km}`, along(COUNTY_SEAT, road.bearing, km));
  }
  const junctions = CAMERA_COUNTS.TRAFFIC_CHECKPOINT - ROADS.length * TRAFFIC_CHECKPOINT_KM.length;
  for (let i = 0; i < junctions; i++) {
    const r = 1 + (i % (GRID_ROWS - 1));
    const c = 1 + (Math.floor(i / (GRID_ROWS - 1)) % (GRID_COLUMNS - 1));
    const [lon, lat] = town.vertex(r, c);
    add("TRAFFIC_CHECKPOINT", `交通卡口-路口${i + 1}`, {
      lat: lat + rng.between(-0.0006, 0.0006),
      lon: lon + rng.between(-0.0006, 0.0006),
    });
  }
}
