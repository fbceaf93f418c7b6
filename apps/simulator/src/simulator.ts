// The simulator: signs in, reads the county's units and grids through the API, and reports every
// unit's position through the public device APIs — the OsmAnd protocol as Traccar Client sends it,
// or gateway batches — spreading reports evenly over the interval. Doubles as the load generator.
import { demoDeviceToken } from "@onemap/domain/demo-tokens";
import type { DeviceView, Grid, Unit } from "@onemap/shared";
import type { SimulatorOptions } from "./args";
import { HttpClient } from "./http";
import { type Area, startState, step, type UnitState } from "./patrol";

interface Driven {
  unit: Unit;
  /** the unit's reporting device: its identifier and token */
  device: { identifier: string; token: string | null };
  area: Area;
  state: UnitState;
  due: number;
  lastStep: number;
}

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const KMH_TO_KNOTS = 1 / 1.852;

export async function runSimulator(options: SimulatorOptions, signal: AbortSignal) {
  const client = new HttpClient(options.base, options.concurrency);
  const random = mulberry32(options.seed);
  const login = await client.request("POST", "/api/auth/login", JSON.stringify({ username: options.username, password: options.password }));
  if (login.status !== 200) throw new Error(`sign-in as ${options.username} failed: ${login.status} ${login.body}`);
  client.cookie = String(login.headers["set-cookie"]?.[0] ?? "").split(";")[0] ?? "";
  const [unitsRes, gridsRes, devicesRes] = await Promise.all([
    client.request("GET", "/api/units"),
    client.request("GET", "/api/grids"),
    client.request("GET", "/api/devices"),
  ]);
  if (unitsRes.status !== 200 || gridsRes.status !== 200 || devicesRes.status !== 200)
    throw new Error(
      `reading units, grids and devices failed: ${unitsRes.status} ${gridsRes.status} ${devicesRes.status} (the devices need an administrator's sign-in)`,
    );
  const grids = new Map((JSON.parse(gridsRes.body) as Grid[]).map((g) => [g.id, g]));
  const deviceOf = new Map<string, DeviceView>();
  for (const d of JSON.parse(devicesRes.body) as DeviceView[])
    if (d.protocol === "osmand" && !deviceOf.has(d.unitId)) deviceOf.set(d.unitId, d);
  let units = (JSON.parse(unitsRes.body) as Unit[]).filter((u) => deviceOf.has(u.id) && u.lastFix);
  // batch mode reports through a gateway: the one given, or one registered now (the sign-in is an administrator's)
  let gatewayToken = options.gatewayToken ?? null;
  if (options.protocol === "batch" && gatewayToken === null && options.tokens !== "none") {
    const res = await client.request("POST", "/api/gateways", JSON.stringify({ name: `simulator ${new Date().toISOString()}` }));
    if (res.status !== 201) throw new Error(`registering a gateway failed: ${res.status} ${res.body}`);
    gatewayToken = (JSON.parse(res.body) as { token: string }).token;
  }
  const tokenFor = (identifier: string) => (options.tokens === "demo" ? demoDeviceToken(identifier) : null);
  if (options.units > 0) {
    if (units.length < options.units) throw new Error(`--units ${options.units}: only ${units.length} units with a device are registered`);
    units = units.slice(0, options.units);
  }

  const now = Date.now();
  const driven: Driven[] = units.map((unit, i) => {
    const grid = unit.gridId ? grids.get(unit.gridId) : undefined;
    const at = { lat: unit.lastFix?.lat ?? 0, lon: unit.lastFix?.lon ?? 0 };
    // units with no grid patrol around where they are; the reserves at HQ only stand by
    const area: Area = grid
      ? { kind: "polygon", polygon: grid.polygon }
      : {
          kind: "circle",
          center: at,
          radiusM: unit.reinforcementGroup === "HQ_RESERVE" ? 30 : unit.homeStationId.startsWith("st-") && unit.kind === "CAR" ? 2000 : 300,
        };
    const identifier = (deviceOf.get(unit.id) as DeviceView).identifier;
    return {
      unit,
      device: { identifier, token: tokenFor(identifier) },
      area,
      state: startState(at, area, unit.kind, random),
      due: now + (i / units.length) * options.interval,
      lastStep: now,
    };
  });

  const stats = { sent: 0, ok: 0, rejected: 0, overloaded: 0, failed: 0, deferred: 0, responded: 0, latencies: [] as number[] };

  // Dispatches: read through the API like a unit's terminal would be told of them. A dispatched unit
  // acknowledges, drives to the incident (onemap sets it on scene when it is within 50 m), stays
  // `dwell` seconds, and reports clear; then it patrols again.
  const byId = new Map(driven.map((d) => [d.unit.id, d]));
  const working = new Map<string, { assignmentId: string; onSceneSince: number | null }>();
  // progress goes with the device's own token (or, through a gateway, the gateway's naming the device)
  const device = (path: string, d: Driven) =>
    d.device.token
      ? client.request("POST", path, "{}", "application/json", { authorization: `Bearer ${d.device.token}` })
      : client.request("POST", path, JSON.stringify({ deviceId: d.device.identifier }), "application/json", {
          ...(gatewayToken ? { authorization: `Bearer ${gatewayToken}` } : {}),
        });
  const follow = async () => {
    const res = await client.request("GET", "/api/incidents?status=DISPATCHED,ON_SCENE&limit=500");
    if (res.status !== 200) return;
    const incidents = JSON.parse(res.body) as { lat: number; lon: number; assignments: { id: string; unitId: string; status: string }[] }[];
    for (const incident of incidents) {
      for (const a of incident.assignments) {
        const d = byId.get(a.unitId);
        if (!d) continue;
        if (a.status === "DISPATCHED") {
          await device(`/api/devices/assignments/${a.id}/ack`, d);
          await device(`/api/devices/assignments/${a.id}/enroute`, d);
          d.state = { ...d.state, destination: { lat: incident.lat, lon: incident.lon } };
          working.set(a.unitId, { assignmentId: a.id, onSceneSince: null });
          stats.responded++;
        } else if (a.status === "EN_ROUTE" || a.status === "ACKNOWLEDGED") {
          d.state = { ...d.state, destination: { lat: incident.lat, lon: incident.lon } };
          if (!working.has(a.unitId)) working.set(a.unitId, { assignmentId: a.id, onSceneSince: null });
        } else if (a.status === "ON_SCENE") {
          const w = working.get(a.unitId) ?? { assignmentId: a.id, onSceneSince: null };
          w.onSceneSince ??= Date.now();
          working.set(a.unitId, w);
          if (Date.now() - w.onSceneSince >= options.dwell * 1000) {
            await device(`/api/devices/assignments/${a.id}/clear`, d);
            d.state = { ...d.state, destination: null };
            working.delete(a.unitId);
          }
        }
      }
    }
  };
  let following = false;
  const follower =
    options.follow > 0
      ? setInterval(() => {
          if (following) return;
          following = true;
          follow()
            .catch(() => {
              // the API is busy or restarting: the next round reads the dispatches again
              stats.failed++;
            })
            .finally(() => {
              following = false;
            });
        }, options.follow)
      : undefined;
  let inFlight = 0;
  const started = Date.now();

  const send = async (batch: Driven[]) => {
    inFlight++;
    const t0 = performance.now();
    try {
      let reply: { status: number; headers: Record<string, unknown> };
      if (options.protocol === "osmand") {
        const d = batch[0] as Driven;
        const s = d.state;
        const body = `id=${d.device.identifier}&timestamp=${Date.now()}&lat=${s.lat.toFixed(6)}&lon=${s.lon.toFixed(6)}&speed=${(s.speed * KMH_TO_KNOTS).toFixed(2)}&bearing=${s.heading.toFixed(1)}&altitude=290&accuracy=8&batt=80`;
        // as Traccar Client is set up: the token in the server URL's query string, the fix in a form body
        const url = d.device.token ? `/ingest/osmand?key=${encodeURIComponent(d.device.token)}` : "/ingest/osmand";
        reply = await client.request("POST", url, body, "application/x-www-form-urlencoded");
      } else {
        const at = new Date().toISOString();
        const positions = batch.map((d) => ({
          deviceId: d.device.identifier,
          lat: d.state.lat,
          lon: d.state.lon,
          fixAt: at,
          speed: d.state.speed,
          heading: d.state.heading,
        }));
        reply = await client.request("POST", "/api/devices/positions", JSON.stringify({ positions }), "application/json", {
          ...(gatewayToken ? { authorization: `Bearer ${gatewayToken}` } : {}),
        });
      }
      stats.sent += batch.length;
      if (reply.status === 200) stats.ok += batch.length;
      else if (reply.status === 503) {
        stats.overloaded += batch.length;
        const retry = Number(reply.headers["retry-after"] ?? 1) * 1000;
        for (const d of batch) d.due = Math.max(d.due, Date.now() + retry);
      } else stats.rejected += batch.length;
    } catch {
      // connection refused or reset: counted, and the unit reports again next time
      stats.failed += batch.length;
    } finally {
      inFlight--;
      // a bounded sample: a long load run must not grow the generator's own memory
      if (stats.latencies.length < 200_000) stats.latencies.push(performance.now() - t0);
      else stats.latencies[Math.floor(Math.random() * stats.latencies.length)] = performance.now() - t0;
    }
  };

  const report = () => {
    const sorted = stats.latencies.sort((a, b) => a - b);
    const pct = (p: number) => (sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0) : 0);
    const elapsed = (Date.now() - started) / 1000;
    return {
      elapsedS: Math.round(elapsed),
      units: driven.length,
      sent: stats.sent,
      ok: stats.ok,
      rejected: stats.rejected,
      overloaded: stats.overloaded,
      failed: stats.failed,
      deferred: stats.deferred,
      responded: stats.responded,
      fixesPerS: Math.round(stats.ok / Math.max(elapsed, 0.001)),
      p50Ms: Math.round(pct(50)),
      p99Ms: Math.round(pct(99)),
    };
  };
  const reporter =
    options.report > 0 ? setInterval(() => console.log(`simulator ${JSON.stringify(report())}`), options.report * 1000) : undefined;

  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const t = Date.now();
      if (signal.aborted || (options.duration > 0 && t - started >= options.duration * 1000)) {
        clearInterval(tick);
        resolve();
        return;
      }
      // Units are moved only when their report can go out now: when the server (or this generator)
      // is slower than the plan, a unit's report waits for the next tick, as a device's would.
      const size = options.protocol === "batch" ? options.batch : 1;
      let batch: Driven[] = [];
      for (const d of driven) {
        if (d.due > t) continue;
        if (inFlight >= options.concurrency) {
          stats.deferred++;
          continue;
        }
        d.state = step(d.state, d.area, d.unit.kind, t - d.lastStep, random);
        d.lastStep = t;
        d.due += options.interval;
        if (d.due < t) d.due = t + options.interval; // fell behind: do not burst to catch up
        batch.push(d);
        if (batch.length === size) {
          void send(batch);
          batch = [];
        }
      }
      if (batch.length > 0) void send(batch);
    }, 20);
  });
  if (follower) clearInterval(follower);
  while (inFlight > 0 || following) await new Promise((r) => setTimeout(r, 10));
  if (reporter) clearInterval(reporter);
  client.close();
  return report();
}
