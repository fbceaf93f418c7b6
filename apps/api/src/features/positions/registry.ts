// Which unit a device id belongs to. A read cache over the Unit table: reloaded in full every
// `refreshMs` (a few thousand rows), and asked of the database on a miss, so a device registered
// through any API process is known here within one request. Unknown ids are remembered briefly, so
// a flood of them cannot turn into a flood of queries.
import type pg from "pg";
import { keepFresh } from "./refresh";

export interface RegisteredDevice {
  unitId: string;
  callsign: string;
  homeStationId: string;
}

export class DeviceRegistry {
  private devices = new Map<string, RegisteredDevice>();
  private unknownUntil = new Map<string, number>();
  private stopRefresh: () => void = () => undefined;

  constructor(
    private readonly pool: pg.Pool,
    private readonly options: { refreshMs: number; negativeTtlMs: number; onError: (error: unknown) => void },
  ) {}

  /** Loads the cache; if the database is not reachable yet, the periodic refresh keeps trying. */
  async start(): Promise<void> {
    this.stopRefresh = await keepFresh(() => this.reload(), this.options.refreshMs, this.options.onError);
  }

  stop(): void {
    this.stopRefresh();
  }

  async reload(): Promise<void> {
    const { rows } = await this.pool.query<{ deviceId: string; id: string; callsign: string; homeStationId: string }>(
      `SELECT "deviceId", id, callsign, "homeStationId" FROM "Unit" WHERE "deviceId" IS NOT NULL`,
    );
    this.devices = new Map(rows.map((r) => [r.deviceId, { unitId: r.id, callsign: r.callsign, homeStationId: r.homeStationId }]));
  }

  /** The units of these device ids; absent from the result: not registered. */
  async resolve(deviceIds: readonly string[]): Promise<Map<string, RegisteredDevice>> {
    const found = new Map<string, RegisteredDevice>();
    const missing: string[] = [];
    const now = Date.now();
    for (const id of new Set(deviceIds)) {
      const device = this.devices.get(id);
      if (device) found.set(id, device);
      else if ((this.unknownUntil.get(id) ?? 0) < now) missing.push(id);
    }
    if (missing.length > 0) {
      const { rows } = await this.pool.query<{ deviceId: string; id: string; callsign: string; homeStationId: string }>(
        `SELECT "deviceId", id, callsign, "homeStationId" FROM "Unit" WHERE "deviceId" = ANY($1::text[])`,
        [missing],
      );
      for (const r of rows) {
        const device = { unitId: r.id, callsign: r.callsign, homeStationId: r.homeStationId };
        this.devices.set(r.deviceId, device);
        found.set(r.deviceId, device);
      }
      for (const id of missing) if (!found.has(id)) this.unknownUntil.set(id, now + this.options.negativeTtlMs);
      if (this.unknownUntil.size > 10_000) this.unknownUntil.clear();
    }
    return found;
  }
}
