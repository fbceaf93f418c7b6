import type { DbClient, Shift } from "@onemap/db";
import type { Tx } from "../../database";

/** `day`: midnight UTC of the report's calendar date, as the `date` column stores it */
export function createStationDutyRepository(db: DbClient) {
  return {
    transaction: <T>(work: (tx: Tx) => Promise<T>) => db.$transaction(work),
    /** a station in service, or null */
    findStation: (id: string) => db.station.findFirst({ where: { id, retiredAt: null }, select: { id: true, name: true } }),
    /** the station's officers and units in service: what a report may name */
    listStationForces: async (stationId: string) => {
      const [officers, units] = await Promise.all([
        db.officer.findMany({
          where: { stationId, retiredAt: null },
          orderBy: [{ auxiliary: "asc" }, { badgeNo: "asc" }],
          select: { id: true, name: true, badgeNo: true, title: true, auxiliary: true },
        }),
        db.unit.findMany({
          where: { homeStationId: stationId, retiredAt: null },
          orderBy: { callsign: "asc" },
          select: { id: true, callsign: true, kind: true },
        }),
      ]);
      return { officers, units };
    },
    listEntries: (stationId: string, day: Date, shift: Shift, tx: Tx | DbClient = db) =>
      tx.stationDutyEntry.findMany({
        where: { stationId, date: day, shift },
        orderBy: { id: "asc" },
        select: { officerId: true, unitId: true, leader: true },
      }),
    /** the first of these people already reported on this shift at another station */
    findElsewhere: (stationId: string, day: Date, shift: Shift, officerIds: string[], tx: Tx | DbClient = db) =>
      tx.stationDutyEntry.findFirst({
        where: { date: day, shift, officerId: { in: officerIds }, stationId: { not: stationId } },
        select: { officer: { select: { name: true } }, station: { select: { name: true } } },
      }),
    findUnit: (id: string) => db.unit.findUnique({ where: { id }, select: { id: true, homeStationId: true } }),
    /** whether the station reported the shift at all, and who crews the unit on it (leader first) */
    async unitCrew(stationId: string, unitId: string, day: Date, shift: Shift) {
      const [reported, crew] = await Promise.all([
        db.stationDutyEntry.count({ where: { stationId, date: day, shift } }),
        db.stationDutyEntry.findMany({
          where: { unitId, date: day, shift },
          orderBy: [{ leader: "desc" }, { id: "asc" }],
          select: { leader: true, officer: { select: { id: true, name: true, title: true, phone: true } } },
        }),
      ]);
      return { reported: reported > 0, crew };
    },
    async replaceEntries(
      stationId: string,
      day: Date,
      shift: Shift,
      rows: { id: string; officerId: string; unitId: string | null; leader: boolean }[],
      tx: Tx,
    ): Promise<void> {
      await tx.stationDutyEntry.deleteMany({ where: { stationId, date: day, shift } });
      if (rows.length > 0) await tx.stationDutyEntry.createMany({ data: rows.map((r) => ({ ...r, stationId, date: day, shift })) });
    },
  };
}
