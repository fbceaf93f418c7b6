// Device ingest: who is reporting (a device's or a gateway's token, DEVICE_AUTH=token), parse what it
// sent, refuse impossible values with the reason and a device reporting too fast with 429 (storing
// nothing), and hand the rest to the pipeline.
import { checkFix, type DeviceFix, type FieldError, parseOsmAndParams, parseTraccarJson } from "@onemap/domain";
import type { DeviceFixInput, IngestStats } from "@onemap/shared";
import { BadRequestError, ForbiddenError, NotFoundError, TooManyRequestsError, UnauthorizedError } from "../../errors";
import type { PositionPipeline, ResolvedFix, SubmitResult } from "./pipeline";
import type { DevicePrincipal, DeviceRegistry } from "./registry";
import type { RegisteredDevice } from "./repository";

export interface OsmAndRequest {
  query: Record<string, string | string[] | undefined>;
  contentType: string | undefined;
  body: string | undefined;
  /** the `Authorization: Bearer` token, if any (the `key` query parameter is the other place) */
  bearer: string | undefined;
}

type DeviceAuthMode = "token" | "none";

export interface IngestOptions {
  deviceAuth: DeviceAuthMode;
  /** per device: a burst of this many fixes, then `fixesPerS` */
  burst: number;
  fixesPerS: number;
}

/** One answer for a missing, wrong or unknown token and for an identifier that is not the token's: it tells nothing. */
const deviceUnauthorized = () =>
  new UnauthorizedError("device not authorised: check the device's identifier and token").coded("device_unauthorized");

