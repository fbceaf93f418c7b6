// The Peng'an demo county, built deterministically (fixed RNG seed, fixed ids) and inserted with
// "skip what exists", so running the seed twice changes nothing and never undoes live state.
// One builder per entity (builders/); they draw from one RNG, so the order below is part of the data.
import type { DbClient, Prisma } from "../src/index";
import { buildCameras } from "./builders/cameras";
import { buildGrids, type GridRow, withOwners } from "./builders/grids";
import { buildOfficers } from "./builders/officers";
import { buildReinforcementGroups } from "./builders/reinforcement-groups";
import { buildDutyRoster, dutyTeam } from "./builders/roster";
import { buildStations } from "./builders/stations";
import { buildUnits } from "./builders/units";
import { buildDemoUsers, type DemoUser } from "./builders/users";
import { Rng } from "./rng";
import { insertDemoUsers, issueDemoDeviceTokens } from "./sign-ins";
import { type SeedSummary, summarize } from "./summary";

export { DEMO_PASSWORD } from "./sign-ins";
export { formatSummary, type SeedSummary } from "./summary";

const DEMO_SEED = 20180601;

export interface DemoCounty {
  stations: Prisma.StationCreateManyInput[];
  grids: GridRow[];
  officers: Prisma.OfficerCreateManyInput[];
  units: Prisma.UnitCreateManyInput[];
  unitMembers: Prisma.UnitMemberCreateManyInput[];
  /** each unit's phone (OsmAnd / Traccar Client); tokens are issued separately */
  devices: Prisma.DeviceCreateManyInput[];
  cameras: Prisma.CameraCreateManyInput[];
  reinforcementGroups: Prisma.ReinforcementGroupCreateManyInput[];
  dutyShifts: Prisma.DutyShiftCreateManyInput[];
  /** the demo sign-ins, inserted only on the demo database */
  demoUsers: DemoUser[];
}

interface BuildOptions {
  /** "now": sets the roster's first day and the units' first fix time */
  now: Date;
}

/** Builds every row of the demo county in memory. Same input, same rows. */
export function buildDemoCounty({ now }: BuildOptions): DemoCounty {
  const rng = new Rng(DEMO_SEED);
  const stations = buildStations(rng);
  const town = buildGrids(rng);
  const force = buildOfficers(rng);
  const grids = withOwners(town.grids, force.police);
  const { units, unitMembers, devices } = buildUnits(rng, { stations, grids, force }, now);
  const cameras = buildCameras(rng, stations, { ...town, grids });
  const team = dutyTeam(force);
  return {
    stations,
    grids,
    officers: force.officers,
    units,
    unitMembers,
    devices,
    cameras,
    reinforcementGroups: buildReinforcementGroups(),
    dutyShifts: buildDutyRoster(team, now),
    demoUsers: buildDemoUsers(force, team),
  };
}

export interface SeedOptions {
  now?: Date;
  /** create the demo sign-ins operator / leader / chief / admin with the password `onemap` */
  demoUsers: boolean;
}

/** Inserts the demo county, skipping every row that already exists. Returns what the database now holds. */
export async function seedDemoCounty(db: DbClient, options: SeedOptions): Promise<SeedSummary> {
  const county = buildDemoCounty({ now: options.now ?? new Date() });
  let inserted = 0;
  await db.$transaction(
    async (tx) => {
      // parents before children: the foreign keys are checked row by row
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
    await issueDemoDeviceTokens(db, county.devices);
    inserted += await insertDemoUsers(db, county.demoUsers);
  }
  return summarize(db, inserted);
}
