// The county workbook's database access: the whole organisation read at once (what the export writes
// and what the import compares against), and an import's changes written in one transaction.
import type { DbClient, Prisma } from "@onemap/db";
import type { Tx } from "../../database";

interface Changes<Create, Update> {
  create: Create[];
  update: { id: string; data: Update }[];
}

/** What one import writes, parents first. Nothing is ever deleted (ADR 0009). */
export interface CountyChanges {
  stations: Changes<Prisma.StationCreateManyInput, Prisma.StationUncheckedUpdateInput>;
  officers: Changes<Prisma.OfficerCreateManyInput, Prisma.OfficerUncheckedUpdateInput>;
  grids: Changes<Prisma.GridCreateManyInput, Prisma.GridUncheckedUpdateInput> & {
    /** grids whose owner changes: their owner is cleared first, so two grids may swap owners (the owner is unique) */
    releaseOwners: string[];
  };
  reinforcementGroups: Changes<Prisma.ReinforcementGroupCreateManyInput, Prisma.ReinforcementGroupUncheckedUpdateInput>;
  units: Changes<Prisma.UnitCreateManyInput, Prisma.UnitUncheckedUpdateInput> & {
    /** each unit whose crew is replaced, and the crew */
    crews: { unitId: string; officerIds: string[] }[];
  };
  cameras: Changes<Prisma.CameraCreateManyInput, Prisma.CameraUncheckedUpdateInput>;
  devices: Changes<Prisma.DeviceCreateManyInput, Prisma.DeviceUncheckedUpdateInput>;
}

export function createCountyRepository(db: DbClient) {
  return {
    /** runs `work` in one transaction; hand its `tx` to every read and write of the import */
    transaction: <T>(work: (tx: Tx) => Promise<T>) => db.$transaction(work, { timeout: 60_000, maxWait: 10_000 }),

    /** every row the workbook shows, with the columns it shows (no live state: statuses, positions, tokens) */
    async readCounty(tx: Tx | DbClient = db) {
      const stations = await tx.station.findMany({
        select: { id: true, code: true, name: true, kind: true, urban: true, lat: true, lon: true, address: true, phone: true },
      });
      const officers = await tx.officer.findMany({
        select: {
          id: true,
          badgeNo: true,
          name: true,
          birthYear: true,
          post: true,
          auxiliary: true,
          title: true,
          phone: true,
          stationId: true,
        },
      });
      const grids = await tx.grid.findMany({
        select: {
          id: true,
          code: true,
          name: true,
          stationId: true,
          ownerOfficerId: true,
          polygon: true,
          centerLat: true,
          centerLon: true,
        },
      });
      const reinforcementGroups = await tx.reinforcementGroup.findMany({
        select: { id: true, kind: true, name: true, activatesAtTier: true },
      });
      const units = await tx.unit.findMany({
        select: { id: true, callsign: true, kind: true, homeStationId: true, gridId: true, leaderId: true, reinforcementGroupId: true },
      });
      const members = await tx.unitMember.findMany({ select: { unitId: true, officerId: true } });
      const cameras = await tx.camera.findMany({
        select: { id: true, code: true, name: true, kind: true, lat: true, lon: true, streamUrl: true, gridId: true, stationId: true },
      });
      const devices = await tx.device.findMany({ select: { id: true, identifier: true, protocol: true, unitId: true } });
      return { stations, officers, grids, reinforcementGroups, units, members, cameras, devices };
    },

    /** writes an import's changes, parents before children (the foreign keys are checked row by row) */
    async applyChanges(changes: CountyChanges, tx: Tx): Promise<void> {
      const { stations, officers, grids, reinforcementGroups, units, cameras, devices } = changes;
      await tx.station.createMany({ data: stations.create });
      for (const u of stations.update) await tx.station.update({ where: { id: u.id }, data: u.data });
      await tx.officer.createMany({ data: officers.create });
      for (const u of officers.update) await tx.officer.update({ where: { id: u.id }, data: u.data });
      if (grids.releaseOwners.length > 0)
        await tx.grid.updateMany({ where: { id: { in: grids.releaseOwners } }, data: { ownerOfficerId: null } });
      await tx.grid.createMany({ data: grids.create });
      for (const u of grids.update) await tx.grid.update({ where: { id: u.id }, data: u.data });
      await tx.reinforcementGroup.createMany({ data: reinforcementGroups.create });
      for (const u of reinforcementGroups.update) await tx.reinforcementGroup.update({ where: { id: u.id }, data: u.data });
      await tx.unit.createMany({ data: units.create });
      for (const u of units.update) await tx.unit.update({ where: { id: u.id }, data: u.data });
      if (units.crews.length > 0) {
        await tx.unitMember.deleteMany({ where: { unitId: { in: units.crews.map((c) => c.unitId) } } });
        await tx.unitMember.createMany({
          data: units.crews.flatMap((c) => c.officerIds.map((officerId) => ({ unitId: c.unitId, officerId }))),
        });
      }
      await tx.camera.createMany({ data: cameras.create });
      for (const u of cameras.update) await tx.camera.update({ where: { id: u.id }, data: u.data });
      await tx.device.createMany({ data: devices.create });
      for (const u of devices.update) await tx.device.update({ where: { id: u.id }, data: u.data });
    },
  };
}

type CountyRepository = ReturnType<typeof createCountyRepository>;
export type CountySnapshot = Awaited<ReturnType<CountyRepository["readCounty"]>>;
