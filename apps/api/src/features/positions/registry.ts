// Who may report: the registered devices (by identifier, and by the SHA-256 of their token) and the
// gateways (by token hash). A read cache over the Device and Gateway tables, reloaded in full every
// `refreshMs` and at once when the database announces a change (LISTEN onemap_devices: a trigger
// notifies on every new, removed or re-tokened device or gateway), so a rotated token stops working
// in every API process, not only the one that rotated it. A miss is asked of the database, so a
// device registered a moment ago through another process is known within one request; unknown
// identifiers and tokens are remembered briefly, so a flood of them cannot become a flood of queries.
import { createHash } from "node:crypto";
import type pg from "pg";
import { keepFresh } from "./refresh";
import type { PositionRepository, RegisteredDevice, RegisteredGateway } from "./repository";

export type DevicePrincipal = { kind: "device"; device: RegisteredDevice } | { kind: "gateway"; gateway: RegisteredGateway };

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export class DeviceRegistry {
  private devices = new Map<string, RegisteredDevice>();
  private byToken = new Map<string, DevicePrincipal>();
  private unknownUntil = new Map<string, number>();
  private stopRefresh: () => void = () => undefined;
  private listener: pg.PoolClient | undefined;
  private seen = new Map<string, number>();
  private seenGateways = new Map<string, number>();
  private seenTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly repository: PositionRepository,
    private readonly options: { refreshMs: number; negativeTtlMs: number; onError: (error: unknown) => void },
  ) {}

  /** Loads the cache; if the database is not reachable yet, the periodic refresh keeps trying. */
  async start(): Promise<void> {
    this.stopRefresh = await keepFresh(() => this.reload(), this.options.refreshMs, this.options.onError);
    await this.listen().catch(this.options.onError);
    this.seenTimer = setInterval(() => void this.writeLastSeen().catch(this.options.onError), 30_000);
  }

  async stop(): Promise<void> {
    this.stopRefresh();
    clearInterval(this.seenTimer);
    await this.writeLastSeen().catch(this.options.onError);
    const listener = this.listener;
    this.listener = undefined;
    if (listener) {
      await listener.query("UNLISTEN *").catch(() => undefined);
      listener.release();
    }
  }

  private async listen(): Promise<void> {
    this.listener = await this.repository.listen("onemap_devices", (client) => {
      client.on("notification", () => void this.reload().catch(this.options.onError));
      client.on("error", (error) => {
        // the periodic refresh still runs; try to listen again shortly
        this.options.onError(error);
        if (this.listener === client) {
          this.listener = undefined;
          client.release(error);
          setTimeout(() => void this.listen().catch(this.options.onError), 5_000).unref();
        }
      });
    });
  }

  async reload(): Promise<void> {
    const [devices, gateways] = await Promise.all([this.repository.allDevices(), this.repository.activeGateways()]);
    this.devices = new Map(devices.map((d) => [d.identifier, d]));
    const byToken = new Map<string, DevicePrincipal>();
    for (const d of devices) if (d.tokenHash) byToken.set(d.tokenHash, { kind: "device", device: d });
    for (const g of gateways) byToken.set(g.tokenHash, { kind: "gateway", gateway: { id: g.id, name: g.name } });
    this.byToken = byToken;
    this.unknownUntil.clear();
  }

  /** The device or gateway holding this token, or null. */
  async authenticate(token: string): Promise<DevicePrincipal | null> {
    const hash = hashToken(token);
    const cached = this.byToken.get(hash);
    if (cached) {
      this.noteSeen(cached);
      return cached;
    }
    const key = `t:${hash}`;
    if ((this.unknownUntil.get(key) ?? 0) >= Date.now()) return null;
    const [device, gateway] = await Promise.all([this.repository.deviceByTokenHash(hash), this.repository.gatewayByTokenHash(hash)]);
    const principal: DevicePrincipal | null = device ? { kind: "device", device } : gateway ? { kind: "gateway", gateway } : null;
    if (principal) {
      this.byToken.set(hash, principal);
      if (device) this.devices.set(device.identifier, device);
      this.noteSeen(principal);
    } else this.rememberUnknown(key);
    return principal;
  }

  /** The devices of these identifiers; absent from the result: not registered. */
  async resolve(identifiers: readonly string[]): Promise<Map<string, RegisteredDevice>> {
    const found = new Map<string, RegisteredDevice>();
    const missing: string[] = [];
    const now = Date.now();
    for (const id of new Set(identifiers)) {
      const device = this.devices.get(id);
      if (device) found.set(id, device);
      else if ((this.unknownUntil.get(`i:${id}`) ?? 0) < now) missing.push(id);
    }
    if (missing.length > 0) {
      for (const r of await this.repository.devicesByIdentifier(missing)) {
        this.devices.set(r.identifier, r);
        found.set(r.identifier, r);
      }
      for (const id of missing) if (!found.has(id)) this.rememberUnknown(`i:${id}`);
    }
    for (const d of found.values()) this.seen.set(d.id, now);
    return found;
  }

  private rememberUnknown(key: string) {
    if (this.unknownUntil.size > 10_000) this.unknownUntil.clear();
    this.unknownUntil.set(key, Date.now() + this.options.negativeTtlMs);
  }

  private noteSeen(principal: DevicePrincipal) {
    if (principal.kind === "device") this.seen.set(principal.device.id, Date.now());
    else this.seenGateways.set(principal.gateway.id, Date.now());
  }

  /** lastSeenAt is written every half minute for the devices heard since, not on every fix. */
  private async writeLastSeen(): Promise<void> {
    const devices = [...this.seen.entries()];
    const gateways = [...this.seenGateways.entries()];
    this.seen.clear();
    this.seenGateways.clear();
    await Promise.all([this.repository.markSeen("Device", devices), this.repository.markSeen("Gateway", gateways)]);
  }
}
