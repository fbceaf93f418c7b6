// npm run bench:login-timing — do failed sign-ins tell an unknown name from a real one by their time?
// 100 attempts each (every attempt from its own address, so no back-off): an unknown name, a real
// name with a wrong password, and a disabled account with its right password; medians printed side by side.
import { buildApp } from "../src/app";
import { parseConfig } from "../src/config";
import { openBenchDatabase } from "./database";
import { ms, summarize } from "./stats";

const N = Number(process.env.BENCH_REQUESTS ?? 100);
const bench = await openBenchDatabase();
try {
  const app = await buildApp({
    config: parseConfig({ LOG_LEVEL: "silent", WEB_DIST: "/nonexistent", LOGIN_RATE_LIMIT_PER_MINUTE: "10000" }),
    db: bench.db,
    databaseUrl: bench.databaseUrl,
    embeddedDatabase: false,
    logger: false,
  });
  await bench.db.user.update({ where: { username: "chief" }, data: { disabled: true } });
  const kinds = {
    "unknown name": (i: number) => ({ username: `nobody-${i}`, password: "wrong-pass" }),
    "wrong password": () => ({ username: "operator", password: "wrong-pass" }),
    "disabled account, right password": () => ({ username: "chief", password: "onemap" }),
  };
  const times = new Map(Object.keys(kinds).map((k) => [k, [] as number[]]));
  for (let i = 0; i < N * 3; i++) {
    const [name, body] = Object.entries(kinds)[i % 3] as [string, (i: number) => object];
    const t0 = performance.now();
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: body(i),
      remoteAddress: `10.9.${Math.floor(i / 250)}.${i % 250}`,
    });
    times.get(name)?.push(performance.now() - t0);
    if (res.statusCode !== 401) throw new Error(`${name}: ${res.statusCode}, expected 401`);
  }
  console.log(`failed sign-ins, ${N} each (all 401 with the same body):`);
  for (const [name, list] of times) {
    const s = summarize(list);
    console.log(`  ${name.padEnd(34)} p50 ${ms(s.p50)}  p95 ${ms(s.p95)}`);
  }
  await app.close();
} finally {
  await bench.close();
}
