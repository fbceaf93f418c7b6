// The OsmAnd / Traccar Client protocol, as Traccar's own OsmAndProtocolDecoder reads it:
// - query string or form body: id|deviceid, lat, lon | location=lat,lon, timestamp (unix seconds,
//   milliseconds, ISO-8601 or "yyyy-MM-dd HH:mm:ss"), speed (knots), bearing|heading, altitude,
//   accuracy, batt (percent); a request with no query parameters is read from its form body;
// - the JSON body of newer Traccar Client apps: device_id, location.timestamp,
//   location.coords.{latitude, longitude, accuracy, speed (m/s), heading, altitude},
//   location.battery.level (0..1); -1 means unknown.

export interface DeviceFix {
  deviceId: string;
  /** when the device took the fix; null: not sent (the server's receipt time is used) */
  fixAt: Date | null;
  lat: number;
  lon: number;
  /** km/h */
  speed: number | null;
  /** degrees clockwise from north, [0, 360) */
  heading: number | null;
  altitude: number | null;
  accuracy: number | null;
  /** percent */
  battery: number | null;
}

export interface FieldError {
  field: string;
  message: string;
}

export type ParseResult = { ok: true; fix: DeviceFix } | { ok: false; errors: FieldError[] };

const KNOTS_TO_KMH = 1.852;
const MPS_TO_KMH = 3.6;

function num(value: string | undefined, field: string, errors: FieldError[]): number | null {
  if (value === undefined || value.trim() === "") return null;
  const n = Number(value);
  if (!Number.isFinite(n)) {
    errors.push({ field, message: `${field} must be a number, got ${JSON.stringify(value.slice(0, 40))}` });
    return null;
  }
  return n;
}

/** -1 (or any negative) is the protocol's "unknown". */
const known = (n: number | null) => (n === null || n < 0 ? null : n);
const normalizeHeading = (n: number | null) => (n === null || n < 0 ? null : n % 360);

