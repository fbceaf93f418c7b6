import { describe, expect, it } from "vitest";
import { checkFix, parseOsmAndParams, parseTimestamp, parseTraccarJson } from "./osmand";

/** a request line as a device sends it → its parameters */
const q = (url: string) => Object.fromEntries(new URL(url, "http://x").searchParams);

describe("parseTimestamp", () => {
  it.each([
    ["1764300000", "2025-11-28T03:20:00.000Z"], // unix seconds
    ["1764300000123", "2025-11-28T03:20:00.123Z"], // unix milliseconds
    ["2025-11-28T03:20:00Z", "2025-11-28T03:20:00.000Z"],
    ["2025-11-28T11:20:00+08:00", "2025-11-28T03:20:00.000Z"],
    ["2025-11-28 03:20:00", "2025-11-28T03:20:00.000Z"],
  ])("%s → %s", (input, iso) => {
    expect(parseTimestamp(input)?.toISOString()).toBe(iso);
  });
  it.each(["yesterday", "2025-13-45T99:00:00Z", ""])("refuses %j", (input) => {
    expect(parseTimestamp(input)).toBeNull();
  });
});

describe("OsmAnd query / form parameters", () => {
  it("reads the Traccar Client request with speed in knots", () => {
    const r = parseOsmAndParams(
      q(
        "/?id=861001000719969&timestamp=1764300000&lat=31.0299&lon=106.4111&speed=10.0&bearing=270.5&altitude=286.0&accuracy=12.0&batt=87.0",
      ),
    );
    expect(r).toEqual({
      ok: true,
      fix: {
        deviceId: "861001000719969",
        fixAt: new Date(1764300000 * 1000),
        lat: 31.0299,
        lon: 106.4111,
        speed: 18.52,
        heading: 270.5,
        altitude: 286,
        accuracy: 12,
        battery: 87,
      },
    });
  });

  it("accepts deviceid, heading and an ISO timestamp", () => {
    const r = parseOsmAndParams(
      q("/?lat=31.03&lon=106.41&speed=0.0&heading=0.0&altitude=0&deviceid=123456&timestamp=2025-11-28T03%3A20%3A00Z"),
    );
    expect(r.ok && r.fix.deviceId).toBe("123456");
    expect(r.ok && r.fix.heading).toBe(0);
    expect(r.ok && r.fix.fixAt?.toISOString()).toBe("2025-11-28T03:20:00.000Z");
  });

  it("accepts location=lat,lon and a timestamp with a space", () => {
    const r = parseOsmAndParams(q("/?id=123456&timestamp=2025-11-28+03%3A20%3A00&location=31.03,106.41"));
    expect(r.ok && [r.fix.lat, r.fix.lon]).toEqual([31.03, 106.41]);
  });

  it("leaves the time unset when the device sent none, and treats -1 as unknown", () => {
    const r = parseOsmAndParams(q("/?id=1&lat=31.03&lon=106.41&speed=-1&bearing=-1&accuracy=-1&batt=-1"));
    expect(r).toMatchObject({ ok: true, fix: { fixAt: null, speed: null, heading: null, accuracy: null, battery: null } });
  });

  it("normalises a heading of 360 to 0", () => {
    const r = parseOsmAndParams(q("/?id=1&lat=31.03&lon=106.41&bearing=360"));
    expect(r.ok && r.fix.heading).toBe(0);
  });

  it.each([
    ["/?timestamp=1764300000&lat=31.0&lon=106.0", "id"],
    ["/?id=1&lon=106.0", "lat"],
    ["/?id=1&lat=31.0", "lon"],
    ["/?id=1&lat=north&lon=106.0", "lat"],
    ["/?id=1&lat=NaN&lon=106.0", "lat"],
    ["/?id=1&lat=31&lon=106&speed=fast", "speed"],
    ["/?id=1&location=31.0", "location"],
    ["/?id=1&lat=31&lon=106&timestamp=tomorrow", "timestamp"],
  ])("%s is refused naming %s", (url, field) => {
    const r = parseOsmAndParams(q(url));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.field)).toContain(field);
  });
});

describe("Traccar Client JSON", () => {
  const body = {
    location: {
      timestamp: "2025-11-28T03:20:00.862Z",
      coords: { latitude: 31.0299, longitude: 106.4111, accuracy: 5, speed: 10, heading: 63, altitude: 286 },
      is_moving: true,
      odometer: 0,
      event: "motionchange",
      battery: { level: 0.79, is_charging: false },
      activity: { type: "in_vehicle" },
      extras: {},
    },
    device_id: "861001000719969",
  };

  it("reads device_id, coords (speed in m/s) and the battery level (0..1)", () => {
    expect(parseTraccarJson(body)).toEqual({
      ok: true,
      fix: {
        deviceId: "861001000719969",
        fixAt: new Date("2025-11-28T03:20:00.862Z"),
        lat: 31.0299,
        lon: 106.4111,
        speed: 36,
        heading: 63,
        altitude: 286,
        accuracy: 5,
        battery: 79,
      },
    });
  });

  it("treats -1 speed, heading and battery as unknown (iOS simulator fixes)", () => {
    const r = parseTraccarJson({
      ...body,
      location: { ...body.location, coords: { ...body.location.coords, speed: -1, heading: -1 }, battery: { level: -1 } },
    });
    expect(r).toMatchObject({ ok: true, fix: { speed: null, heading: null, battery: null } });
  });

  it.each([
    [null, "body"],
    [{ location: body.location }, "device_id"],
    [{ device_id: "1" }, "location.coords"],
    [{ device_id: "1", location: { coords: { latitude: "31", longitude: 106 } } }, "location.coords.latitude"],
    [{ device_id: "1", location: { coords: { latitude: 31 } } }, "location.coords.longitude"],
  ])("refuses %j naming %s", (input, field) => {
    const r = parseTraccarJson(input);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.field)).toContain(field);
  });
});

describe("checkFix", () => {
  const now = new Date("2026-11-28T04:00:00Z");
  const ok = { lat: 31.03, lon: 106.41, fixAt: now, speed: 40 };
  it("passes a plausible fix", () => {
    expect(checkFix(ok, now)).toEqual([]);
  });
  it.each([
    [{ ...ok, lat: 91 }, "lat"],
    [{ ...ok, lat: -90.5 }, "lat"],
    [{ ...ok, lon: 181 }, "lon"],
    [{ ...ok, lat: Number.NaN }, "lat"],
    [{ ...ok, lat: 0, lon: 0 }, "lat"],
    [{ ...ok, fixAt: new Date(now.getTime() + 6 * 60_000) }, "timestamp"],
    [{ ...ok, fixAt: new Date(now.getTime() - 31 * 86_400_000) }, "timestamp"],
    [{ ...ok, speed: 900 }, "speed"],
  ])("refuses %o naming %s", (fix, field) => {
    expect(checkFix(fix, now).map((e) => e.field)).toContain(field);
  });
  it("accepts a fix up to five minutes ahead (device clocks drift)", () => {
    expect(checkFix({ ...ok, fixAt: new Date(now.getTime() + 4 * 60_000) }, now)).toEqual([]);
  });
});
