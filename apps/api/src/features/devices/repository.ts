import type { DbClient, Prisma } from "@onemap/db";
import type { Tx } from "../../database";

export function createDeviceRepository(db: DbClient) {
  return {
    /** runs `work` in one transaction; hand its `tx` to every write that must commit with the others */
    transaction: <T>(work: (tx: Tx) => Promise<T>) => db.$transaction(work),
    async unitExists(unitId: string, tx: Tx = db): Promise<boolean> {
      return (await tx.unit.findUnique({ where: { id: unitId }, select: { id: true } })) !== null;
    },
    listUnitDevices: (unitId: string) => db.device.findMany({ where: { unitId }, orderBy: { createdAt: "asc" } }),
    /** a page of units in service by callsign (of a station, or whose callsign holds `q`), each with its devices, and how many match */
    async listUnitsWithDevices(filter: { station?: string; q?: string; limit: number; offset: number }) {
      const where: Prisma.UnitWhereInput = {
        retiredAt: null,
        ...(filter.station ? { homeStationId: filter.station } : {}),
        ...(filter.q ? { callsign: { contains: filter.q, mode: "insensitive" } } : {}),
      };
      const [total, units] = await db.$transaction([
        db.unit.count({ where }),
        db.unit.findMany({
          where,
          orderBy: { callsign: "asc" },
          skip: filter.offset,
          take: filter.limit,
          select: {
            id: true,
            callsign: true,
            kind: true,
            homeStationId: true,
            homeStation: { select: { name: true } },
            devices: { orderBy: { createdAt: "asc" } },
          },
        }),
      ]);
      return { total, units };
    },
    listDevices: () => db.device.findMany({ orderBy: [{ unitId: "asc" }, { createdAt: "asc" }] }),
    findDevice: (deviceId: string, tx: Tx) => tx.device.findUnique({ where: { id: deviceId } }),
    insertDevice: (data: Prisma.DeviceUncheckedCreateInput, tx: Tx) => tx.device.create({ data }),
    setDeviceToken: (deviceId: string, tokenHash: string, tokenAt: Date, tx: Tx) =>
      tx.device.update({ where: { id: deviceId }, data: { tokenHash, tokenAt } }),
    deleteDevice: (deviceId: string, tx: Tx) => tx.device.delete({ where: { id: deviceId } }),
    insertGateway: (data: Prisma.GatewayUncheckedCreateInput, tx: Tx) => tx.gateway.create({ data }),
  };
}