/** unix seconds, unix milliseconds, ISO-8601, or "yyyy-MM-dd HH:mm:ss" (UTC) */
export function parseTimestamp(value: string): Date | null {
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const n = Number(trimmed);
    // Traccar's rule: a value below 2^31 is seconds
    const date = new Date(n < 2_147_483_647 ? n * 1000 : n);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  const iso = trimmed.includes("T")
    ? trimmed
    : /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(trimmed)
      ? `${trimmed.replace(" ", "T")}Z`
      : null;
  if (iso === null) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Parameters from the query string or a form body (first value of each wins). */
export function parseOsmAndParams(params: Readonly<Record<string, string | undefined>>): ParseResult {
  const errors: FieldError[] = [];
  const deviceId = (params.id ?? params.deviceid ?? "").trim();
  if (!deviceId) errors.push({ field: "id", message: "id (or deviceid) is required" });

  let lat = num(params.lat, "lat", errors);
  let lon = num(params.lon, "lon", errors);
  if ((lat === null || lon === null) && params.location !== undefined) {
    const [a, b, ...rest] = params.location.split(",");
    if (a === undefined || b === undefined || rest.length > 0) {
      errors.push({ field: "location", message: "location must be lat,lon" });
    } else {
      lat = num(a, "location", errors);
      lon = num(b, "location", errors);
    }
  }
  if (lat === null && !errors.some((e) => e.field === "lat" || e.field === "location"))
    errors.push({ field: "lat", message: "lat (or location=lat,lon) is required" });
  if (lon === null && !errors.some((e) => e.field === "lon" || e.field === "location"))
    errors.push({ field: "lon", message: "lon (or location=lat,lon) is required" });

  let fixAt: Date | null = null;
  if (params.timestamp !== undefined && params.timestamp.trim() !== "") {
    fixAt = parseTimestamp(params.timestamp);
    if (!fixAt) errors.push({ field: "timestamp", message: "timestamp must be unix seconds, milliseconds or ISO-8601" });
  }
  const speedKnots = known(num(params.speed, "speed", errors));
  const heading = normalizeHeading(num(params.bearing ?? params.heading, params.bearing !== undefined ? "bearing" : "heading", errors));
  const altitude = num(params.altitude, "altitude", errors);
  const accuracy = known(num(params.accuracy, "accuracy", errors));
  const battery = known(num(params.batt, "batt", errors));

  if (errors.length > 0 || lat === null || lon === null) return { ok: false, errors };
  return {
    ok: true,
    fix: { deviceId, fixAt, lat, lon, speed: speedKnots === null ? null : speedKnots * KNOTS_TO_KMH, heading, altitude, accuracy, battery },
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
function jsonNum(v: unknown, field: string, errors: FieldError[]): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "number" && Number.isFinite(v)) return v;
  errors.push({ field, message: `${field} must be a number` });
  return null;
}

/** The JSON body of the current Traccar Client apps. */
export function parseTraccarJson(body: unknown): ParseResult {
  const errors: FieldError[] = [];
  if (!isObject(body)) return { ok: false, errors: [{ field: "body", message: "expected a JSON object" }] };
  const rawId = body.device_id;
  const deviceId = typeof rawId === "string" ? rawId.trim() : typeof rawId === "number" ? String(rawId) : "";
  if (!deviceId) errors.push({ field: "device_id", message: "device_id is required" });
  const location = body.location;
  if (!isObject(location) || !isObject(location.coords)) {
    errors.push({ field: "location.coords", message: "location.coords is required" });
    return { ok: false, errors };
  }
  const coords = location.coords;
  const lat = jsonNum(coords.latitude, "location.coords.latitude", errors);
  const lon = jsonNum(coords.longitude, "location.coords.longitude", errors);
  if (lat === null && !errors.some((e) => e.field.endsWith("latitude")))
    errors.push({ field: "location.coords.latitude", message: "latitude is required" });
  if (lon === null && !errors.some((e) => e.field.endsWith("longitude")))
    errors.push({ field: "location.coords.longitude", message: "longitude is required" });
  let fixAt: Date | null = null;
  if (typeof location.timestamp === "string" || typeof location.timestamp === "number") {
    fixAt = parseTimestamp(String(location.timestamp));
    if (!fixAt) errors.push({ field: "location.timestamp", message: "timestamp must be ISO-8601 or epoch" });
  }
  const speedMps = known(jsonNum(coords.speed, "location.coords.speed", errors));
  const heading = normalizeHeading(jsonNum(coords.heading, "location.coords.heading", errors));
  const altitude = jsonNum(coords.altitude, "location.coords.altitude", errors);
  const accuracy = known(jsonNum(coords.accuracy, "location.coords.accuracy", errors));
  const level = isObject(location.battery) ? known(jsonNum(location.battery.level, "location.battery.level", errors)) : null;
  if (errors.length > 0 || lat === null || lon === null) return { ok: false, errors };
  return {
    ok: true,
    fix: {
      deviceId,
      fixAt,
      lat,
      lon,
      speed: speedMps === null ? null : speedMps * MPS_TO_KMH,
      heading,
      altitude,
      accuracy,
      battery: level === null ? null : Math.round(level * 1000) / 10,
    },
  };
}

export const MAX_FUTURE_MS = 5 * 60_000;
export const MAX_AGE_MS = 30 * 86_400_000;

/** The checks every fix passes, whatever brought it: impossible values are refused with the reason. */
export function checkFix(fix: Pick<DeviceFix, "lat" | "lon" | "fixAt" | "speed">, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  if (!Number.isFinite(fix.lat) || fix.lat < -90 || fix.lat > 90)
    errors.push({ field: "lat", message: `latitude ${fix.lat} is outside -90..90` });
  if (!Number.isFinite(fix.lon) || fix.lon < -180 || fix.lon > 180)
    errors.push({ field: "lon", message: `longitude ${fix.lon} is outside -180..180` });
  // 0,0 is what a receiver without a fix reports; no police unit patrols the Gulf of Guinea
  if (fix.lat === 0 && fix.lon === 0) errors.push({ field: "lat", message: "0,0 is not a position (no GPS fix)" });
  if (fix.fixAt && Number.isNaN(fix.fixAt.getTime())) {
    // a time beyond what a Date holds (e.g. 9000000000000000 ms) would poison the batch write
    errors.push({ field: "timestamp", message: "timestamp is not a valid time" });
  } else if (fix.fixAt) {
    if (fix.fixAt.getTime() > now.getTime() + MAX_FUTURE_MS)
      errors.push({ field: "timestamp", message: `timestamp ${fix.fixAt.toISOString()} is more than 5 minutes in the future` });
    if (fix.fixAt.getTime() < now.getTime() - MAX_AGE_MS)
      errors.push({ field: "timestamp", message: `timestamp ${fix.fixAt.toISOString()} is more than 30 days old` });
  }
  if (fix.speed !== null && (!Number.isFinite(fix.speed) || fix.speed > 600))
    errors.push({ field: "speed", message: `speed ${fix.speed} km/h is impossible` });
  return errors;
}
