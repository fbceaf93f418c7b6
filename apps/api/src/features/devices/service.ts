// Device identity (DESIGN §4 "Devices"): administrators register a unit's devices, issue and rotate
// their tokens (shown once, stored only as a SHA-256 hash) and gateways' tokens. Every change is audited.
import { randomBytes } from "node:crypto";
import type { DbClient, Prisma } from "@onemap/db";
import type { DeviceView, DeviceWithToken, GatewayWithToken, RegisterDeviceBody, UnitDevicesPage, UnitDevicesQuery } from "@onemap/shared";
import type { Requester } from "../../actor";
import { isUniqueViolation } from "../../database";
import { ConflictError, NotFoundError } from "../../errors";
import type { AuditService } from "../audit/service";
import { hashToken } from "../positions/registry";
import { createDeviceRepository } from "./repository";

/** 192 random bits, URL-safe: it travels as `key=` in the URL Traccar Client is given */
const newToken = () => randomBytes(24).toString("base64url");

type DeviceRow = Prisma.DeviceGetPayload<object>;
const toView = (d: DeviceRow): DeviceView => ({
  id: d.id,
  unitId: d.unitId,
  protocol: d.protocol,
  identifier: d.identifier,
  hasToken: d.tokenHash !== null,
  tokenAt: d.tokenAt?.toISOString() ?? null,
  lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
  createdAt: d.createdAt.toISOString(),
});
/** what the audit keeps of a device: never its token or hash */
const audited = (d: DeviceRow) => ({
  unitId: d.unitId,
  protocol: d.protocol,
  identifier: d.identifier,
  tokenAt: d.tokenAt?.toISOString() ?? null,
});

export function createDeviceService({
  db,
  audit,
  changed = async () => undefined,
}: {
  db: DbClient;
  audit: AuditService;
  /** told after every change of credentials: this process forgets the old ones before answering (others hear the database's notice) */
  changed?: () => Promise<void>;
}) {
  const repo = createDeviceRepository(db);
  return {
    async list(unitId: string): Promise<DeviceView[]> {
      if (!(await repo.unitExists(unitId))) throw new NotFoundError("unit");
      return (await repo.listUnitDevices(unitId)).map(toView);
    },

    /** the devices page: units a page at a time, each with its devices */
    async listByUnit(query: UnitDevicesQuery): Promise<UnitDevicesPage> {
      const { total, units } = await repo.listUnitsWithDevices(query);
      return {
        total,
        units: units.map((u) => ({
          id: u.id,
          callsign: u.callsign,
          kind: u.kind,
          homeStationId: u.homeStationId,
          stationName: u.homeStation.name,
          devices: u.devices.map(toView),
        })),
      };
    },

    async listAll(): Promise<DeviceView[]> {
      return (await repo.listDevices()).map(toView);
    },

    async register(by: Requester, unitId: string, body: RegisterDeviceBody): Promise<DeviceWithToken> {
      const token = newToken();
      try {
        const device = await repo.transaction(async (tx) => {
          if (!(await repo.unitExists(unitId, tx))) throw new NotFoundError("unit");
          const created = await repo.insertDevice(
            {
              id: `dv-${randomBytes(8).toString("hex")}`,
              unitId,
              protocol: body.protocol,
              identifier: body.identifier,
              tokenHash: hashToken(token),
              tokenAt: new Date(),
            },
            tx,
          );
          await audit.record(
            {
              actor: by.actor,
              ip: by.ip,
              action: "device.registered",
              targetType: "device",
              targetId: created.id,
              after: audited(created),
            },
            tx,
          );
          return created;
        });
        await changed();
        return { ...toView(device), token };
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new ConflictError(`a device with the identifier ${body.identifier} is registered already`).coded(
            "device_identifier_taken",
            {
              identifier: body.identifier,
            },
          );
        }
        throw error;
      }
    },

    /** A new token; the old one stops working at once, in every API process. */
    async rotate(by: Requester, deviceId: string): Promise<DeviceWithToken> {
      const token = newToken();
      const device = await repo.transaction(async (tx) => {
        const before = await repo.findDevice(deviceId, tx);
        if (!before) throw new NotFoundError("device");
        const after = await repo.setDeviceToken(deviceId, hashToken(token), new Date(), tx);
        await audit.record(
          {
            actor: by.actor,
            ip: by.ip,
            action: "device.token_rotated",
            targetType: "device",
            targetId: deviceId,
            before: audited(before),
            after: audited(after),
          },
          tx,
        );
        return after;
      });
      await changed();
      return { ...toView(device), token };
    },

    async remove(by: Requester, deviceId: string): Promise<void> {
      await repo.transaction(async (tx) => {
        const before = await repo.findDevice(deviceId, tx);
        if (!before) throw new NotFoundError("device");
        await repo.deleteDevice(deviceId, tx);
        await audit.record(
          { actor: by.actor, ip: by.ip, action: "device.removed", targetType: "device", targetId: deviceId, before: audited(before) },
          tx,
        );
      });
      await changed();
    },

    async createGateway(by: Requester, name: string): Promise<GatewayWithToken> {
      const token = newToken();
      const gateway = await repo.transaction(async (tx) => {
        const created = await repo.insertGateway({ id: `gw-${randomBytes(8).toString("hex")}`, name, tokenHash: hashToken(token) }, tx);
        await audit.record(
          { actor: by.actor, ip: by.ip, action: "gateway.created", targetType: "gateway", targetId: created.id, after: { name } },
          tx,
        );
        return created;
      });
      await changed();
      return { id: gateway.id, name: gateway.name, token, createdAt: gateway.createdAt.toISOString() };
    },
  };
}

export type DeviceService = ReturnType<typeof createDeviceService>;
