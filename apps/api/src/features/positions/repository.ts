// All of the positions feature's SQL. Fixes, the device registry's reads and the geofence's writes run
// on the pipeline's own pool (`writes`), so a burst of fixes never queues behind a board's reads;
// playback is a board's read, on the `reads` pool (ADR 0008).
import type { GeoJsonPolygon, Track } from "@onemap/shared";
import type pg from "pg";

/** one fix, checked and resolved to its unit, ready to store */
export interface StoredFix {
  unitId: string;
  fixAt: Date;
  receivedAt: Date;
  lat: number;
  lon: number;
  speed: number | null;
  heading: number | null;
  altitude: number | null;
  accuracy: number | null;
  battery: number | null;
}

/** a unit whose stored position moved forward, as the geofence and the arrival check need it */
export interface MovedUnit {
  id: string;
  callsign: string;
  homeStationId: string;
  gridId: string | null;
  status: string;
  outsideGridSince: string | null;
  lat: number;
  lon: number;
  fix_at: string;
}

export interface RegisteredDevice {
  /** the Device row's id */
  id: string;
  identifier: string;
  unitId: string;
  callsign: string;
  homeStationId: string;
  tokenHash: string | null;
}

export interface RegisteredGateway {
  id: string;
  name: string;
}

export interface GridPolygon {
  id: string;
  name: string;
  stationId: string;
  polygon: GeoJsonPolygon;
}

const WRITE_SQL = `
WITH input AS (
  SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::float8[], $9::float8[], $10::float8[])
    AS t(unit_id, fix_at, received_at, lat, lon, speed, heading, altitude, accuracy, battery)
), inserted AS (
  INSERT INTO "UnitPosition" ("unitId", "fixAt", "receivedAt", lat, lon, speed, heading, altitude, accuracy, battery)
  SELECT unit_id, fix_at, received_at, lat, lon, speed, heading, altitude, accuracy, battery FROM input
  ON CONFLICT ("unitId", "fixAt") DO NOTHING
  RETURNING 1
), latest AS (
  SELECT DISTINCT ON (unit_id) * FROM input ORDER BY unit_id, fix_at DESC, received_at DESC
), moved AS (
  UPDATE "Unit" u
     SET "lastLat" = l.lat, "lastLon" = l.lon, "lastSpeed" = l.speed, "lastHeading" = l.heading, "lastFixAt" = l.fix_at
    FROM latest l
   WHERE u.id = l.unit_id AND (u."lastFixAt" IS NULL OR u."lastFixAt" < l.fix_at)
  RETURNING u.id, u.callsign, u."homeStationId", u."gridId", u.status, u."outsideGridSince", l.lat, l.lon, l.fix_at
)
SELECT (SELECT count(*) FROM inserted)::int AS inserted,
       -- only patrolling units with a grid can cross a geofence; only units en route can arrive
       coalesce((SELECT json_agg(moved) FROM moved WHERE ("gridId" IS NOT NULL AND status = 'AVAILABLE') OR status = 'EN_ROUTE'), '[]'::json) AS moved`;

const DEVICE_SQL = `SELECT d.id, d.identifier, d."tokenHash", u.id AS "unitId", u.callsign, u."homeStationId"
                      FROM "Device" d JOIN "Unit" u ON u.id = d."unitId" AND u."retiredAt" IS NULL`;

const TRACK_RANGE = `"unitId" = $1 AND "fixAt" >= $2::timestamptz AND "fixAt" < $3::timestamptz`;
const TRACK_COLUMNS = `"fixAt" AS at, lat, lon, speed, heading`;

