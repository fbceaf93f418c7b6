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
    listDevices: () => db.device.findMany({ orderBy: [{ unitId: "asc" }, { createdAt: "asc" }] }),
    findDevice: (deviceId: string, tx: Tx) => tx.device.findUnique({ where: { id: deviceId } }),
    insertDevice: (data: Prisma.DeviceUncheckedCreateInput, tx: Tx) => tx.device.create({ data }),
    setDeviceToken: (deviceId: string, tokenHash: string, tokenAt: Date, tx: Tx) =>
      tx.device.update({ where: { id: deviceId }, data: { tokenHash, tokenAt } }),
    deleteDevice: (deviceId: string, tx: Tx) => tx.device.delete({ where: { id: deviceId } }),
    insertGateway: (data: Prisma.GatewayUncheckedCreateInput, tx: Tx) => tx.gateway.create({ data }),
  };
}
