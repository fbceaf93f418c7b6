// The Peng'an demo county, built deterministically (fixed RNG seed, fixed ids) and inserted with
// "skip what exists", so running the seed twice changes nothing and never undoes live state.
import { createHash } from "node:crypto";
import { demoDeviceToken } from "@onemap/domain/demo-tokens";
import type { DutyRole, GeoJsonPolygon, ReinforcementGroupKind, Shift } from "@onemap/shared";
import type { DbClient, Prisma } from "../src/index";
import { hashPassword } from "../src/passwords";
import {
  AGE_BANDS,
  AGE_REFERENCE_YEAR,
  CAMERA_COUNTS,
  COUNTY_SEAT,
  GIVEN,
  GRID_COLUMNS,
  GRID_NAMES,
  GRID_ROWS,
  HQ_LOCATION,
  HQ_UNITS,
  POLICE_STATIONS,
  ROADS,
  STATION_AUXILIARIES,
  STATION_POLICE,
  SURNAMES,
  TOWN_BOUNDS,
} from "./county";
import { cameraRow, gridRow, officerRow, stationRow, unitRow } from "./factories";
import { Rng } from "./rng";

export const DEMO_SEED = 20180601;
export const DEMO_PASSWORD = "onemap";
/** How many days of duty roster the seed writes, from today (China Standard Time) on. */
export const ROSTER_DAYS = 7;

const KM_PER_DEG_LAT = 111.32;
const kmPerDegLon = (lat: number) => 111.32 * Math.cos((lat * Math.PI) / 180);
const offset = (from: { lat: number; lon: number }, northKm: number, eastKm: number) => ({
  lat: from.lat + northKm / KM_PER_DEG_LAT,
  lon: from.lon + eastKm / kmPerDegLon(from.lat),
});
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