export function createPositionRepository({ writes, reads }: { writes: pg.Pool; reads: pg.Pool }) {
  return {
    /** every unit's newest stored fix time */
    async lastFixTimes(): Promise<{ id: string; at: Date | null }[]> {
      return (await writes.query<{ id: string; at: Date | null }>(`SELECT id, "lastFixAt" AS at FROM "Unit"`)).rows;
    },

    /**
     * Appends the fixes (duplicates skipped) and moves each unit's last position forward, never back,
     * in one statement. Returns how many were new, and the patrolling or en-route units that moved.
     */
    async storeFixes(batch: readonly StoredFix[]): Promise<{ inserted: number; moved: MovedUnit[] }> {
      const cols = {
        unit: [] as string[],
        fixAt: [] as string[],
        receivedAt: [] as string[],
        lat: [] as number[],
        lon: [] as number[],
        speed: [] as (number | null)[],
        heading: [] as (number | null)[],
        altitude: [] as (number | null)[],
        accuracy: [] as (number | null)[],
        battery: [] as (number | null)[],
      };
      for (const f of batch) {
        cols.unit.push(f.unitId);
        cols.fixAt.push(f.fixAt.toISOString());
        cols.receivedAt.push(f.receivedAt.toISOString());
        cols.lat.push(f.lat);
        cols.lon.push(f.lon);
        cols.speed.push(f.speed);
        cols.heading.push(f.heading);
        cols.altitude.push(f.altitude);
        cols.accuracy.push(f.accuracy);
        cols.battery.push(f.battery);
      }
      const { rows } = await writes.query<{ inserted: number; moved: MovedUnit[] }>(WRITE_SQL, [
        cols.unit,
        cols.fixAt,
        cols.receivedAt,
        cols.lat,
        cols.lon,
        cols.speed,
        cols.heading,
        cols.altitude,
        cols.accuracy,
        cols.battery,
      ]);
      return { inserted: rows[0]?.inserted ?? 0, moved: rows[0]?.moved ?? [] };
    },

    /**
     * Records a patrolling unit leaving its grid (or coming back) once, whichever process sees it
     * first: false when another already did.
     */
    async recordGeofenceTransition(
      m: Pick<MovedUnit, "id" | "gridId" | "lat" | "lon" | "fix_at">,
      transition: "ENTERED" | "EXITED",
    ): Promise<boolean> {
      const { rows } = await writes.query<{ id: string }>(
        transition === "ENTERED"
          ? `UPDATE "Unit" SET "outsideGridSince" = NULL WHERE id = $1 AND "outsideGridSince" IS NOT NULL RETURNING id`
          : `UPDATE "Unit" SET "outsideGridSince" = $2::timestamptz WHERE id = $1 AND "outsideGridSince" IS NULL RETURNING id`,
        transition === "ENTERED" ? [m.id] : [m.id, m.fix_at],
      );
      if (rows.length === 0) return false;
      await writes.query(
        `INSERT INTO "GeofenceEvent" ("unitId", "gridId", transition, lat, lon, at) VALUES ($1, $2, $3::"GeofenceTransition", $4, $5, $6::timestamptz)`,
        [m.id, m.gridId, transition, m.lat, m.lon, m.fix_at],
      );
      return true;
    },

    /** the polygons of the patrol grids in service (for the geofence, and for locating a call) */
    async gridPolygons(): Promise<GridPolygon[]> {
      return (await writes.query<GridPolygon>(`SELECT id, name, "stationId", polygon FROM "Grid" WHERE "retiredAt" IS NULL`)).rows;
    },

    async allDevices(): Promise<RegisteredDevice[]> {
      return (await writes.query<RegisteredDevice>(DEVICE_SQL)).rows;
    },
    async devicesByIdentifier(identifiers: readonly string[]): Promise<RegisteredDevice[]> {
      return (await writes.query<RegisteredDevice>(`${DEVICE_SQL} WHERE d.identifier = ANY($1::text[])`, [identifiers])).rows;
    },
    async deviceByTokenHash(hash: string): Promise<RegisteredDevice | undefined> {
      return (await writes.query<RegisteredDevice>(`${DEVICE_SQL} WHERE d."tokenHash" = $1`, [hash])).rows[0];
    },
    async activeGateways(): Promise<(RegisteredGateway & { tokenHash: string })[]> {
      return (
        await writes.query<RegisteredGateway & { tokenHash: string }>(
          `SELECT id, name, "tokenHash" FROM "Gateway" WHERE "revokedAt" IS NULL`,
        )
      ).rows;
    },
    async gatewayByTokenHash(hash: string): Promise<RegisteredGateway | undefined> {
      return (
        await writes.query<RegisteredGateway>(`SELECT id, name FROM "Gateway" WHERE "tokenHash" = $1 AND "revokedAt" IS NULL`, [hash])
      ).rows[0];
    },

    /** `lastSeenAt` moved forward (never back) for these devices or gateways: [id, epoch ms] */
    async markSeen(table: "Device" | "Gateway", seen: readonly [string, number][]): Promise<void> {
      if (seen.length === 0) return;
      await writes.query(
        `UPDATE "${table}" t SET "lastSeenAt" = to_timestamp(v.ms / 1000.0)::timestamp
           FROM unnest($1::text[], $2::float8[]) AS v(id, ms)
          WHERE t.id = v.id AND (t."lastSeenAt" IS NULL OR t."lastSeenAt" < to_timestamp(v.ms / 1000.0)::timestamp)`,
        [seen.map((r) => r[0]), seen.map((r) => r[1])],
      );
    },

    /**
     * A connection of its own that LISTENs on `channel` (the caller releases it). `attach` sets the
     * client's handlers before anything is sent: a checked-out client that fails with no `error`
     * handler would take the process down.
     */
    async listen(channel: "onemap_devices", attach: (client: pg.PoolClient) => void): Promise<pg.PoolClient> {
      const client = await writes.connect();
      attach(client);
      try {
        await client.query(`LISTEN ${channel}`);
      } catch (error) {
        client.release(error as Error);
        throw error;
      }
      return client;
    },

    /** Position history for playback: every fix in range, or — for long ranges — an even thinning in time. */
    async track(unitId: string, from: Date, to: Date, maxPoints: number): Promise<Track> {
      const range = [unitId, from.toISOString(), to.toISOString()];
      const { rows: countRows } = await reads.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "UnitPosition" WHERE ${TRACK_RANGE}`,
        range,
      );
      const total = countRows[0]?.n ?? 0;
      const downsampled = total > maxPoints;
      type Point = { at: Date; lat: number; lon: number; speed: number | null; heading: number | null };
      const { rows } = downsampled
        ? // the first fix of each of maxPoints equal time buckets, plus the very last fix
          await reads.query<Point>(
            `(SELECT DISTINCT ON (bucket) at, lat, lon, speed, heading FROM (
                SELECT ${TRACK_COLUMNS}, width_bucket(extract(epoch FROM "fixAt"), extract(epoch FROM $2::timestamptz), extract(epoch FROM $3::timestamptz), $4::int) AS bucket
                  FROM "UnitPosition" WHERE ${TRACK_RANGE}) b
              ORDER BY bucket, at)
             UNION
             (SELECT ${TRACK_COLUMNS} FROM "UnitPosition" WHERE ${TRACK_RANGE} ORDER BY "fixAt" DESC LIMIT 1)
             ORDER BY at`,
            [...range, maxPoints - 1],
          )
        : await reads.query<Point>(`SELECT ${TRACK_COLUMNS} FROM "UnitPosition" WHERE ${TRACK_RANGE} ORDER BY "fixAt"`, range);
      return {
        unitId,
        from: from.toISOString(),
        to: to.toISOString(),
        total,
        downsampled,
        points: rows.map((r) => ({ at: r.at.toISOString(), lat: r.lat, lon: r.lon, speed: r.speed, heading: r.heading })),
      };
    },
  };
}

export type PositionRepository = ReturnType<typeof createPositionRepository>;
