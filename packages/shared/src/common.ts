import { z } from "zod";
import { FIELD_MESSAGES } from "./vocabulary";

export const Id = z.string().min(1).max(64);
/** ISO-8601 with an offset, within years 1900..2999 (year 0000 and the like are valid ISO but no time a police record can hold) */
export const IsoDateTime = z.iso.datetime({ offset: true }).refine(
  (v) => {
    const t = Date.parse(v);
    return t >= Date.UTC(1900, 0, 1) && t < Date.UTC(3000, 0, 1);
  },
  { message: FIELD_MESSAGES.year_range },
);
/** a calendar date (YYYY-MM-DD) within years 1900..2999, as a PostgreSQL date column holds it (no year 0000) */
export const CalendarDate = z.iso.date().refine((v) => v >= "1900-01-01" && v < "3000-01-01", { message: FIELD_MESSAGES.year_range });
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

/** `near=lat,lon,radiusM`: a circle query. */
export const NearQuery = z.string().transform((value, ctx) => {
  const parts = value.split(",").map((p) => Number(p.trim()));
  const [lat, lon, radiusM] = parts;
  if (parts.length !== 3 || lat === undefined || lon === undefined || radiusM === undefined || parts.some((n) => !Number.isFinite(n))) {
    ctx.addIssue({ code: "custom", message: FIELD_MESSAGES.near_format });
    return z.NEVER;
  }
  if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
    ctx.addIssue({ code: "custom", message: FIELD_MESSAGES.near_range });
    return z.NEVER;
  }
  if (radiusM <= 0 || radiusM > 100_000) {
    ctx.addIssue({ code: "custom", message: FIELD_MESSAGES.near_radius });
    return z.NEVER;
  }
  return { lat, lon, radiusM };
});
export type Near = z.output<typeof NearQuery>;

export const IdParams = z.object({ id: Id });
