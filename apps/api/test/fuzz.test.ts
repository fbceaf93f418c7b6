// Property-based fuzzing of every route in the OpenAPI document, as every role and as a stranger:
// arbitrary path ids, query strings and JSON bodies — with NUL bytes, lone surrogates, huge numbers,
// year-0000 dates mixed in — must never get a 5xx, and a refused request must change nothing.
import { ERROR_CODES } from "@onemap/shared";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, login, type TestContext } from "./helpers";

const NASTY_STRINGS = [
  "a\u0000b",
  "\ud800",
  "x\udc00",
  "0000-01-01T00:00:00Z",
  "9000000000000000",
  "-1",
  "",
  " ",
  "../../etc",
  "%00",
  "null",
  "🚓",
  "派出所",
];
const nastyString = fc.oneof(fc.constantFrom(...NASTY_STRINGS), fc.string({ maxLength: 12 }), fc.string({ unit: "binary", maxLength: 6 }));
const nastyNumber = fc.oneof(fc.constantFrom(9_000_000_000_000_000, -1, 0, 1e308, 2 ** 31, 0.5), fc.integer(), fc.double({ noNaN: true }));
const leaf = fc.oneof(nastyString, nastyNumber, fc.boolean(), fc.constant(null));
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small" },
    leaf,
    fc.array(tie("node"), { maxLength: 3 }),
    fc.dictionary(nastyString, tie("node"), { maxKeys: 3 }),
  ),
})).node;

/** a path segment as a client would send it; a lone surrogate has no UTF-8, so send the bytes one would (invalid UTF-8) */
const encodeSegment = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return "%ED%A0%80";
  }
};

interface Operation {
  method: string;
  path: string;
  params: { name: string; in: string }[];
  bodyKeys: string[];
}

describe("fuzzing every route", () => {
  let t: TestContext;
  const cookies: Record<string, string> = { stranger: "" };
  let operations: Operation[] = [];

  beforeAll(async () => {
    t = await buildTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: "10000", DEVICE_FIX_BURST: "10000" } });
    for (const user of ["operator", "leader", "chief", "admin"]) cookies[user] = await login(t.app, user);
    const doc = (await t.app.inject({ method: "GET", url: "/docs/json" })).json() as {
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: { name: string; in: string }[];
            requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
          }
        >
      >;
    };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        params: op.parameters ?? [],
        bodyKeys: Object.keys(op.requestBody?.content?.["application/json"]?.schema?.properties ?? {}),
      })),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  /** what a refused request must leave as it was (the audit of failed sign-ins and their back-off aside) */
  const fingerprint = async () => {
    const tables = [
      "Incident",
      "Assignment",
      "IncidentEvent",
      "Unit",
      "Camera",
      "Posture",
      "DutyShift",
      "User",
      "Device",
      "Gateway",
      "DailyCounter",
      "UnitPosition",
      "IdempotencyKey",
      "Station",
      "Officer",
      "Grid",
      "ReinforcementGroup",
      "UnitMember",
    ];
    const { rows } = await import("pg").then(async ({ default: pg }) => {
      const client = new pg.Client({ connectionString: t.url });
      await client.connect();
      try {
        return await client.query<{ fp: string }>(
          // rows and the newest writing transaction of each table: any insert, update or delete shows
          `SELECT ${tables.map((name) => `(SELECT count(*) || ':' || coalesce(max(xmin::text::bigint), 0) FROM "${name}")`).join(" || ',' || ")} AS fp`,
        );
      } finally {
        await client.end();
      }
    });
    return rows[0]?.fp;
  };

  it("answers every fuzzed request below 500, and a refused one changes nothing", { timeout: 240_000 }, async () => {
    expect(operations.length).toBeGreaterThan(40);
    // never sign out the fuzzing sessions, and leave the demo sign-ins' passwords alone
    const targets = operations.filter((o) => o.path !== "/api/auth/logout");
    const seen = new Map<string, number>();
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...targets),
        fc.constantFrom(...Object.keys(cookies)),
        fc.dictionary(
          fc.constantFrom(
            "id",
            "step",
            "kind",
            "status",
            "from",
            "to",
            "near",
            "limit",
            "week",
            "key",
            "before",
            "grid",
            "group",
            "actor",
            "q",
            "sort",
            "offset",
            "retired",
          ),
          nastyString,
          { maxKeys: 3 },
        ),
        fc.oneof(value, fc.record({ x: value })),
        fc.array(nastyString, { minLength: 2, maxLength: 2 }),
        async (op, role, query, body, pathValues) => {
          runs++;
          let i = 0;
          const path = op.path.replace(/\{[^}]+\}|:[a-zA-Z]+/g, () => encodeSegment(pathValues[i++ % pathValues.length] ?? "x"));
          const payload =
            op.bodyKeys.length > 0 && typeof body === "object" && body !== null && !Array.isArray(body)
              ? Object.fromEntries(op.bodyKeys.map((k, n) => [k, n % 2 === 0 ? ((body as Record<string, unknown>).x ?? body) : body]))
              : body;
          const before = await fingerprint();
          const res = await t.app.inject({
            method: op.method as "GET",
            url: `${path}?${new URLSearchParams(query as Record<string, string>).toString()}`,
            headers: { ...(cookies[role] ? { cookie: cookies[role] } : {}), "content-type": "application/json" },
            ...(op.method === "GET" || op.method === "DELETE" ? {} : { payload: JSON.stringify(payload) }),
          });
          const key = `${op.method} ${op.path} ${res.statusCode}`;
          seen.set(key, (seen.get(key) ?? 0) + 1);
          expect(res.statusCode, `${op.method} ${path} as ${role}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
          if (res.statusCode >= 400) {
            expect(await fingerprint(), `${op.method} ${path} as ${role} was refused but changed data`).toBe(before);
            // every refusal names itself with a code the board can translate
            const code = (res.json() as { code?: string }).code;
            expect(ERROR_CODES as readonly (string | undefined)[], `${op.method} ${path} as ${role}: code ${code}`).toContain(code);
          }
        },
      ),
      { numRuns: 1000, seed: 20261128 },
    );
    expect(runs).toBe(1000);
    // every route was tried, and answered with a refusal at least once
    expect(new Set([...seen.keys()].map((k) => k.split(" ").slice(0, 2).join(" "))).size).toBeGreaterThan(targets.length * 0.9);
  });
});
