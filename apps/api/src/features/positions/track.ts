// Position history for playback: every fix in range, or — for long ranges — an even thinning in time.
import type { Track } from "@onemap/shared";
import type pg from "pg";

export async function readTrack(pool: pg.Pool, unitId: string, from: Date, to: Date, maxPoints: number): Promise<Track> {
  const { rows: countRows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "UnitPosition" WHERE "unitId" = $1 AND "fixAt" >= $2::timestamptz AND "fixAt" < $3::timestamptz`,
    [unitId, from.toISOString(), to.toISOString()],
  );
  const total = countRows[0]?.n ?? 0;
  const downsampled = total > maxPoints;
  const select = `"fixAt" AS at, lat, lon, speed, heading`;
  const { rows } = downsampled
    ? // the first fix of each of maxPoints equal time buckets, plus the very last fix
      await pool.query(
        `(SELECT DISTINCT ON (bucket) at, lat, lon, speed, heading FROM (
            SELECT ${select}, width_bucket(extract(epoch FROM "fixAt"), extract(epoch FROM $2::timestamptz), extract(epoch FROM $3::timestamptz), $4::int) AS bucket
              FROM "UnitPosition" WHERE "unitId" = $1 AND "fixAt" >= $2::timestamptz AND "fixAt" < $3::timestamptz) b
          ORDER BY bucket, at)
         UNION
         (SELECT ${select} FROM "UnitPosition" WHERE "unitId" = $1 AND "fixAt" >= $2::timestamptz AND "fixAt" < $3::timestamptz ORDER BY "fixAt" DESC LIMIT 1)
         ORDER BY at`,
        [unitId, from.toISOString(), to.toISOString(), maxPoints - 1],
      )
    : await pool.query(
        `SELECT ${select} FROM "UnitPosition" WHERE "unitId" = $1 AND "fixAt" >= $2::timestamptz AND "fixAt" < $3::timestamptz ORDER BY "fixAt"`,
        [unitId, from.toISOString(), to.toISOString()],
      );
  return {
    unitId,
    from: from.toISOString(),
    to: to.toISOString(),
    total,
    downsampled,
    points: (rows as { at: Date; lat: number; lon: number; speed: number | null; heading: number | null }[]).map((r) => ({
      at: new Date(r.at).toISOString(),
      lat: r.lat,
      lon: r.lon,
      speed: r.speed,
      heading: r.heading,
    })),
  };
}
