import { describe, expect, it } from "vitest";
import { fromMap, toMap } from "./coords";

// Reference pairs published with eviltransform (github.com/googollee/eviltransform), an independent
// implementation of the same GCJ-02 offset.
const KNOWN: [string, [number, number], [number, number]][] = [
  ["Shanghai", [31.1774276, 121.5272106], [31.17530398364597, 121.531541859215]],
  ["Shenzhen", [22.543847, 113.912316], [22.540796131694766, 113.9171764808363]],
  ["Beijing", [39.911954, 116.377817], [39.91334545536069, 116.38404722455657]],
];

describe("WGS-84 ↔ GCJ-02", () => {
  it.each(KNOWN)("moves %s to its published GCJ-02 position", (_name, wgs, gcj) => {
    const [lat, lon] = toMap(wgs[0], wgs[1], "GCJ02");
    expect(lat).toBeCloseTo(gcj[0], 6);
    expect(lon).toBeCloseTo(gcj[1], 6);
  });

  it("brings a clicked GCJ-02 point back to WGS-84 within a metre", () => {
    for (const [, wgs, gcj] of KNOWN) {
      const [lat, lon] = fromMap(gcj[0], gcj[1], "GCJ02");
      expect(Math.abs(lat - wgs[0])).toBeLessThan(1e-5);
      expect(Math.abs(lon - wgs[1])).toBeLessThan(1e-5);
    }
  });

  it("shifts Peng'an by a few hundred metres, and leaves WGS-84 boards and places outside China alone", () => {
    const [lat, lon] = toMap(31.0299, 106.4111, "GCJ02");
    const dy = (lat - 31.0299) * 111_320;
    const dx = (lon - 106.4111) * 111_320 * Math.cos((31.03 * Math.PI) / 180);
    expect(Math.hypot(dx, dy)).toBeGreaterThan(200);
    expect(Math.hypot(dx, dy)).toBeLessThan(800);
    expect(toMap(31.0299, 106.4111, "WGS84")).toEqual([31.0299, 106.4111]);
    expect(toMap(51.5, -0.12, "GCJ02")).toEqual([51.5, -0.12]);
  });
});
