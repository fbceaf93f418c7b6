// The bureau's 275 police (the report's age bands and posts: HQ, stations, lock-ups) and the
// stations' auxiliaries (辅警), numbered in one badge sequence.
import type { Prisma } from "../../src/index";
import { AGE_BANDS, AGE_REFERENCE_YEAR, GIVEN, HQ_UNITS, POLICE_STATIONS, STATION_AUXILIARIES, STATION_POLICE, SURNAMES } from "../county";
import type { Rng } from "../rng";
import { stationId } from "./stations";

export type OfficerRow = Prisma.OfficerCreateManyInput;

export interface Force {
  officers: OfficerRow[];
  /** a station's police (not auxiliaries), in badge order: the chief first */
  police(stationId: string): OfficerRow[];
  auxiliaries(stationId: string): OfficerRow[];
}

type Post = "HQ" | "STATION" | "DETENTION";

const hqTitle = (unit: (typeof HQ_UNITS)[number], i: number) => {
  if (unit.code === "JK") return i === 0 ? "局长" : "政委";
  if (i === 0) return unit.detention ? "所长" : "大队长";
  return i === 1 ? "副大队长" : null;
};

const stationTitle = (urban: boolean, i: number) => {
  if (i === 0) return "所长";
  if (i === 1) return "教导员";
  return i < (urban ? 11 : 3) ? "社区民警" : null;
};

export function buildOfficers(rng: Rng): Force {
  const nameOf = () => `${rng.pick([...SURNAMES])}${rng.pick([...GIVEN])}${rng.next() < 0.6 ? rng.pick([...GIVEN]) : ""}`;
  const phoneOf = () => `139${String(rng.int(0, 99_999_999)).padStart(8, "0")}`;
  const ages = rng.shuffle(AGE_BANDS.flatMap((band) => Array.from({ length: band.count }, () => rng.int(band.minAge, band.maxAge))));
  let nextAge = 0;
  const officers: OfficerRow[] = [];
  const add = (stationId: string, post: Post, auxiliary: boolean, title: string | null) => {
    const badge = officers.length + 1;
    const age = auxiliary ? rng.int(22, 45) : (ages[nextAge++] ?? 40);
    const name = nameOf();
    officers.push({
      id: `of-${String(badge).padStart(4, "0")}`,
      badgeNo: auxiliary ? `FJ${String(badge).padStart(5, "0")}` : `051${String(badge).padStart(4, "0")}`,
      name,
      birthYear: AGE_REFERENCE_YEAR - age,
      post,
      auxiliary,
      title,
      phone: phoneOf(),
      stationId,
    });
  };
  for (const unit of HQ_UNITS) {
    for (let i = 0; i < unit.police; i++) add(stationId(unit.code), unit.detention ? "DETENTION" : "HQ", false, hqTitle(unit, i));
  }
  for (const s of POLICE_STATIONS) {
    for (let i = 0; i < (STATION_POLICE[s.code] ?? 0); i++) add(stationId(s.code), "STATION", false, stationTitle(s.urban, i));
    for (let i = 0; i < (STATION_AUXILIARIES[s.code] ?? 0); i++) add(stationId(s.code), "STATION", true, null);
  }
  const of = (id: string, auxiliary: boolean) => officers.filter((o) => o.stationId === id && o.auxiliary === auxiliary);
  return { officers, police: (id) => of(id, false), auxiliaries: (id) => of(id, true) };
}
