// Two API processes, one PostgreSQL, one Redis: a board on process A sees what process B ingested,
// and still only what its role allows.

import { createTestDatabase, runtimeUrl } from "@onemap/db/testing";
import { demoDeviceToken } from "@onemap/domain/demo-tokens";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, type ServerProcess, signIn, startServer, waitFor } from "./process";
import { connectBoard, recordFrames, sleep, waitForEvent } from "./realtime-helpers";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

async function redisReachable(): Promise<boolean> {
  const client = createClient({ url: REDIS_URL, socket: { connectTimeout: 1000, reconnectStrategy: false } });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.ping();
    await client.quit();
    return true;
  } catch {
    return false;
  }
}

// CI always runs it (.ci/run starts Redis); a developer without Redis is told, not failed.
/** a demo unit's phone as OsmAnd query parameters (the identifier is an administrator's to read) */
async function osmandQuery(base: string, adminCookie: string, unitId: string): Promise<string> {
  const res = await fetch(`${base}/api/units/${unitId}/devices`, { headers: { cookie: adminCookie } });
  const identifier = ((await res.json()) as { identifier: string }[])[0]?.identifier ?? "";
  return `id=${identifier}&key=${demoDeviceToken(identifier)}`;
}

const available = process.env.CI ? true : await redisReachable();
if (!available) console.warn(`multiprocess.test.ts skipped: no Redis at ${REDIS_URL} (set TEST_REDIS_URL, or start redis-server)`);

describe.skipIf(!available)("two API processes behind one Redis", () => {
  const processes: ServerProcess[] = [];
  let a = "";
  let b = "";
  const prefix = `onemap-test-${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    const databaseUrl = await createTestDatabase("county");
    // as a real deployment runs: the API as a role that owns nothing, the owner applying migrations
    const env = {
      DATABASE_URL: runtimeUrl(databaseUrl),
      DATABASE_OWNER_URL: databaseUrl,
      REDIS_URL,
      REDIS_PREFIX: prefix,
      POSITION_TICK_MS: "100",
      SIMULATOR: "false",
    };
    const [portA, portB] = [await freePort(), await freePort()];
    const pa = startServer({ ...env, PORT: String(portA) });
    const pb = startServer({ ...env, PORT: String(portB) });
    processes.push(pa, pb);
    a = `http://127.0.0.1:${portA}`;
    b = `http://127.0.0.1:${portB}`;
    await waitFor(async () => (await fetch(`${a}/api/health`)).ok, "process A", pa.output);
    await waitFor(async () => (await fetch(`${b}/api/health`)).ok, "process B", pb.output);
  }, 120_000);

  afterAll(async () => {
    for (const p of processes) p.child.kill("SIGTERM");
    await Promise.all(processes.map((p) => p.exited));
    const redis = createClient({ url: REDIS_URL });
    await redis.connect();
    for await (const keys of redis.scanIterator({ MATCH: `${prefix}*` })) if (keys.length > 0) await redis.del(keys);
    await redis.quit();
  });

  it("delivers a fix ingested at B to a board connected to A within a second", async () => {
    const { socket } = await connectBoard(a, await signIn(a, "operator"));
    const frames = recordFrames(socket);
    await sleep(300); // the adapter's stream reader is up
    const cookieB = await signIn(b, "admin");
    const device = await osmandQuery(b, cookieB, "un-xj-car-1");
    const sent = Date.now();
    const res = await fetch(`${b}/ingest/osmand?${device}&timestamp=${Math.floor(sent / 1000)}&lat=30.93&lon=106.51&speed=12`, {
      method: "POST",
    });
    expect(res.status).toBe(200);
    const { receivedAt } = await frames.waitFor("un-xj-car-1", 1000);
    expect(receivedAt - sent).toBeLessThan(1000);
    socket.close();
  });

  it("keeps a chief on A to their own station's units, and relays status changes made at B", async () => {
    const { socket } = await connectBoard(a, await signIn(a, "chief"));
    const frames = recordFrames(socket);
    await sleep(300);
    const cookieB = await signIn(b, "admin");
    const units = (await (await fetch(`${b}/api/units`, { headers: { cookie: cookieB } })).json()) as {
      id: string;
      homeStationId: string;
      version: number;
    }[];
    const dc = units.find((u) => u.id === "un-dc-car-6");
    const now = Math.floor(Date.now() / 1000);
    await fetch(`${b}/ingest/osmand?${await osmandQuery(b, cookieB, "un-bc-car-6")}&timestamp=${now}&lat=31.035&lon=106.395`, {
      method: "POST",
    });
    await fetch(`${b}/ingest/osmand?${await osmandQuery(b, cookieB, "un-dc-car-6")}&timestamp=${now}&lat=31.025&lon=106.425`, {
      method: "POST",
    });
    await frames.waitFor("un-dc-car-6", 1000);
    await sleep(300);
    expect(frames.unitIds().has("un-bc-car-6")).toBe(false);

    const status = waitForEvent(socket, "unit:status", 1000);
    const put = await fetch(`${b}/api/units/un-dc-car-6/status`, {
      method: "PUT",
      headers: { cookie: cookieB, "content-type": "application/json" },
      body: JSON.stringify({ status: "BUSY", version: dc?.version }),
    });
    expect(put.status).toBe(200);
    expect(await status).toMatchObject({ unitId: "un-dc-car-6", status: "BUSY" });
    socket.close();
  });

  it("accepts a session created at one process on the other", async () => {
    const cookie = await signIn(a, "leader");
    expect((await fetch(`${b}/api/auth/me`, { headers: { cookie } })).status).toBe(200);
  });
});
