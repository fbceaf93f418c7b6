// npm run bench:dispatch — 50 concurrent operators take calls against the demo county with 2,000
// units: each creates an incident, fetches its recommendations and dispatches the first. Prints
// p50/p99 of each call beside the same work's SQL sent raw through pg, at the same concurrency, in
// the same run.
import { randomUUID } from "node:crypto";
import { buildApp } from "../src/app";
import { parseConfig } from "../src/config";
import { createPool } from "../src/database";
import { addBenchUnits, openBenchDatabase } from "./database";
import { ms, summarize } from "./stats";

const UNITS = 2000;
const OPERATORS = 50;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
/**
 * Operators read the call, look at the recommendations, then click: with think time between the
 * steps (paced: what 50 people at their desks do) — and once more without any (saturated: the
 * throughput ceiling, where every latency is mostly queueing on this 2-core machine).
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const fmtRate = (n: number, s: number) => (n / s).toFixed(1);

const bench = await openBenchDatabase();
const { databaseUrl, db } = bench;

try {
  await addBenchUnits(db, UNITS);
  // the bench's users: 50 operators signing in at once
  const app = await buildApp({
    config: parseConfig({ LOG_LEVEL: "error", WEB_DIST: "/nonexistent", LOGIN_RATE_LIMIT_PER_MINUTE: "10000" }),
    db,
    databaseUrl,
    embeddedDatabase: false,
  });
  const base = await app.listen({ host: "127.0.0.1", port: 0 });
  const cookies = await Promise.all(
    Array.from({ length: OPERATORS }, async () => {
      const r = await fetch(`${base}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "operator", password: "onemap" }),
      });
      return (r.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    }),
  );

  const timings = { create: [] as number[], recommendations: [] as number[], dispatch: [] as number[] };
  let conflicts = 0;
  const timed = async <T>(bucket: number[], fn: () => Promise<T>) => {
    const t0 = performance.now();
    const r = await fn();
    bucket.push(performance.now() - t0);
    return r;
  };
  const call = async (method: string, path: string, cookie: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { cookie, ...(body ? { "content-type": "application/json" } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };

  const runOperators = (think: number) =>
    Promise.all(
      cookies.map(async (cookie, op) => {
        await sleep(think * Math.random() * 3000);
        for (let round = 0; round < ROUNDS; round++) {
          const lat = 31.019 + ((op * 7 + round * 13) % 97) / 4100;
          const lon = 106.391 + ((op * 11 + round * 17) % 89) / 2150;
          const created = await timed(timings.create, () => call("POST", "/api/incidents", cookie, { category: "theft", lat, lon }));
          if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.json)}`);
          const id = created.json.id as string;
          await sleep(think * (300 + Math.random() * 500));
          const recs = await timed(timings.recommendations, () => call("GET", `/api/incidents/${id}/recommendations`, cookie));
          const list = recs.json.recommendations as { unitId: string }[];
          // one click on the top recommendation; if another operator took it that instant, the next
          await sleep(think * (300 + Math.random() * 500));
          for (const pick of list.slice(0, 5)) {
            const sent = await timed(timings.dispatch, () =>
              call("POST", `/api/incidents/${id}/dispatch`, cookie, { unitIds: [pick.unitId] }),
            );
            if (sent.status === 200) break;
            if (sent.status === 409) conflicts++;
            else throw new Error(`dispatch: ${sent.status} ${JSON.stringify(sent.json)}`);
          }
          await sleep(think * (1000 + Math.random() * 1000));
        }
      }),
    );
  let started = performance.now();
  await runOperators(1);
  const paced = {
    seconds: (performance.now() - started) / 1000,
    create: timings.create.splice(0),
    recommendations: timings.recommendations.splice(0),
    dispatch: timings.dispatch.splice(0),
    conflicts,
  };
  conflicts = 0;
  started = performance.now();
  await runOperators(0);
  const seconds = (performance.now() - started) / 1000;
  await app.close();

  // the same work's SQL, raw through pg, same concurrency
  const pool = createPool(databaseUrl, { max: 20, onIdleError: (error) => console.error(error) });
  const raw = { recommendations: [] as number[], dispatch: [] as number[] };
  const units = (await pool.query<{ id: string }>(`SELECT id FROM "Unit" WHERE status = 'AVAILABLE' LIMIT ${OPERATORS * ROUNDS}`)).rows.map(
    (r) => r.id,
  );
  const incidents = (await pool.query<{ id: string }>(`SELECT id FROM "Incident" LIMIT ${OPERATORS * ROUNDS}`)).rows.map((r) => r.id);
  await pool.query(`UPDATE "Unit" SET status = 'AVAILABLE' WHERE id = ANY($1)`, [units]);
  let next = 0;
  const rawRun = (concurrency: number, rounds: number) =>
    Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let round = 0; round < rounds; round++) {
          const k = next++;
          const unitId = units[k % units.length] as string;
          const incidentId = incidents[k % incidents.length] as string;
          let t0 = performance.now();
          await pool.query(
            `SELECT u.*, o.name, rg.kind FROM "Unit" u LEFT JOIN "Officer" o ON o.id = u."leaderId" LEFT JOIN "ReinforcementGroup" rg ON rg.id = u."reinforcementGroupId"
            WHERE u.status = 'AVAILABLE' AND u."lastLat" IS NOT NULL AND (u."reinforcementGroupId" IS NULL)`,
          );
          raw.recommendations.push(performance.now() - t0);
          t0 = performance.now();
          const client = await pool.connect();
          try {
            await client.query("BEGIN");
            await client.query(`SELECT * FROM "Incident" WHERE id = $1`, [incidentId]);
            await client.query(`SELECT id, callsign FROM "Unit" WHERE id = ANY($1)`, [[unitId]]);
            await client.query(
              `UPDATE "Unit" SET status = 'DISPATCHED', version = version + 1 WHERE id = ANY($1) AND status = 'AVAILABLE' RETURNING id`,
              [[unitId]],
            );
            await client.query(
              `INSERT INTO "Assignment" (id, "incidentId", "unitId", status, "dispatchedAt") VALUES ($1, $2, $3, 'CLEARED', now())`,
              [randomUUID(), incidentId, unitId],
            );
            await client.query(`UPDATE "Incident" SET version = version + 1 WHERE id = $1`, [incidentId]);
            await client.query(`INSERT INTO "IncidentEvent" ("incidentId", type, "after") VALUES ($1, 'bench', '{}')`, [incidentId]);
            await client.query(`SELECT * FROM "Assignment" WHERE "incidentId" = $1`, [incidentId]);
            await client.query("COMMIT");
          } finally {
            client.release();
          }
          raw.dispatch.push(performance.now() - t0);
        }
      }),
    );
  await rawRun(1, 100);
  const rawAlone = { recommendations: raw.recommendations.splice(0), dispatch: raw.dispatch.splice(0) };
  await rawRun(OPERATORS, ROUNDS);
  await pool.end();

  const line = (label: string, samples: number[]) => {
    const s = summarize(samples);
    return `${label.padEnd(42)} n=${String(s.n).padStart(5)}  p50 ${ms(s.p50).padStart(9)}  p99 ${ms(s.p99).padStart(9)}`;
  };
  console.log(
    `\npaced: ${OPERATORS} operators × ${ROUNDS} calls, think time between steps, ${UNITS} units, ${paced.seconds.toFixed(1)} s (${fmtRate(paced.create.length, paced.seconds)} calls/s; ${paced.conflicts} dispatches lost a race)`,
  );
  console.log(line("POST /api/incidents", paced.create));
  console.log(line("GET  /api/incidents/:id/recommendations", paced.recommendations));
  console.log(line("  raw: the units query, one at a time", rawAlone.recommendations));
  console.log(line("POST /api/incidents/:id/dispatch", paced.dispatch));
  console.log(line("  raw: the transaction, one at a time", rawAlone.dispatch));
  console.log(
    `\nsaturated: no think time, ${seconds.toFixed(1)} s (${fmtRate(timings.create.length, seconds)} calls/s; ${conflicts} dispatches lost a race)`,
  );
  console.log(line("POST /api/incidents", timings.create));
  console.log(line("GET  /api/incidents/:id/recommendations", timings.recommendations));
  console.log(line("  raw: the units query, 50 at once", raw.recommendations));
  console.log(line("POST /api/incidents/:id/dispatch", timings.dispatch));
  console.log(line("  raw: the transaction, 50 at once", raw.dispatch));
  const d = summarize(paced.dispatch);
  const r = summarize(paced.recommendations);
  console.log(
    `\ntargets (paced): dispatch p99 < 25 ms: ${d.p99 < 25 ? "met" : "NOT met"} (${ms(d.p99)}); recommendations p99 < 10 ms with ${UNITS} units: ${r.p99 < 10 ? "met" : "NOT met"} (${ms(r.p99)})`,
  );
} finally {
  await bench.close();
}
