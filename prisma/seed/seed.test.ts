import { distanceMeters, findGrid } from "@onemap/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDbClient, type DbClient } from "../src/index";
import { createTestDatabase } from "../testing/database";
import { COUNTY_SEAT } from "./county";
import { buildDemoCounty, DEMO_PASSWORD, seedDemoCounty } from "./index";

const now = new Date("2026-11-28T02:00:00Z");
const county = buildDemoCounty({ now });
const grids = county.grids;

describe("the Peng'an demo county, as built", () => {
  it("is the same every time", () => {
    expect(buildDemoCounty({ now })).toEqual(county);
  });

  it("has 12 police stations, two of them urban (东城, 北城), around the county seat", () => {
    const police = county.stations.filter((s) => s.kind === "POLICE_STATION");
    expect(police).toHaveLength(12);
    expect(
      police
        .filter((s) => s.urban)
        .map((s) => s.name)
        .sort(),
    ).toEqual(["东城派出所", "北城派出所"].sort());
    for (const name of ["锦屏", "巨龙", "正源", "金溪", "徐家", "河舒", "利溪", "罗家", "福德", "睦坝"]) {
      expect(police.some((s) => s.name.startsWith(name))).toBe(true);
    }
    for (const s of police) expect(distanceMeters(COUNTY_SEAT, s)).toBeLessThan(40_000);
    expect(county.stations.filter((s) => s.kind === "HQ_UNIT")).toHaveLength(18);
  });

  it("has 275 police with the report's age bands and posts, plus auxiliaries", () => {
    const police = county.officers.filter((o) => !o.auxiliary);
    expect(police).toHaveLength(275);
    const age = (o: { birthYear: number }) => 2026 - o.birthYear;
    expect(police.filter((o) => age(o) <= 30)).toHaveLength(44);
    expect(police.filter((o) => age(o) > 30 && age(o) <= 40)).toHaveLength(75);
    expect(police.filter((o) => age(o) > 40 && age(o) <= 50)).toHaveLength(68);
    expect(police.filter((o) => age(o) > 50)).toHaveLength(88);
    expect(police.filter((o) => o.post === "HQ")).toHaveLength(155);
    expect(police.filter((o) => o.post === "STATION")).toHaveLength(93);
    expect(police.filter((o) => o.post === "DETENTION")).toHaveLength(27);
    expect(county.officers.filter((o) => o.auxiliary).length).toBeGreaterThan(100);
  });

  it("tiles the county town with 18 grids, each owned by a community officer of an urban station", () => {
    expect(grids).toHaveLength(18);
    for (const name of ["凤凰新城", "相如古城", "工业园区"]) expect(grids.some((g) => g.name === name)).toBe(true);
    // every grid's centre lies in that grid and no other
    for (const g of grids) {
      const holders = grids.filter((other) => findGrid({ lat: g.centerLat, lon: g.centerLon }, [other]));
      expect(holders.map((h) => h.id)).toEqual([g.id]);
    }
    // points across the whole town fall in exactly one grid (no gaps, no overlaps)
    for (let lat = 31.0181; lat < 31.042; lat += 0.0013) {
      for (let lon = 106.3901; lon < 106.432; lon += 0.0017) {
        expect(grids.filter((g) => findGrid({ lat, lon }, [g])).length).toBe(1);
      }
    }
    const officers = new Map(county.officers.map((o) => [o.id, o]));
    const urban = new Set(["st-dc", "st-bc"]);
    for (const g of grids) {
      const owner = officers.get(g.ownerOfficerId ?? "");
      expect(owner?.title).toBe("社区民警");
      expect(urban.has(owner?.stationId ?? "")).toBe(true);
      expect(owner?.stationId).toBe(g.stationId);
    }
  });

  it("has 368 cameras: 天网 dense in the centre, checkpoints on the roads in and out", () => {
    expect(county.cameras).toHaveLength(368);
    const byKind = (k: string) => county.cameras.filter((c) => c.kind === k);
    expect(byKind("SKYNET").length + byKind("SECURITY_CHECKPOINT").length + byKind("TRAFFIC_CHECKPOINT").length).toBe(368);
    const medianDistance = (cams: { lat: number; lon: number }[]) => {
      const d = cams.map((c) => distanceMeters(COUNTY_SEAT, c)).sort((a, b) => a - b);
      return d[Math.floor(d.length / 2)] ?? 0;
    };
    expect(medianDistance(byKind("SKYNET"))).toBeLessThan(1500);
    expect(medianDistance(byKind("SECURITY_CHECKPOINT"))).toBeGreaterThan(2000);
    // a camera's grid is the grid its point lies in
    for (const c of county.cameras) expect(c.gridId ?? null).toBe(findGrid(c, grids)?.id ?? null);
    expect(new Set(county.cameras.map((c) => c.code)).size).toBe(368);
  });

  it("has patrol cars at every station, 20 SWAT-patrol officers at each urban station, and the three reinforcement groups", () => {
    for (const s of county.stations.filter((st) => st.kind === "POLICE_STATION")) {
      expect(county.units.filter((u) => u.homeStationId === s.id && u.kind === "CAR").length).toBeGreaterThanOrEqual(2);
    }
    for (const station of ["st-dc", "st-bc"]) {
      const squads = county.units.filter((u) => u.kind === "SWAT" && u.homeStationId === station).map((u) => u.id);
      expect(county.unitMembers.filter((m) => squads.includes(m.unitId))).toHaveLength(20);
    }
    expect(county.reinforcementGroups.map((g) => g.kind).sort()).toEqual(["HQ_RESERVE", "RAPID_REACTION", "SWAT_ASSAULT"]);
    for (const g of county.reinforcementGroups) expect(county.units.some((u) => u.reinforcementGroupId === g.id)).toBe(true);
    // every unit has a leader who is one of its members, a device and a first position
    for (const u of county.units) {
      expect(county.unitMembers.some((m) => m.unitId === u.id && m.officerId === u.leaderId)).toBe(true);
      expect(county.devices.find((d) => d.unitId === u.id)?.identifier).toMatch(/^\d{15}$/);
      expect(u.lastLat).toBeTypeOf("number");
    }
    expect(new Set(county.devices.map((d) => d.identifier)).size).toBe(county.units.length);
  });

  it("has a duty roster for today in three shifts, each with the leaders of every tier and a commander", () => {
    const today = county.dutyShifts.filter((d) => (d.date as Date).toISOString().startsWith("2026-11-28"));
    for (const shift of ["NIGHT", "DAY", "EVENING"]) {
      const roles = today.filter((d) => d.shift === shift).map((d) => d.role);
      for (const role of ["DUTY_LEADER", "SUPERVISING_LEADER", "PRINCIPAL_LEADER", "COMMANDER", "OPERATOR"]) expect(roles).toContain(role);
    }
  });
});

