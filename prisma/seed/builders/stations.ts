// The 12 police stations around the county seat, then the bureau's 18 internal units at HQ.
import type { Prisma } from "../../src/index";
import { COUNTY_SEAT, HQ_LOCATION, HQ_UNITS, POLICE_STATIONS } from "../county";
import { offset, round6 } from "../geometry";
import type { Rng } from "../rng";

export type StationRow = Prisma.StationCreateManyInput;

export const stationId = (code: string) => `st-${code.toLowerCase()}`;

export function buildStations(rng: Rng): StationRow[] {
  const police = POLICE_STATIONS.map((s): StationRow => {
    const at = offset(COUNTY_SEAT, s.northKm, s.eastKm);
    return {
      id: stationId(s.code),
      code: s.code,
      name: s.name,
      kind: "POLICE_STATION",
      urban: s.urban,
      lat: round6(at.lat),
      lon: round6(at.lon),
      phone: `0817-86${String(rng.int(10000, 99999))}`,
      address: `蓬安县${s.name.replace("派出所", "")}`,
    };
  });
  const hq = HQ_UNITS.map(
    (h): StationRow => ({
      id: stationId(h.code),
      code: h.code,
      name: h.name,
      kind: "HQ_UNIT",
      urban: true,
      lat: HQ_LOCATION.lat,
      lon: HQ_LOCATION.lon,
      phone: null,
      address: "蓬安县公安局",
    }),
  );
  return [...police, ...hq];
}
