import type { GeoJsonPolygon } from "@onemap/shared";
import { describe, expect, it } from "vitest";
import { boundingBox, distanceMeters, findGrid, nearest, pointInPolygon, polygonCentroid } from "./geo";

const square = (lon: number, lat: number, size: number): GeoJsonPolygon => ({
  type: "Polygon",
  coordinates: [
    [
      [lon, lat],
      [lon + size, lat],
      [lon + size, lat + size],
      [lon, lat + size],
      [lon, lat],
    ],
  ],
});

describe("distanceMeters", () => {
  it("is zero for the same point", () => {
    expect(distanceMeters({ lat: 31.03, lon: 106.41 }, { lat: 31.03, lon: 106.41 })).toBe(0);
  });
  it("measures one degree of latitude as about 111.2 km", () => {
    expect(distanceMeters({ lat: 31, lon: 106 }, { lat: 32, lon: 106 })).toBeCloseTo(111_195, -2);
  });
  it("shrinks a degree of longitude by the cosine of the latitude", () => {
    const d = distanceMeters({ lat: 31, lon: 106 }, { lat: 31, lon: 107 });
    expect(d).toBeCloseTo(111_195 * Math.cos((31 * Math.PI) / 180), -2);
  });
  it("is symmetric", () => {
    const a = { lat: 31.0299, lon: 106.4111 };
    const b = { lat: 30.95, lon: 106.3 };
    expect(distanceMeters(a, b)).toBeCloseTo(distanceMeters(b, a), 6);
  });
  it("handles antipodal points without NaN", () => {
    expect(distanceMeters({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(Math.PI * 6_371_008.8, -1);
  });
});

describe("boundingBox", () => {
  it("contains every point of the circle it bounds", () => {
    const c = { lat: 31.03, lon: 106.41 };
    const box = boundingBox(c, 1000);
    for (let deg = 0; deg < 360; deg += 15) {
      const a = (deg * Math.PI) / 180;
      const p = {
        lat: c.lat + (Math.cos(a) * 999) / 111_320,
        lon: c.lon + (Math.sin(a) * 999) / (111_320 * Math.cos((c.lat * Math.PI) / 180)),
      };
      expect(distanceMeters(c, p)).toBeLessThan(1000);
      expect(p.lat).toBeGreaterThanOrEqual(box.minLat);
      expect(p.lat).toBeLessThanOrEqual(box.maxLat);
      expect(p.lon).toBeGreaterThanOrEqual(box.minLon);
      expect(p.lon).toBeLessThanOrEqual(box.maxLon);
    }
  });
});

describe("pointInPolygon / findGrid", () => {
  const a = { id: "a", polygon: square(106.4, 31.0, 0.01) };
  const b = { id: "b", polygon: square(106.41, 31.0, 0.01) };
  it("finds the grid that holds the point", () => {
    expect(findGrid({ lat: 31.005, lon: 106.405 }, [a, b])?.id).toBe("a");
    expect(findGrid({ lat: 31.005, lon: 106.415 }, [a, b])?.id).toBe("b");
  });
  it("returns null outside every grid", () => {
    expect(findGrid({ lat: 31.5, lon: 106.405 }, [a, b])).toBeNull();
    expect(findGrid({ lat: 31.005, lon: 106.405 }, [])).toBeNull();
  });
  it("treats the [lon, lat] order of GeoJSON correctly", () => {
    // swapped coordinates would land far outside the square
    expect(pointInPolygon({ lat: 31.005, lon: 106.405 }, a.polygon)).toBe(true);
    expect(pointInPolygon({ lat: 106.405, lon: 31.005 }, a.polygon)).toBe(false);
  });
});

describe("nearest", () => {
  it("picks the closest place and null for none", () => {
    const places = [
      { id: 1, lat: 31.0, lon: 106.0 },
      { id: 2, lat: 31.03, lon: 106.41 },
    ];
    expect(nearest({ lat: 31.02, lon: 106.4 }, places)?.id).toBe(2);
    expect(nearest({ lat: 31.02, lon: 106.4 }, [])).toBeNull();
  });
});

describe("polygonCentroid", () => {
  it("is the middle of a square", () => {
    const c = polygonCentroid(square(106.4, 31.0, 0.02));
    expect(c.lat).toBeCloseTo(31.01, 9);
    expect(c.lon).toBeCloseTo(106.41, 9);
  });
});
