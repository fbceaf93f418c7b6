import { z } from "zod";

export const Id = z.string().min(1).max(64);
/** ISO-8601 with an offset, within years 1900..2999 (year 0000 and the like are valid ISO but no time a police record can hold) */
export const IsoDateTime = z.iso.datetime({ offset: true }).refine(
  (v) => {
    const t = Date.parse(v);
    return t >= Date.UTC(1900, 0, 1) && t < Date.UTC(3000, 0, 1);
  },
  { message: "must be a time between the years 1900 and 2999" },
);
/** an optimistic-concurrency version as PostgreSQL's integer holds it */
export const Version = z.number().int().min(0).max(2_147_483_647);
export const Latitude = z.number().min(-90).max(90);
export const Longitude = z.number().min(-180).max(180);

/** A GeoJSON Polygon (WGS-84, [lon, lat] positions, closed rings). */
export const GeoJsonPolygon = z.object({
  type: z.literal("Polygon"),
  coordinates: z.array(z.array(z.tuple([Longitude, Latitude])).min(4)).min(1),
});
export type GeoJsonPolygon = z.infer<typeof GeoJsonPolygon>;

/** Every 4xx/5xx body. `issues` lists each bad field of a 400. */
export const ErrorBody = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  requestId: z.string().optional(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** a stable name for the refusal (e.g. `unit_taken`) and its facts, so a board can say it in its own language */
  code: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** `near=lat,lon,radiusM`: a circle query. */
export const NearQuery = z.string().transform((value, ctx) => {
  const parts = value.split(",").map((p) => Number(p.trim()));
  const [lat, lon, radiusM] = parts;
  if (parts.length !== 3 || lat === undefined || lon === undefined || radiusM === undefined || parts.some((n) => !Number.isFinite(n))) {
    ctx.addIssue({ code: "custom", message: "near must be lat,lon,radiusM (three numbers)" });
    return z.NEVER;
  }
  if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
    ctx.addIssue({ code: "custom", message: "near: latitude must be within ±90 and longitude within ±180" });
    return z.NEVER;
  }
  if (radiusM <= 0 || radiusM > 100_000) {
    ctx.addIssue({ code: "custom", message: "near: radiusM must be greater than 0 and at most 100000" });
    return z.NEVER;
  }
  return { lat, lon, radiusM };
});
export type Near = z.output<typeof NearQuery>;

export const IdParams = z.object({ id: Id });
