// Device ingest: parse what the device sent, refuse impossible values and unknown devices with the
// reason (storing nothing), and hand the rest to the pipeline.
import { checkFix, type DeviceFix, type FieldError, parseOsmAndParams, parseTraccarJson } from "@onemap/domain";
import type { DeviceFixInput, IngestStats } from "@onemap/shared";
import { BadRequestError, NotFoundError } from "../../errors";
import type { PositionPipeline, ResolvedFix, SubmitResult } from "./pipeline";
import type { DeviceRegistry, RegisteredDevice } from "./registry";

export interface OsmAndRequest {
  query: Record<string, string | string[] | undefined>;
  contentType: string | undefined;
  body: string | undefined;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function createIngestService(deps: { registry: DeviceRegistry; pipeline: PositionPipeline; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  const since = now();
  const rejected: Record<string, number> = {};
  const unknown = new Map<string, { attempts: number; lastSeenAt: Date }>();
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

  async function ingest(fixes: DeviceFix[], receivedAt: Date): Promise<SubmitResult> {
    const devices = await deps.registry.resolve(fixes.map((f) => f.deviceId));
    const missing = [...new Set(fixes.map((f) => f.deviceId).filter((id) => !devices.has(id)))];
    if (missing.length > 0) {
      noteUnknown(missing);
      throw new NotFoundError(
        `device ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ` and ${missing.length - 5} more` : ""} (not registered to any unit)`,
      );
    }
    const resolved: ResolvedFix[] = fixes.map((f) => {
      const device = devices.get(f.deviceId) as RegisteredDevice;
      return {
        unitId: device.unitId,
        stationId: device.homeStationId,
        fixAt: f.fixAt ?? receivedAt,
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
    /** One fix in the OsmAnd protocol: query string, form body, or Traccar Client JSON. */
    async ingestOsmAnd(request: OsmAndRequest): Promise<SubmitResult> {
      const receivedAt = now();
      const params = Object.fromEntries(Object.entries(request.query).map(([k, v]) => [k, first(v)]));
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
      const errors = checkFix(parsed.fix, receivedAt);
      if (errors.length > 0) return reject("impossible", errors);
      return ingest([parsed.fix], receivedAt);
    },

    /** A gateway's batch: all fixes are stored, or (any bad one) none. */
    async ingestBatch(inputs: readonly DeviceFixInput[]): Promise<SubmitResult> {
      const receivedAt = now();
      const fixes: DeviceFix[] = inputs.map((p) => ({
        deviceId: p.deviceId,
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
      return ingest(fixes, receivedAt);
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
