// Environment, parsed once. A bad variable stops start-up with a message naming every bad one.

import { isIP } from "node:net";
import { resolve } from "node:path";
import { DEFAULT_DATA_DIR, DEFAULT_EMBEDDED_PORT, repoRoot } from "@onemap/db";
import { z } from "zod";

const bool = z.enum(["true", "false", "1", "0", "yes", "no"]).transform((v) => v === "true" || v === "1" || v === "yes");

const optionalUrl = (protocols: RegExp) =>
  z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(z.url({ protocol: protocols }).optional());

const commaList = z
  .string()
  .default("")
  .transform((v) =>
    v
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  );

/** Proxies whose X-Forwarded-For is believed: addresses or CIDR ranges, never "every address". */
const TrustProxy = z
  .string()
  .default("false")
  .transform((v, ctx) => {
    const value = v.trim();
    if (value === "" || value === "false" || value === "0" || value === "no") return false as const;
    if (value === "true" || value === "1" || value === "yes") {
      ctx.addIssue({
        code: "custom",
        message: "list the proxies' addresses (e.g. 127.0.0.1,10.0.0.0/8): trusting every address lets any client forge X-Forwarded-For",
      });
      return z.NEVER;
    }
    const entries = value.split(",").map((x) => x.trim());
    for (const entry of entries) {
      const [address = "", bits, ...rest] = entry.split("/");
      const family = isIP(address);
      const maxBits = family === 6 ? 128 : 32;
      if (!family || rest.length > 0 || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= maxBits))) {
        ctx.addIssue({ code: "custom", message: `${JSON.stringify(entry)} is not an IP address or CIDR range` });
        return z.NEVER;
      }
    }
    return entries;
  });

const Origins = commaList.pipe(z.array(z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin)));

export const ConfigSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    HOST: z.string().min(1).default("127.0.0.1"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** auto: human-readable on a terminal, JSON lines otherwise */
    LOG_FORMAT: z.enum(["auto", "pretty", "json"]).default("auto"),
    DATABASE_URL: optionalUrl(/^postgres(ql)?$/).optional(),
    /** the owner role's connection: applies migrations and grants the runtime role (DATABASE_URL's user) what it needs */
    DATABASE_OWNER_URL: optionalUrl(/^postgres(ql)?$/).optional(),
    /** with several API processes: broadcasts go through Redis so every board sees every process's events */
    REDIS_URL: optionalUrl(/^rediss?$/).optional(),
    REDIS_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9:_-]+$/)
      .default("onemap"),
    /** how often positions are written and broadcast as one frame */
    POSITION_TICK_MS: z.coerce.number().int().min(20).max(5000).default(250),
    /** write at once when this many fixes wait */
    POSITION_MAX_BATCH: z.coerce.number().int().min(1).max(50_000).default(5000),
    /** beyond this many fixes waiting, ingest answers 503 with Retry-After */
    POSITION_MAX_PENDING: z.coerce.number().int().min(1).max(1_000_000).default(50_000),
    /** how often the county posture's grid coverage is re-checked (posture:changed when it changes) */
    COVERAGE_CHECK_MS: z.coerce.number().int().min(500).max(600_000).default(10_000),
    /** a board away for less than this gets the missed events replayed; longer, it reloads the snapshot */
    RECOVERY_WINDOW_S: z.coerce.number().int().min(0).max(3600).default(60),
    /** run the simulator (demo units patrolling) beside the API; defaults to true in demo mode */
    SIMULATOR: bool.optional(),
    SIMULATOR_USERNAME: z.string().min(1).default("admin"),
    SIMULATOR_PASSWORD: z.string().min(1).default("onemap"),
    SIMULATOR_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(3000),
    ONEMAP_DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(DEFAULT_EMBEDDED_PORT),
    /** seed the Peng'an demo county at start; defaults to true on the embedded database only */
    DEMO: bool.optional(),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .min(0.1)
      .max(24 * 30)
      .default(12),
    COOKIE_SECURE: bool.optional(),
    TRUST_PROXY: TrustProxy,
    /** other origins whose pages may open the board's socket (the board's own origin always may) */
    ALLOWED_ORIGINS: Origins,
    /** hosts the board may load camera streams from (Content-Security-Policy), e.g. https://video.example */
    MEDIA_ORIGINS: Origins,
    /** token: every device and gateway authenticates with its token; none: Traccar's trusted-network behaviour */
    DEVICE_AUTH: z.enum(["token", "none"]).default("token"),
    /** per device: a burst of this many fixes, then DEVICE_FIXES_PER_S (beyond: 429 with Retry-After) */
    DEVICE_FIX_BURST: z.coerce.number().int().min(1).max(10_000).default(5),
    DEVICE_FIXES_PER_S: z.coerce.number().min(0.01).max(1000).default(1),
    LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
    ONEMAP_ADMIN_USERNAME: z.string().trim().min(1).max(64).default("admin"),
    ONEMAP_ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
    WEB_DIST: z.string().min(1).default(resolve(repoRoot, "apps/web/dist")),
    /** the board's base map: a Leaflet URL template (empty = none), its attribution, zoom, coordinate system */
    TILE_URL: z.string().default("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
    TILE_ATTRIBUTION: z.string().default("© OpenStreetMap contributors"),
    TILE_MAX_ZOOM: z.coerce.number().int().min(1).max(22).default(19),
    TILE_COORD_SYSTEM: z.enum(["WGS84", "GCJ02"]).default("WGS84"),
  })
  .transform((env) => ({
    ...env,
    cookieSecure: env.COOKIE_SECURE ?? env.NODE_ENV === "production",
  }));

export type Config = z.output<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** settings where an empty value means "none", not "the default" (TILE_URL= : no base map) */
const EMPTY_MEANS_NONE = new Set(["TILE_URL"]);

export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const picked = Object.fromEntries(
    Object.keys(ConfigSchema.in.shape).map((key) => [key, env[key] === "" && !EMPTY_MEANS_NONE.has(key) ? undefined : env[key]]),
  );
  const result = ConfigSchema.safeParse(picked);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}