describe("seeding the database", () => {
  let url: string;
  let db: DbClient;
  beforeAll(async () => {
    url = await createTestDatabase("empty");
    db = createDbClient(url, { max: 2 });
  });
  afterAll(async () => {
    await db.$disconnect();
  });

  it("inserts the county, then changes nothing the second time", async () => {
    const first = await seedDemoCounty(db, { now, demoUsers: true });
    expect(first.policeStations).toBe(12);
    expect(first.grids).toBe(18);
    expect(first.cameras.total).toBe(368);
    expect(first.police).toBe(275);
    expect(first.users).toEqual(["admin", "chief", "leader", "operator"]);
    expect(first.inserted).toBeGreaterThan(1000);

    const unitsBefore = await db.unit.findMany({ orderBy: { id: "asc" } });
    const usersBefore = await db.user.findMany({ orderBy: { id: "asc" } });
    const second = await seedDemoCounty(db, { now, demoUsers: true });
    expect(second.inserted).toBe(0);
    expect({ ...second, inserted: 0 }).toEqual({ ...first, inserted: 0 });
    expect(await db.unit.findMany({ orderBy: { id: "asc" } })).toEqual(unitsBefore);
    expect(await db.user.findMany({ orderBy: { id: "asc" } })).toEqual(usersBefore);
  });

  it("gives the demo sign-ins the password 'onemap', hashed with argon2id", async () => {
    const chief = await db.user.findUniqueOrThrow({ where: { username: "chief" } });
    expect(chief.passwordHash).toMatch(/^\$argon2id\$/);
    expect(chief.passwordHash).not.toContain(DEMO_PASSWORD);
    expect(chief.stationId).toBe("st-dc");
    expect(chief.role).toBe("STATION_CHIEF");
  });
});