function pointInRing(lat: number, lon: number, ring: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export interface DemoCounty {
  stations: Prisma.StationCreateManyInput[];
  grids: Prisma.GridCreateManyInput[];
  officers: Prisma.OfficerCreateManyInput[];
  units: Prisma.UnitCreateManyInput[];
  unitMembers: Prisma.UnitMemberCreateManyInput[];
  /** each unit's phone (OsmAnd / Traccar Client); tokens are issued separately */
  devices: Prisma.DeviceCreateManyInput[];
  cameras: Prisma.CameraCreateManyInput[];
  reinforcementGroups: Prisma.ReinforcementGroupCreateManyInput[];
  dutyShifts: Prisma.DutyShiftCreateManyInput[];
  /** ids of the officers behind the demo sign-ins */
  demoOfficers: { operator: string; leader: string; chief: string; admin: string };
}

interface BuildOptions {
  /** "now": sets the roster's first day and the units' first fix time */
  now: Date;
}

/** Builds every row of the demo county in memory. Same input, same rows. */
export function buildDemoCounty({ now }: BuildOptions): DemoCounty {
  const rng = new Rng(DEMO_SEED);
  const nameOf = () => `${rng.pick([...SURNAMES])}${rng.pick([...GIVEN])}${rng.next() < 0.6 ? rng.pick([...GIVEN]) : ""}`;
  const phoneOf = () => `139${String(rng.int(0, 99_999_999)).padStart(8, "0")}`;

  // ---- stations: 12 police stations + the bureau's 18 internal units
  const stations: Prisma.StationCreateManyInput[] = [];
  for (const s of POLICE_STATIONS) {
    const at = offset(COUNTY_SEAT, s.northKm, s.eastKm);
    stations.push(
      stationRow({
        id: `st-${s.code.toLowerCase()}`,
        code: s.code,
        name: s.name,
        kind: "POLICE_STATION",
        urban: s.urban,
        lat: round6(at.lat),
        lon: round6(at.lon),
        phone: `0817-86${String(rng.int(10000, 99999))}`,
        address: `蓬安县${s.name.replace("派出所", "")}`,
      }),
    );
  }
  for (const h of HQ_UNITS) {
    stations.push(
      stationRow({
        id: `st-${h.code.toLowerCase()}`,
        code: h.code,
        name: h.name,
        kind: "HQ_UNIT",
        urban: true,
        lat: HQ_LOCATION.lat,
        lon: HQ_LOCATION.lon,
        address: "蓬安县公安局",
        phone: null,
      }),
    );
  }

  // ---- grids: a 6 × 3 lattice over the town with jittered inner vertices, so neighbours share edges
  const lattice: [number, number][][] = [];
  const dLat = (TOWN_BOUNDS.north - TOWN_BOUNDS.south) / GRID_ROWS;
  const dLon = (TOWN_BOUNDS.east - TOWN_BOUNDS.west) / GRID_COLUMNS;
  for (let r = 0; r <= GRID_ROWS; r++) {
    const row: [number, number][] = [];
    for (let c = 0; c <= GRID_COLUMNS; c++) {
      const inner = r > 0 && r < GRID_ROWS && c > 0 && c < GRID_COLUMNS;
      const lat = TOWN_BOUNDS.north - r * dLat + (inner ? rng.between(-0.2, 0.2) * dLat : 0);
      const lon = TOWN_BOUNDS.west + c * dLon + (inner ? rng.between(-0.2, 0.2) * dLon : 0);
      row.push([round6(lon), round6(lat)]);
    }
    lattice.push(row);
  }
  const at = (r: number, c: number) => lattice[r]?.[c] as [number, number];
  const gridPolygons: GeoJsonPolygon[] = [];
  const grids: Prisma.GridCreateManyInput[] = [];
  GRID_NAMES.forEach((name, i) => {
    const r = Math.floor(i / GRID_COLUMNS);
    const c = i % GRID_COLUMNS;
    const ring: [number, number][] = [at(r, c), at(r, c + 1), at(r + 1, c + 1), at(r + 1, c), at(r, c)];
    const polygon: GeoJsonPolygon = { type: "Polygon", coordinates: [ring] };
    gridPolygons.push(polygon);
    const centerLon = round6(ring.slice(0, 4).reduce((sum, p) => sum + p[0], 0) / 4);
    const centerLat = round6(ring.slice(0, 4).reduce((sum, p) => sum + p[1], 0) / 4);
    // the west half of town belongs to 北城, the east half to 东城: nine grids each
    const stationId = c < GRID_COLUMNS / 2 ? "st-bc" : "st-dc";
    grids.push(
      gridRow({
        id: `gr-${String(i + 1).padStart(2, "0")}`,
        code: `PA-G${String(i + 1).padStart(2, "0")}`,
        name,
        stationId,
        polygon,
        centerLat,
        centerLon,
      }),
    );
  });
  const gridAt = (lat: number, lon: number) => grids.find((_, i) => pointInRing(lat, lon, gridPolygons[i]?.coordinates[0] ?? [])) ?? null;
  const randomPointInGrid = (index: number) => {
    const ring = gridPolygons[index]?.coordinates[0] ?? [];
    const lons = ring.map((p) => p[0]);
    const lats = ring.map((p) => p[1]);
    for (;;) {
      const lat = rng.between(Math.min(...lats), Math.max(...lats));
      const lon = rng.between(Math.min(...lons), Math.max(...lons));
      if (pointInRing(lat, lon, ring)) return { lat: round6(lat), lon: round6(lon) };
    }
  };

  // ---- officers: 275 police with the report's age bands and posts, plus auxiliaries
  const ages = rng.shuffle(AGE_BANDS.flatMap((band) => Array.from({ length: band.count }, () => rng.int(band.minAge, band.maxAge))));
  let ageIndex = 0;
  let badge = 0;
  const officers: Prisma.OfficerCreateManyInput[] = [];
  const byStation = new Map<string, Prisma.OfficerCreateManyInput[]>();
  const addOfficer = (stationId: string, post: "HQ" | "STATION" | "DETENTION", auxiliary: boolean, title: string | null) => {
    badge += 1;
    const age = auxiliary ? rng.int(22, 45) : (ages[ageIndex++] ?? 40);
    const officer = officerRow({
      id: `of-${String(badge).padStart(4, "0")}`,
      badgeNo: auxiliary ? `FJ${String(badge).padStart(5, "0")}` : `051${String(badge).padStart(4, "0")}`,
      name: nameOf(),
      birthYear: AGE_REFERENCE_YEAR - age,
      post,
      auxiliary,
      title,
      phone: phoneOf(),
      stationId,
    });
    officers.push(officer);
    const list = byStation.get(stationId) ?? [];
    list.push(officer);
    byStation.set(stationId, list);
    return officer;
  };
  for (const h of HQ_UNITS) {
    const stationId = `st-${h.code.toLowerCase()}`;
    for (let i = 0; i < h.police; i++) {
      const title =
        h.code === "JK" ? (i === 0 ? "局长" : "政委") : i === 0 ? (h.detention ? "所长" : "大队长") : i === 1 ? "副大队长" : null;
      addOfficer(stationId, h.detention ? "DETENTION" : "HQ", false, title);
    }
  }
  for (const s of POLICE_STATIONS) {
    const stationId = `st-${s.code.toLowerCase()}`;
    const police = STATION_POLICE[s.code] ?? 0;
    for (let i = 0; i < police; i++)
      addOfficer(stationId, "STATION", false, i === 0 ? "所长" : i === 1 ? "教导员" : i < (s.urban ? 11 : 3) ? "社区民警" : null);
    for (let i = 0; i < (STATION_AUXILIARIES[s.code] ?? 0); i++) addOfficer(stationId, "STATION", true, null);
  }
  const police = (stationId: string) => (byStation.get(stationId) ?? []).filter((o) => !o.auxiliary);
  const auxiliaries = (stationId: string) => (byStation.get(stationId) ?? []).filter((o) => o.auxiliary);

  // grid owners: the community officers (社区民警) of the owning urban station, one grid each
  for (const stationId of ["st-bc", "st-dc"]) {
    const community = police(stationId).filter((o) => o.title === "社区民警");
    grids
      .filter((g) => g.stationId === stationId)
      .forEach((g, i) => {
        g.ownerOfficerId = community[i]?.id ?? null;
      });
  }

  // ---- reinforcement groups (DESIGN §3)
  const groups: { kind: ReinforcementGroupKind; name: string; tier: "LEVEL_III" | "LEVEL_II" | "LEVEL_I" }[] = [
    { kind: "RAPID_REACTION", name: "快速反应分队", tier: "LEVEL_III" },
    { kind: "SWAT_ASSAULT", name: "特巡警突击队", tier: "LEVEL_II" },
    { kind: "HQ_RESERVE", name: "机关应急处突预备队", tier: "LEVEL_I" },
  ];
  const reinforcementGroups = groups.map((g) => ({
    id: `rg-${g.kind.toLowerCase().replace("_", "-")}`,
    kind: g.kind,
    name: g.name,
    activatesAtTier: g.tier,
  }));
  const groupId = (kind: ReinforcementGroupKind) => `rg-${kind.toLowerCase().replace("_", "-")}`;

  // ---- units
  const units: Prisma.UnitCreateManyInput[] = [];
  const unitMembers: Prisma.UnitMemberCreateManyInput[] = [];
  const devices: Prisma.DeviceCreateManyInput[] = [];
  let device = 0;
  const fixAt = new Date(now.getTime() - 5_000);
  const addUnit = (u: {
    id: string;
    callsign: string;
    kind: "CAR" | "MOTORCYCLE" | "FOOT" | "SWAT";
    homeStationId: string;
    gridId: string | null;
    members: Prisma.OfficerCreateManyInput[];
    reinforcementGroupId?: string;
    at: { lat: number; lon: number };
  }) => {
    device += 1;
    const leader = u.members[0];
    units.push(
      unitRow({
        id: u.id,
        callsign: u.callsign,
        kind: u.kind,
        status: "AVAILABLE",
        homeStationId: u.homeStationId,
        gridId: u.gridId,
        leaderId: leader?.id ?? null,
        reinforcementGroupId: u.reinforcementGroupId ?? null,
        lastLat: u.at.lat,
        lastLon: u.at.lon,
        lastSpeed: 0,
        lastHeading: rng.int(0, 359),
        lastFixAt: fixAt,
      }),
    );
    for (const m of u.members) unitMembers.push({ unitId: u.id, officerId: m.id });
    devices.push({ id: `dv-${u.id}`, unitId: u.id, protocol: "osmand", identifier: `8610${String(device).padStart(11, "0")}` });
  };
  for (const s of POLICE_STATIONS) {
    const stationId = `st-${s.code.toLowerCase()}`;
    const stationAt = stations.find((st) => st.id === stationId) as { lat: number; lon: number };
    const cops = police(stationId).slice(2); // the chief and the instructor do not ride patrol
    const aux = auxiliaries(stationId);
    const ownGrids = grids.map((g, i) => ({ g, i })).filter(({ g }) => g.stationId === stationId);
    const kinds: ("CAR" | "MOTORCYCLE" | "FOOT")[] = s.urban
      ? [...Array<"CAR">(s.patrolCars).fill("CAR"), "MOTORCYCLE", "MOTORCYCLE", "FOOT", "FOOT"]
      : Array<"CAR">(s.patrolCars).fill("CAR");
    kinds.forEach((kind, i) => {
      const members = [
        cops[i % Math.max(cops.length, 1)],
        aux[(i * 2) % Math.max(aux.length, 1)],
        ...(kind === "CAR" ? [aux[(i * 2 + 1) % Math.max(aux.length, 1)]] : []),
      ].filter((m): m is Prisma.OfficerCreateManyInput => m !== undefined);
      const grid = ownGrids.length > 0 ? ownGrids[i % ownGrids.length] : undefined;
      const pos = grid
        ? randomPointInGrid(grid.i)
        : { lat: round6(stationAt.lat + rng.between(-0.01, 0.01)), lon: round6(stationAt.lon + rng.between(-0.01, 0.01)) };
      const prefix = { CAR: "巡", MOTORCYCLE: "摩", FOOT: "步" }[kind];
      addUnit({
        id: `un-${s.code.toLowerCase()}-${kind.toLowerCase()}-${i + 1}`,
        callsign: `${s.name.slice(0, 2)}${prefix}${String(i + 1).padStart(2, "0")}`,
        kind,
        homeStationId: stationId,
        gridId: grid?.g.id ?? null,
        members,
        at: pos,
      });
    });
  }
  // SWAT-patrol squads: 20 special-patrol officers stationed at each urban station, four squads of five
  const swat = police("st-txj");
  ["st-dc", "st-bc"].forEach((stationId, si) => {
    const ownGrids = grids.map((g, i) => ({ g, i })).filter(({ g }) => g.stationId === stationId);
    for (let q = 0; q < 4; q++) {
      const members = swat.slice(si * 20 + q * 5, si * 20 + q * 5 + 5);
      const grid = ownGrids[(q * 2) % ownGrids.length];
      addUnit({
        id: `un-swat-${si === 0 ? "dc" : "bc"}-${q + 1}`,
        callsign: `特巡${si === 0 ? "东" : "北"}${q + 1}`,
        kind: "SWAT",
        homeStationId: stationId,
        gridId: grid?.g.id ?? null,
        members,
        reinforcementGroupId: groupId("SWAT_ASSAULT"),
        at: grid ? randomPointInGrid(grid.i) : HQ_LOCATION,
      });
    }
  });
  // 快速反应分队: three cars of criminal-investigation and public-order police, at HQ
  const rapid = [...police("st-xz").slice(2, 8), ...police("st-za").slice(2, 8)];
  for (let q = 0; q < 3; q++) {
    addUnit({
      id: `un-rapid-${q + 1}`,
      callsign: `快反${q + 1}`,
      kind: "CAR",
      homeStationId: q < 2 ? "st-xz" : "st-za",
      gridId: null,
      members: rapid.slice(q * 4, q * 4 + 4),
      reinforcementGroupId: groupId("RAPID_REACTION"),
      at: { lat: round6(HQ_LOCATION.lat + q * 0.0002), lon: HQ_LOCATION.lon },
    });
  }
  // 机关应急处突预备队: four teams of six drawn from the HQ offices
  const reserve = ["st-zzc", "st-jwbz", "st-fz", "st-jz", "st-jd", "st-wa", "st-jj", "st-qb"].flatMap((id) => police(id).slice(1, 4));
  for (let q = 0; q < 4; q++) {
    addUnit({
      id: `un-reserve-${q + 1}`,
      callsign: `预备${q + 1}`,
      kind: "FOOT",
      homeStationId: "st-zzc",
      gridId: null,
      members: reserve.slice(q * 6, q * 6 + 6),
      reinforcementGroupId: groupId("HQ_RESERVE"),
      at: { lat: HQ_LOCATION.lat, lon: round6(HQ_LOCATION.lon + q * 0.0002) },
    });
  }
  // traffic police cars
  const traffic = police("st-jjdd");
  for (let q = 0; q < 4; q++) {
    const road = ROADS[q * 2] ?? ROADS[0];
    const a = ((road?.bearing ?? 0) * Math.PI) / 180;
    addUnit({
      id: `un-traffic-${q + 1}`,
      callsign: `交巡${q + 1}`,
      kind: "CAR",
      homeStationId: "st-jjdd",
      gridId: null,
      members: traffic.slice(2 + q * 2, 4 + q * 2),
      at: offset(COUNTY_SEAT, Math.cos(a) * 3, Math.sin(a) * 3),
    });
  }

  // ---- cameras: 天网 dense in the centre, checkpoints on the roads in and out of town
  const cameras: Prisma.CameraCreateManyInput[] = [];
  const nearestStation = (lat: number, lon: number) => {
    let best = stations[0] as Prisma.StationCreateManyInput;
    let bestD = Number.POSITIVE_INFINITY;
    for (const s of stations) {
      if (s.kind !== "POLICE_STATION") continue;
      const d = (s.lat - lat) ** 2 + ((s.lon - lon) * Math.cos((lat * Math.PI) / 180)) ** 2;
      if (d < bestD) {
        bestD = d;
        best = s;
      }
    }
    return best;
  };
  const addCamera = (kind: "SKYNET" | "SECURITY_CHECKPOINT" | "TRAFFIC_CHECKPOINT", name: string, p: { lat: number; lon: number }) => {
    const n = cameras.length + 1;
    const lat = round6(p.lat);
    const lon = round6(p.lon);
    const grid = gridAt(lat, lon);
    cameras.push(
      cameraRow({
        id: `cam-${String(n).padStart(3, "0")}`,
        code: `51132400${String(n).padStart(4, "0")}`,
        name,
        kind,
        status: rng.next() < 0.04 ? "OFFLINE" : "ONLINE",
        lat,
        lon,
        gridId: grid?.id ?? null,
        stationId: grid?.stationId ?? nearestStation(lat, lon).id,
      }),
    );
  };
  const townships = POLICE_STATIONS.filter((s) => !s.urban);
  const skynetInTownships = townships.length * 4;
  for (let i = 0; i < CAMERA_COUNTS.SKYNET - skynetInTownships; i++) {
    // a normal distribution around the centre, clipped to the town: dense in the old town
    let p: { lat: number; lon: number };
    do {
      p = offset(COUNTY_SEAT, rng.normal() * 0.7, rng.normal() * 1.1);
    } while (p.lat < TOWN_BOUNDS.south || p.lat > TOWN_BOUNDS.north || p.lon < TOWN_BOUNDS.west || p.lon > TOWN_BOUNDS.east);
    const grid = gridAt(p.lat, p.lon);
    addCamera("SKYNET", `天网-${grid?.name ?? "城区"}-${String(i + 1).padStart(3, "0")}`, p);
  }
  for (const s of townships) {
    const st = stations.find((x) => x.code === s.code) as { lat: number; lon: number; name: string };
    for (let k = 0; k < 4; k++)
      addCamera("SKYNET", `天网-${s.name.slice(0, 2)}场镇-${k + 1}`, offset(st, rng.between(-0.6, 0.6), rng.between(-0.6, 0.6)));
  }
  // 治安卡口: where each road leaves town (in and out), and at each township's entrance (two)
  for (const road of ROADS) {
    const a = (road.bearing * Math.PI) / 180;
    for (const [k, dir] of ["出城", "进城"].entries())
      addCamera(
        "SECURITY_CHECKPOINT",
        `治安卡口-${road.name}-${dir}`,
        offset(COUNTY_SEAT, Math.cos(a) * (2.2 + k * 0.05), Math.sin(a) * (2.2 + k * 0.05)),
      );
  }
  for (const s of townships) {
    const st = stations.find((x) => x.code === s.code) as { lat: number; lon: number };
    for (let k = 0; k < 2; k++)
      addCamera("SECURITY_CHECKPOINT", `治安卡口-${s.name.slice(0, 2)}-${k + 1}`, offset(st, rng.between(-1, 1), rng.between(-1, 1)));
  }
  // 交通卡口: along each road out of town, and at the town's main junctions
  for (const road of ROADS) {
    const a = (road.bearing * Math.PI) / 180;
    for (const km of [1.5, 4, 8, 14])
      addCamera("TRAFFIC_CHECKPOINT", `交通卡口-${road.name}-K${km}`, offset(COUNTY_SEAT, Math.cos(a) * km, Math.sin(a) * km));
  }
  for (let i = 0; cameras.filter((c) => c.kind === "TRAFFIC_CHECKPOINT").length < CAMERA_COUNTS.TRAFFIC_CHECKPOINT; i++) {
    const r = 1 + (i % (GRID_ROWS - 1));
    const c = 1 + (Math.floor(i / (GRID_ROWS - 1)) % (GRID_COLUMNS - 1));
    const [lon, lat] = at(r, c);
    addCamera("TRAFFIC_CHECKPOINT", `交通卡口-路口${i + 1}`, {
      lat: lat + rng.between(-0.0006, 0.0006),
      lon: lon + rng.between(-0.0006, 0.0006),
    });
  }

  // ---- duty roster: ROSTER_DAYS days × three shifts; leaders rotate over the bureau's senior officers
  const chief = police("st-jk")[0];
  const deputies = [police("st-jk")[1], police("st-xz")[0], police("st-za")[0]].filter(
    (o): o is Prisma.OfficerCreateManyInput => o !== undefined,
  );
  const dutyLeaders = HQ_UNITS.filter((h) => !h.detention && h.code !== "JK" && h.code !== "ZHZX")
    .map((h) => police(`st-${h.code.toLowerCase()}`)[1] ?? police(`st-${h.code.toLowerCase()}`)[0])
    .filter((o): o is Prisma.OfficerCreateManyInput => o !== undefined);
  const centre = police("st-zhzx");
  const commanders = centre.slice(0, 3);
  const operators = centre.slice(3, 12);
  const dutyShifts: Prisma.DutyShiftCreateManyInput[] = [];
  const shifts: Shift[] = ["NIGHT", "DAY", "EVENING"];
  const cstToday = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  for (let d = 0; d < ROSTER_DAYS; d++) {
    const date = new Date(`${cstToday}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + d);
    const day = date.toISOString().slice(0, 10);
    // rotation keyed to the calendar, not to the first seeded day, so every run agrees on a date's roster
    const dayNumber = Math.floor(date.getTime() / 86_400_000);
    shifts.forEach((shift, si) => {
      const slot = dayNumber * 3 + si;
      const entry = (role: DutyRole, officer: Prisma.OfficerCreateManyInput | undefined, k = 0) => {
        if (!officer) return;
        dutyShifts.push({ id: `duty-${day}-${shift.toLowerCase()}-${role.toLowerCase()}-${k}`, date, shift, role, officerId: officer.id });
      };
      entry("PRINCIPAL_LEADER", chief);
      entry("SUPERVISING_LEADER", deputies[dayNumber % deputies.length]);
      entry("DUTY_LEADER", dutyLeaders[slot % dutyLeaders.length]);
      entry("COMMANDER", commanders[slot % commanders.length]);
      for (let k = 0; k < 3; k++) entry("OPERATOR", operators[(slot * 3 + k) % operators.length], k);
    });
  }

  const demoOfficers = {
    operator: operators[0]?.id ?? "",
    leader: dutyLeaders[0]?.id ?? "",
    chief: police("st-dc")[0]?.id ?? "",
    admin: police("st-jwbz")[0]?.id ?? "",
  };
  return { stations, grids, officers, units, unitMembers, devices, cameras, reinforcementGroups, dutyShifts, demoOfficers };
}

export interface SeedOptions {
  now?: Date;
  /** create the demo sign-ins operator / leader / chief / admin with the password `onemap` */
  demoUsers: boolean;
}

export interface SeedSummary {
  stations: number;
  policeStations: number;
  hqUnits: number;
  grids: number;
  officers: number;
  police: number;
  auxiliaries: number;
  units: number;
  cameras: Record<string, number>;
  reinforcementGroups: number;
  dutyShifts: number;
  users: string[];
  inserted: number;
}

/** Inserts the demo county, skipping every row that already exists. Returns what the database now holds. */
const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");

export async function seedDemoCounty(db: DbClient, options: SeedOptions): Promise<SeedSummary> {
  const county = buildDemoCounty({ now: options.now ?? new Date() });
  let inserted = 0;
  await db.$transaction(
    async (tx) => {
      inserted += (await tx.station.createMany({ data: county.stations, skipDuplicates: true })).count;
      inserted += (await tx.officer.createMany({ data: county.officers, skipDuplicates: true })).count;
      inserted += (await tx.grid.createMany({ data: county.grids, skipDuplicates: true })).count;
      inserted += (await tx.reinforcementGroup.createMany({ data: county.reinforcementGroups, skipDuplicates: true })).count;
      inserted += (await tx.unit.createMany({ data: county.units, skipDuplicates: true })).count;
      inserted += (await tx.unitMember.createMany({ data: county.unitMembers, skipDuplicates: true })).count;
      inserted += (await tx.device.createMany({ data: county.devices, skipDuplicates: true })).count;
      inserted += (await tx.camera.createMany({ data: county.cameras, skipDuplicates: true })).count;
      inserted += (await tx.dutyShift.createMany({ data: county.dutyShifts, skipDuplicates: true })).count;
      inserted += (await tx.posture.createMany({ data: [{ id: 1, level: "ROUTINE" }], skipDuplicates: true })).count;
    },
    { timeout: 60_000 },
  );
  if (options.demoUsers) {
    // the demo's devices report with tokens the simulator can derive (demoDeviceToken); never on a real database
    const untokened = await db.device.findMany({
      where: { id: { in: county.devices.map((d) => d.id as string) }, tokenHash: null },
      select: { id: true, identifier: true },
    });
    if (untokened.length > 0) {
      await db.$executeRaw`
        UPDATE "Device" d SET "tokenHash" = v.hash, "tokenAt" = now()
          FROM unnest(${untokened.map((d) => d.id)}::text[], ${untokened.map((d) => sha256(demoDeviceToken(d.identifier)))}::text[]) AS v(id, hash)
         WHERE d.id = v.id AND d."tokenHash" IS NULL`;
    }
    const demo: {
      username: string;
      displayName: string;
      role: "OPERATOR" | "DUTY_LEADER" | "STATION_CHIEF" | "ADMIN";
      officerId: string;
      stationId: string | null;
    }[] = [
      { username: "operator", displayName: "接处警员(演示)", role: "OPERATOR", officerId: county.demoOfficers.operator, stationId: null },
      { username: "leader", displayName: "值班领导(演示)", role: "DUTY_LEADER", officerId: county.demoOfficers.leader, stationId: null },
      {
        username: "chief",
        displayName: "东城派出所所长(演示)",
        role: "STATION_CHIEF",
        officerId: county.demoOfficers.chief,
        stationId: "st-dc",
      },
      { username: "admin", displayName: "系统管理员(演示)", role: "ADMIN", officerId: county.demoOfficers.admin, stationId: null },
    ];
    const existing = new Set(
      (await db.user.findMany({ where: { username: { in: demo.map((d) => d.username) } }, select: { username: true } })).map(
        (u) => u.username,
      ),
    );
    const passwordHash = existing.size < demo.length ? await hashPassword(DEMO_PASSWORD) : "";
    const missing = demo.filter((d) => !existing.has(d.username));
    if (missing.length > 0) {
      inserted += (
        await db.user.createMany({ data: missing.map((d) => ({ id: `us-demo-${d.username}`, ...d, passwordHash })), skipDuplicates: true })
      ).count;
    }
  }
  return summarize(db, inserted);
}

export async function summarize(db: DbClient, inserted = 0): Promise<SeedSummary> {
  const [policeStations, hqUnits, grids, police, auxiliaries, units, cameraGroups, reinforcementGroups, dutyShifts, users] =
    await Promise.all([
      db.station.count({ where: { kind: "POLICE_STATION" } }),
      db.station.count({ where: { kind: "HQ_UNIT" } }),
      db.grid.count(),
      db.officer.count({ where: { auxiliary: false } }),
      db.officer.count({ where: { auxiliary: true } }),
      db.unit.count(),
      db.camera.groupBy({ by: ["kind"], _count: { _all: true } }),
      db.reinforcementGroup.count(),
      db.dutyShift.count(),
      db.user.findMany({ select: { username: true }, orderBy: { username: "asc" } }),
    ]);
  const cameras: Record<string, number> = { total: 0 };
  for (const g of cameraGroups) {
    cameras[g.kind] = g._count._all;
    cameras.total = (cameras.total ?? 0) + g._count._all;
  }
  return {
    stations: policeStations + hqUnits,
    policeStations,
    hqUnits,
    grids,
    officers: police + auxiliaries,
    police,
    auxiliaries,
    units,
    cameras,
    reinforcementGroups,
    dutyShifts,
    users: users.map((u) => u.username),
    inserted,
  };
}

export function formatSummary(s: SeedSummary): string {
  return [
    `Peng'an demo county (蓬安县): ${s.inserted} rows inserted`,
    `  stations      ${s.policeStations} police stations + ${s.hqUnits} HQ units`,
    `  patrol grids  ${s.grids}`,
    `  officers      ${s.police} police + ${s.auxiliaries} auxiliaries`,
    `  units         ${s.units} (${s.reinforcementGroups} reinforcement groups)`,
    `  cameras       ${s.cameras.total} (天网 ${s.cameras.SKYNET ?? 0}, 治安卡口 ${s.cameras.SECURITY_CHECKPOINT ?? 0}, 交通卡口 ${s.cameras.TRAFFIC_CHECKPOINT ?? 0})`,
    `  duty roster   ${s.dutyShifts} entries`,
    `  sign-ins      ${s.users.length > 0 ? s.users.join(", ") : "(none)"}`,
  ].join("\n");
}
