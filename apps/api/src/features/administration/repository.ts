// The administration's writes to the county's resources (issue 12), and the reads its rules need: what
// still holds a resource (it cannot go), and what history points to it (it is retired, not erased).
import type { DbClient, Prisma, ReinforcementGroupKind } from "@onemap/db";
import { ACTIVE_ASSIGNMENT_STATUSES } from "@onemap/shared";
import type { Tx } from "../../database";
import { gridInclude, unitInclude } from "../resources/mappers";

const inService = { retiredAt: null };

export function createAdministrationRepository(db: DbClient) {
  return {
    /** runs `work` in one transaction; hand its `tx` to every write that must commit with the others */
    transaction: <T>(work: (tx: Tx) => Promise<T>) => db.$transaction(work),

    // ---------------------------------------------------------------- references a body names

    stationInService: (tx: Tx, id: string) => tx.station.findFirst({ where: { id, ...inService }, select: { id: true } }),
    gridInService: (tx: Tx, id: string) => tx.grid.findFirst({ where: { id, ...inService }, select: { id: true, stationId: true } }),
    officerInService: (tx: Tx, id: string) => tx.officer.findFirst({ where: { id, ...inService }, select: { id: true } }),
    groupByKind: (tx: Tx, kind: ReinforcementGroupKind) => tx.reinforcementGroup.findUnique({ where: { kind }, select: { id: true } }),

    // ---------------------------------------------------------------- stations

    findStation: (tx: Tx, id: string) => tx.station.findUnique({ where: { id } }),
    createStation: (tx: Tx, data: Prisma.StationUncheckedCreateInput) => tx.station.create({ data }),
    updateStation: (tx: Tx, id: string, data: Prisma.StationUncheckedUpdateInput) => tx.station.update({ where: { id }, data }),
    deleteStation: (tx: Tx, id: string) => tx.station.delete({ where: { id } }),
    /** what in service still belongs to the station: a few names of each, for the refusal */
    async stationHolders(tx: Tx, id: string) {
      const [units, officers, grids, cameras, users] = await Promise.all([
        tx.unit.findMany({ where: { homeStationId: id, ...inService }, select: { callsign: true }, orderBy: { callsign: "asc" } }),
        tx.officer.findMany({ where: { stationId: id, ...inService }, select: { name: true }, orderBy: { badgeNo: "asc" } }),
        tx.grid.findMany({ where: { stationId: id, ...inService }, select: { name: true }, orderBy: { code: "asc" } }),
        tx.camera.findMany({ where: { stationId: id, ...inService }, select: { name: true }, orderBy: { code: "asc" } }),
        tx.user.findMany({ where: { stationId: id, disabled: false }, select: { username: true }, orderBy: { username: "asc" } }),
      ]);
      return {
        units: units.map((u) => u.callsign),
        officers: officers.map((o) => o.name),
        grids: grids.map((g) => g.name),
        cameras: cameras.map((c) => c.name),
        users: users.map((u) => u.username),
      };
    },
    /** anything at all (history, or retired rows) that points to the station */
    async stationHasHistory(tx: Tx, id: string): Promise<boolean> {
      const counts = await Promise.all([
        tx.incident.count({ where: { stationId: id } }),
        tx.unit.count({ where: { homeStationId: id } }),
        tx.officer.count({ where: { stationId: id } }),
        tx.grid.count({ where: { stationId: id } }),
        tx.camera.count({ where: { stationId: id } }),
        tx.user.count({ where: { stationId: id } }),
      ]);
      return counts.some((n) => n > 0);
    },

    // ---------------------------------------------------------------- officers

    findOfficer: (tx: Tx, id: string) => tx.officer.findUnique({ where: { id } }),
    createOfficer: (tx: Tx, data: Prisma.OfficerUncheckedCreateInput) => tx.officer.create({ data }),
    updateOfficer: (tx: Tx, id: string, data: Prisma.OfficerUncheckedUpdateInput) => tx.officer.update({ where: { id }, data }),
    deleteOfficer: (tx: Tx, id: string) => tx.officer.delete({ where: { id } }),
    /** the unit in service the officer leads, and the grid in service they own */
    async officerHolders(tx: Tx, id: string) {
      const [unit, grid] = await Promise.all([
        tx.unit.findFirst({ where: { leaderId: id, ...inService }, select: { callsign: true } }),
        tx.grid.findFirst({ where: { ownerOfficerId: id, ...inService }, select: { name: true } }),
      ]);
      return { unit: unit?.callsign ?? null, grid: grid?.name ?? null };
    },
    async officerHasHistory(tx: Tx, id: string): Promise<boolean> {
      const counts = await Promise.all([
        tx.unit.count({ where: { leaderId: id } }),
        tx.grid.count({ where: { ownerOfficerId: id } }),
        tx.unitMember.count({ where: { officerId: id } }),
        tx.dutyShift.count({ where: { officerId: id } }),
        tx.incident.count({ where: { commandingOfficerId: id } }),
        tx.user.count({ where: { officerId: id } }),
      ]);
      return counts.some((n) => n > 0);
    },
    /** a retired officer rides with no crew (a crew is today's, not history) */
    async leaveCrews(tx: Tx, officerId: string): Promise<void> {
      await tx.unitMember.deleteMany({ where: { officerId } });
    },

    // ---------------------------------------------------------------- units

    findUnit: (tx: Tx, id: string) => tx.unit.findUnique({ where: { id }, include: unitInclude }),
    createUnit: (tx: Tx, data: Prisma.UnitUncheckedCreateInput) => tx.unit.create({ data, include: unitInclude }),
    /** the change only if nobody changed the unit since `version`; null otherwise */
    async updateUnitIfUnchanged(tx: Tx, id: string, version: number, data: Prisma.UnitUncheckedUpdateInput) {
      const { count } = await tx.unit.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
      return count === 1 ? tx.unit.findUnique({ where: { id }, include: unitInclude }) : null;
    },
    retireUnit: (tx: Tx, id: string, at: Date) =>
      tx.unit.update({ where: { id }, data: { retiredAt: at, version: { increment: 1 } }, include: unitInclude }),
    /** the crew replaced whole (a crew is today's: nothing keeps the old one) */
    async replaceCrew(tx: Tx, unitId: string, officerIds: readonly string[]): Promise<void> {
      await tx.unitMember.deleteMany({ where: { unitId } });
      if (officerIds.length > 0) await tx.unitMember.createMany({ data: officerIds.map((officerId) => ({ unitId, officerId })) });
    },
    /** which of these officers are in service */
    officersInService: async (tx: Tx, ids: readonly string[]) =>
      (await tx.officer.findMany({ where: { id: { in: [...ids] }, ...inService }, select: { id: true } })).map((o) => o.id),
    async deleteUnit(tx: Tx, id: string): Promise<void> {
      await tx.unitMember.deleteMany({ where: { unitId: id } });
      await tx.unit.delete({ where: { id } });
    },
    /** the open incident the unit is working on, if any */
    activeIncidentOf: (tx: Tx, unitId: string) =>
      tx.assignment.findFirst({
        where: { unitId, status: { in: [...ACTIVE_ASSIGNMENT_STATUSES] } },
        select: { incident: { select: { number: true } } },
      }),
    async unitHasHistory(tx: Tx, id: string): Promise<boolean> {
      const counts = await Promise.all([
        tx.assignment.count({ where: { unitId: id } }),
        tx.unitPosition.count({ where: { unitId: id } }),
        tx.geofenceEvent.count({ where: { unitId: id } }),
        tx.device.count({ where: { unitId: id } }),
      ]);
      return counts.some((n) => n > 0);
    },
    /** every API process's device registry reloads (it listens for this): a retired unit's devices stop */
    async announceDeviceChange(tx: Tx): Promise<void> {
      await tx.$executeRaw`SELECT pg_notify('onemap_devices', 'unit retired')`;
    },

    // ---------------------------------------------------------------- cameras

    findCamera: (tx: Tx, id: string) => tx.camera.findUnique({ where: { id } }),
    createCamera: (tx: Tx, data: Prisma.CameraUncheckedCreateInput) => tx.camera.create({ data }),
    updateCamera: (tx: Tx, id: string, data: Prisma.CameraUncheckedUpdateInput) => tx.camera.update({ where: { id }, data }),
    deleteCamera: (tx: Tx, id: string) => tx.camera.delete({ where: { id } }),
    /** the audit holds the camera's status changes (found dead, back): history points to it */
    cameraHasHistory: async (tx: Tx, id: string) => (await tx.auditEvent.count({ where: { action: "camera.status", targetId: id } })) > 0,

    // ---------------------------------------------------------------- grids

    /** a police station (not an HQ unit) in service: only a station patrols a grid */
    policeStationInService: (tx: Tx, id: string) =>
      tx.station.findFirst({ where: { id, kind: "POLICE_STATION", ...inService }, select: { id: true } }),
    officerOfStation: (tx: Tx, id: string, stationId: string) =>
      tx.officer.findFirst({ where: { id, stationId, ...inService }, select: { id: true, name: true } }),
    /** the grid (in service or retired: the owner is unique over both) the officer owns, but `exceptId` */
    gridOwnedBy: (tx: Tx, officerId: string, exceptId: string | null) =>
      tx.grid.findFirst({ where: { ownerOfficerId: officerId, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { code: true } }),
    findGrid: (tx: Tx, id: string) => tx.grid.findUnique({ where: { id }, include: gridInclude }),
    createGrid: (tx: Tx, data: Prisma.GridUncheckedCreateInput) => tx.grid.create({ data, include: gridInclude }),
    updateGrid: (tx: Tx, id: string, data: Prisma.GridUncheckedUpdateInput) =>
      tx.grid.update({ where: { id }, data, include: gridInclude }),
    deleteGrid: (tx: Tx, id: string) => tx.grid.delete({ where: { id } }),
    /** what in service is still assigned to the grid: a few names of each, for the refusal */
    async gridHolders(tx: Tx, id: string) {
      const [units, cameras] = await Promise.all([
        tx.unit.findMany({ where: { gridId: id, ...inService }, select: { callsign: true }, orderBy: { callsign: "asc" } }),
        tx.camera.findMany({ where: { gridId: id, ...inService }, select: { name: true }, orderBy: { code: "asc" } }),
      ]);
      return { units: units.map((u) => u.callsign), cameras: cameras.map((c) => c.name) };
    },
    async gridHasHistory(tx: Tx, id: string): Promise<boolean> {
      const counts = await Promise.all([
        tx.incident.count({ where: { gridId: id } }),
        tx.geofenceEvent.count({ where: { gridId: id } }),
        tx.unit.count({ where: { gridId: id } }),
        tx.camera.count({ where: { gridId: id } }),
      ]);
      return counts.some((n) => n > 0);
    },

    // ---------------------------------------------------------------- reinforcement groups (no history: nothing stores a group but a unit)

    listGroups: () =>
      db.reinforcementGroup.findMany({
        include: { _count: { select: { units: { where: inService } } } },
        orderBy: { activatesAtTier: "asc" },
      }),
    findGroup: (tx: Tx, id: string) =>
      tx.reinforcementGroup.findUnique({ where: { id }, include: { _count: { select: { units: { where: inService } } } } }),
    createGroup: (tx: Tx, data: Prisma.ReinforcementGroupUncheckedCreateInput) =>
      tx.reinforcementGroup.create({ data, include: { _count: { select: { units: { where: inService } } } } }),
    updateGroup: (tx: Tx, id: string, data: Prisma.ReinforcementGroupUncheckedUpdateInput) =>
      tx.reinforcementGroup.update({ where: { id }, data, include: { _count: { select: { units: { where: inService } } } } }),
    /** a group goes with its retired units' membership (a retired unit is never activated) */
    async deleteGroup(tx: Tx, id: string): Promise<void> {
      await tx.unit.updateMany({ where: { reinforcementGroupId: id }, data: { reinforcementGroupId: null } });
      await tx.reinforcementGroup.delete({ where: { id } });
    },
    groupUnits: (tx: Tx, id: string) =>
      tx.unit.findMany({ where: { reinforcementGroupId: id, ...inService }, select: { callsign: true }, orderBy: { callsign: "asc" } }),

    retire: {
      station: (tx: Tx, id: string, at: Date) => tx.station.update({ where: { id }, data: { retiredAt: at } }),
      officer: (tx: Tx, id: string, at: Date) => tx.officer.update({ where: { id }, data: { retiredAt: at } }),
      camera: (tx: Tx, id: string, at: Date) => tx.camera.update({ where: { id }, data: { retiredAt: at } }),
      grid: (tx: Tx, id: string, at: Date) => tx.grid.update({ where: { id }, data: { retiredAt: at } }),
    },
  };
}

export type AdministrationRepository = ReturnType<typeof createAdministrationRepository>;