/** a buffered fix (older than this on arrival) costs a sixtieth of a live one: a reconnecting phone drains its backlog */
const LIVE_WINDOW_MS = 60_000;
const BACKLOG_COST = 1 / 60;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function createIngestService(deps: {
  registry: DeviceRegistry;
  pipeline: PositionPipeline;
  options: IngestOptions;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  const { options } = deps;
  const since = now();
  const rejected: Record<string, number> = {};
  const unknown = new Map<string, { attempts: number; lastSeenAt: Date }>();
  /** token buckets per device (this process's; a device is normally served by one process at a time) */
  const buckets = new Map<string, { tokens: number; at: number }>();

  /**
   * Charges a device for these fixes. A request is let through while the bucket holds a whole token
   * and may leave it in debt (a buffered backlog in one batch), which the device then waits out.
   */
  function charge(deviceKey: string, fixes: readonly DeviceFix[], receivedAt: Date) {
    const at = receivedAt.getTime();
    const cost = fixes.reduce((sum, f) => sum + (f.fixAt && f.fixAt.getTime() < at - LIVE_WINDOW_MS ? BACKLOG_COST : 1), 0);
    const bucket = buckets.get(deviceKey) ?? { tokens: options.burst, at };
    bucket.tokens = Math.min(options.burst, bucket.tokens + ((at - bucket.at) / 1000) * options.fixesPerS);
    bucket.at = at;
    if (bucket.tokens < 1) {
      buckets.set(deviceKey, bucket);
      rejected.rateLimited = (rejected.rateLimited ?? 0) + 1;
      const waitS = Math.max(1, Math.ceil((1 - bucket.tokens) / options.fixesPerS));
      throw new TooManyRequestsError(
        `this device reports too often: at most ${options.fixesPerS} fix(es) a second; send again in ${waitS} s`,
        waitS,
      ).coded("device_rate_limited", { retryAfterS: waitS });
    }
    bucket.tokens -= cost;
    buckets.set(deviceKey, bucket);
    if (buckets.size > 50_000) {
      // forget the full buckets of devices long quiet
      for (const [k, b] of buckets) if (at - b.at > 60_000) buckets.delete(k);
    }
  }

  async function principal(token: string | undefined): Promise<DevicePrincipal> {
    if (!token || token.length > 200) throw deviceUnauthorized();
    const found = await deps.registry.authenticate(token);
    if (!found) {
      rejected.unauthorized = (rejected.unauthorized ?? 0) + 1;
      throw deviceUnauthorized();
    }
    return found;
  }
  const reject = (reason: string, errors: FieldError[], prefix = ""): never => {
    rejected[reason] = (rejected[reason] ?? 0) + 1;
    throw new BadRequestError(
      errors.map((e) => `${prefix}${e.field}: ${e.message}`).join("; "),
      errors.map((e) => ({ path: `${prefix}${e.field}`, message: e.message })),
    );
  };

  function noteUnknown(deviceIds: string[]) {
    rejected.unknownDevice = (rejected.unknownDevice ?? 0) + 1;
    for (const id of deviceIds) {
      const entry = unknown.get(id) ?? { attempts: 0, lastSeenAt: now() };
      entry.attempts++;
      entry.lastSeenAt = now();
      unknown.set(id, entry);
    }
    // keep the list short: the most recent few hundred are what an administrator needs
    if (unknown.size > 500) {
      const oldest = [...unknown.entries()]
        .sort((a, b) => a[1].lastSeenAt.getTime() - b[1].lastSeenAt.getTime())
        .slice(0, unknown.size - 500);
      for (const [id] of oldest) unknown.delete(id);
    }
  }

  /** Devices already authenticated (or DEVICE_AUTH=none): their units, then the pipeline. */
  async function ingest(fixes: DeviceFix[], receivedAt: Date, rateLimited: boolean): Promise<SubmitResult> {
    const devices = await deps.registry.resolve(fixes.map((f) => f.deviceId));
    const missing = [...new Set(fixes.map((f) => f.deviceId).filter((id) => !devices.has(id)))];
    if (missing.length > 0) {
      noteUnknown(missing);
      throw new NotFoundError(
        "device",
        `${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ` and ${missing.length - 5} more` : ""} (not registered to any unit)`,
      );
    }
    if (rateLimited) {
      const byDevice = new Map<string, DeviceFix[]>();
      for (const f of fixes) {
        const list = byDevice.get(f.deviceId);
        if (list) list.push(f);
        else byDevice.set(f.deviceId, [f]);
      }
      for (const [identifier, own] of byDevice) charge((devices.get(identifier) as RegisteredDevice).id, own, receivedAt);
    }
    const resolved: ResolvedFix[] = fixes.map((f) => {
      const device = devices.get(f.deviceId) as RegisteredDevice;
      return {
        unitId: device.unitId,
        stationId: device.homeStationId,
        // a device clock running ahead must not freeze the unit (later, genuine fixes would look older):
        // a fix dated after its arrival is placed at its arrival
        fixAt: f.fixAt && f.fixAt.getTime() < receivedAt.getTime() ? f.fixAt : receivedAt,
        receivedAt,
        lat: f.lat,
        lon: f.lon,
        speed: f.speed,
        heading: f.heading,
        altitude: f.altitude,
        accuracy: f.accuracy,
        battery: f.battery,
      };
    });
    return deps.pipeline.submit(resolved);
  }

  return {
    /** One fix in the OsmAnd protocol: query string, form body, or Traccar Client JSON; the token as `key` or Bearer. */
    async ingestOsmAnd(request: OsmAndRequest): Promise<SubmitResult> {
      const receivedAt = now();
      const { key, ...params } = Object.fromEntries(Object.entries(request.query).map(([k, v]) => [k, first(v)]));
      let device: RegisteredDevice | null = null;
      if (options.deviceAuth === "token") {
        const who = await principal(key ?? request.bearer);
        if (who.kind !== "device") throw deviceUnauthorized();
        device = who.device;
      }
      let parsed: ReturnType<typeof parseOsmAndParams>;
      if (Object.keys(params).length > 0) {
        parsed = parseOsmAndParams(params);
      } else if (request.contentType?.includes("json")) {
        let json: unknown;
        try {
          json = JSON.parse(request.body ?? "");
        } catch {
          return reject("malformed", [{ field: "body", message: "the body is not valid JSON" }]);
        }
        parsed = parseTraccarJson(json);
      } else {
        parsed = parseOsmAndParams(Object.fromEntries(new URLSearchParams(request.body ?? "")));
      }
      if (!parsed.ok) return reject("malformed", parsed.errors);
      if (device && parsed.fix.deviceId !== device.identifier) throw deviceUnauthorized();
      const errors = checkFix(parsed.fix, receivedAt);
      if (errors.length > 0) return reject("impossible", errors);
      return ingest([parsed.fix], receivedAt, true);
    },

    /** A device's or a gateway's batch: all fixes are stored, or (any bad one) none. */
    async ingestBatch(inputs: readonly DeviceFixInput[], bearer: string | undefined): Promise<SubmitResult> {
      const receivedAt = now();
      const who = options.deviceAuth === "token" ? await principal(bearer) : null;
      const own = who?.kind === "device" ? who.device.identifier : null;
      const missingIds = inputs.flatMap((p, i) => (p.deviceId === undefined && own === null ? [i] : []));
      if (missingIds.length > 0) {
        return reject(
          "malformed",
          missingIds.slice(0, 20).map((i) => ({ field: `positions.${i}.deviceId`, message: "deviceId is required (from a gateway)" })),
          "body.",
        );
      }
      if (own !== null && inputs.some((p) => p.deviceId !== undefined && p.deviceId !== own)) {
        throw new ForbiddenError("a device reports only its own fixes").coded("device_not_own");
      }
      const fixes: DeviceFix[] = inputs.map((p) => ({
        deviceId: p.deviceId ?? (own as string),
        fixAt: new Date(p.fixAt),
        lat: p.lat,
        lon: p.lon,
        speed: p.speed ?? null,
        heading: p.heading === undefined || p.heading === null ? null : p.heading % 360,
        altitude: p.altitude ?? null,
        accuracy: p.accuracy ?? null,
        battery: p.battery ?? null,
      }));
      const errors = fixes.flatMap((f, i) =>
        checkFix(f, receivedAt).map((e) => ({
          field: `positions.${i}.${e.field === "timestamp" ? "fixAt" : e.field}`,
          message: e.message,
        })),
      );
      if (errors.length > 0) return reject("impossible", errors, "body.");
      // a gateway is the bureau's own relay for many devices: limited by its batch size and the intake, not per device
      return ingest(fixes, receivedAt, who?.kind !== "gateway");
    },

    /**
     * Which unit a device's progress report (ack, en route, …) speaks for: its own token's unit, or, from
     * a gateway (or with DEVICE_AUTH=none), the unit of the device it names.
     */
    async progressUnit(bearer: string | undefined, deviceId: string | undefined): Promise<string> {
      const who = options.deviceAuth === "token" ? await principal(bearer) : null;
      if (who?.kind === "device") {
        if (deviceId !== undefined && deviceId !== who.device.identifier)
          throw new ForbiddenError("a device reports only for its own unit").coded("device_not_own");
        return who.device.unitId;
      }
      if (deviceId === undefined)
        throw new BadRequestError("body.deviceId: required from a gateway", [
          { path: "body.deviceId", message: "required", code: "field:required" },
        ]);
      const device = (await deps.registry.resolve([deviceId])).get(deviceId);
      if (!device) throw new NotFoundError("assignment");
      return device.unitId;
    },

    stats(pending: number, overloaded: number): IngestStats {
      const p = deps.pipeline.stats;
      return {
        writes: {
          count: p.flushes,
          meanFixes: p.flushes ? Math.round(p.accepted / p.flushes) : 0,
          meanMs: p.flushes ? Math.round((p.totalFlushMs / p.flushes) * 10) / 10 : 0,
          maxMs: Math.round(p.maxFlushMs * 10) / 10,
        },
        since: since.toISOString(),
        accepted: deps.pipeline.stats.accepted,
        duplicates: deps.pipeline.stats.duplicates,
        rejected: { ...rejected },
        unknownDevices: [...unknown.entries()]
          .sort((a, b) => b[1].lastSeenAt.getTime() - a[1].lastSeenAt.getTime())
          .slice(0, 50)
          .map(([deviceId, e]) => ({ deviceId, attempts: e.attempts, lastSeenAt: e.lastSeenAt.toISOString() })),
        pending,
        overloaded,
      };
    },
  };
}

export type IngestService = ReturnType<typeof createIngestService>;
