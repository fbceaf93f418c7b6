// The county's units, in the order their positions are drawn: every police station's patrols, the
// SWAT-patrol squads in town, the rapid-reaction cars, the HQ reserve and the traffic police.
import { COUNTY_SEAT, HQ_LOCATION, POLICE_STATIONS, ROADS } from "../county";
import { along, round6 } from "../geometry";
import type { Rng } from "../rng";
import { type Fleet, startFleet, type UnitPlan } from "./fleet";
import { type GridRow, randomPointIn } from "./grids";
import type { Force, OfficerRow } from "./officers";
import { groupId } from "./reinforcement-groups";
import { type StationRow, stationId } from "./stations";

interface Town {
  stations: readonly StationRow[];
  grids: readonly GridRow[];
  force: Force;
}
type Add = (plan: UnitPlan) => void;

const PATROL_PREFIX = { CAR: "巡", MOTORCYCLE: "摩", FOOT: "步" } as const;

export function buildUnits(rng: Rng, town: Town, now: Date): Fleet {
  const { fleet, add } = startFleet(rng, new Date(now.getTime() - 5_000));
  stationPatrols(rng, town, add);
  swatSquads(rng, town, add);
  rapidReaction(town.force, add);
  hqReserve(town.force, add);
  trafficCars(town.force, add);
  return fleet;
}

/** Cars at every station; in town also two motorcycles and two foot patrols. Each rides one of the station's grids. */
function stationPatrols(rng: Rng, { stations, grids, force }: Town, add: Add) {
  for (const s of POLICE_STATIONS) {
    const id = stationId(s.code);
    const station = stations.find((st) => st.id === id) as StationRow;
    const cops = force.police(id).slice(2); // the chief and the instructor do not ride patrol
    const aux = force.auxiliaries(id);
    const ownGrids = grids.filter((g) => g.stationId === id);
    const cars = Array<"CAR">(s.patrolCars).fill("CAR");
    const kinds = s.urban ? [...cars, "MOTORCYCLE" as const, "MOTORCYCLE" as const, "FOOT" as const, "FOOT" as const] : cars;
    kinds.forEach((kind, i) => {
      const members = [
        cops[i % Math.max(cops.length, 1)],
        aux[(i * 2) % Math.max(aux.length, 1)],
        ...(kind === "CAR" ? [aux[(i * 2 + 1) % Math.max(aux.length, 1)]] : []),
      ].filter((m): m is OfficerRow => m !== undefined);
      const grid = ownGrids.length > 0 ? ownGrids[i % ownGrids.length] : undefined;
      const at = grid
        ? randomPointIn(rng, grid)
        : { lat: round6(station.lat + rng.between(-0.01, 0.01)), lon: round6(station.lon + rng.between(-0.01, 0.01)) };
      add({
        id: `un-${s.code.toLowerCase()}-${kind.toLowerCase()}-${i + 1}`,
        callsign: `${s.name.slice(0, 2)}${PATROL_PREFIX[kind]}${String(i + 1).padStart(2, "0")}`,
        kind,
        homeStationId: id,
        gridId: grid?.id ?? null,
        members,
        at,
      });
    });
  }
}

/** The 特巡警大队's first 40 officers: four squads of five at each urban station, in every other grid. */
function swatSquads(rng: Rng, { grids, force }: Town, add: Add) {
  const swat = force.police(stationId("TXJ"));
  for (const [si, station] of [
    { code: "DC", side: "东" },
    { code: "BC", side: "北" },
  ].entries()) {
    const ownGrids = grids.filter((g) => g.stationId === stationId(station.code));
    for (let q = 0; q < 4; q++) {
      const grid = ownGrids[(q * 2) % ownGrids.length];
      add({
        id: `un-swat-${station.code.toLowerCase()}-${q + 1}`,
        callsign: `特巡${station.side}${q + 1}`,
        kind: "SWAT",
        homeStationId: stationId(station.code),
        gridId: grid?.id ?? null,
        members: swat.slice(si * 20 + q * 5, si * 20 + q * 5 + 5),
        reinforcementGroupId: groupId("SWAT_ASSAULT"),
        at: grid ? randomPointIn(rng, grid) : HQ_LOCATION,
      });
    }
  }
}

/** 快速反应分队: three cars of criminal-investigation and public-order police, at HQ. */
function rapidReaction(force: Force, add: Add) {
  const rapid = [...force.police(stationId("XZ")).slice(2, 8), ...force.police(stationId("ZA")).slice(2, 8)];
  for (let q = 0; q < 3; q++) {
    add({
      id: `un-rapid-${q + 1}`,
      callsign: `快反${q + 1}`,
      kind: "CAR",
      homeStationId: stationId(q < 2 ? "XZ" : "ZA"),
      gridId: null,
      members: rapid.slice(q * 4, q * 4 + 4),
      reinforcementGroupId: groupId("RAPID_REACTION"),
      at: { lat: round6(HQ_LOCATION.lat + q * 0.0002), lon: HQ_LOCATION.lon },
    });
  }
}

/** 机关应急处突预备队: four teams of six drawn from the HQ offices. */
function hqReserve(force: Force, add: Add) {
  const offices = ["ZZC", "JWBZ", "FZ", "JZ", "JD", "WA", "JJ", "QB"];
  const reserve = offices.flatMap((code) => force.police(stationId(code)).slice(1, 4));
  for (let q = 0; q < 4; q++) {
    add({
      id: `un-reserve-${q + 1}`,
      callsign: `预备${q + 1}`,
      kind: "FOOT",
      homeStationId: stationId("ZZC"),
      gridId: null,
      members: reserve.slice(q * 6, q * 6 + 6),
      reinforcementGroupId: groupId("HQ_RESERVE"),
      at: { lat: HQ_LOCATION.lat, lon: round6(HQ_LOCATION.lon + q * 0.0002) },
    });
  }
}

/** Four traffic-police cars, 3 km out on every other road. */
function trafficCars(force: Force, add: Add) {
  const traffic = force.police(stationId("JJDD"));
  for (let q = 0; q < 4; q++) {
    add({
      id: `un-traffic-${q + 1}`,
      callsign: `交巡${q + 1}`,
      kind: "CAR",
      homeStationId: stationId("JJDD"),
      gridId: null,
      members: traffic.slice(2 + q * 2, 4 + q * 2),
      at: along(COUNTY_SEAT, (ROADS[q * 2] ?? ROADS[0])?.bearing ?? 0, 3),
    });
  }
}
