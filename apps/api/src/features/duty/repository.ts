import type { DbClient, DutyRole, Shift } from "@onemap/db";
import type { Tx } from "../../database";

/** `day`: midnight UTC of the roster's calendar date, as the `date` column stores it */
export function createDutyRepository(db: DbClient) {
  return {
    /** runs `work` in one transaction; hand its `tx` to every write that must commit with the others */
    transaction: <T>(work: (tx: Tx) => Promise<T>) => db.$transaction(work),
    async listExistingOfficerIds(ids: string[]): Promise<string[]> {
      return (await db.officer.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((o) => o.id);
    },
    /** the picker: police and auxiliaries in service whose name or badge number holds `q`, badge order */
    searchOfficers: (q: string, limit: number) =>
      db.officer.findMany({
        where: { retiredAt: null, OR: [{ name: { contains: q } }, { badgeNo: { contains: q, mode: "insensitive" } }] },
        orderBy: { badgeNo: "asc" },
        take: limit,
        select: { id: true, name: true, badgeNo: true, title: true, station: { select: { name: true } } },
      }),
    listRosterEntries: (day: Date, tx: Tx) =>
      tx.dutyShift.findMany({ where: { date: day }, select: { shift: true, role: true, officerId: true } }),
    async replaceRoster(day: Date, rows: { id: string; shift: Shift; role: DutyRole; officerId: string }[], tx: Tx): Promise<void> {
      await tx.dutyShift.deleteMany({ where: { date: day } });
      await tx.dutyShift.createMany({ data: rows.map((r) => ({ ...r, date: day })), skipDuplicates: true });
    },
    listRosterWithOfficers: (day: Date) =>
      db.dutyShift.findMany({ where: { date: day }, include: { officer: { select: { id: true, name: true, title: true, phone: true } } } }),
  };
}
