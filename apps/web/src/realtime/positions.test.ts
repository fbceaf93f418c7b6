import type { PositionRow } from "@onemap/shared";
import { beforeEach, describe, expect, it } from "vitest";
import { applyFrame, getPosition, onPositions, seedPositions } from "./positions";

const row = (id: string, lat: number, fixAt: number): PositionRow => [id, lat, 106.41, 90, 30, fixAt, fixAt];

describe("live positions", () => {
  beforeEach(() => seedPositions([]));

  it("moves a unit forward only: an older fix arriving late is ignored", () => {
    applyFrame([row("u1", 31.01, 2000)]);
    applyFrame([row("u1", 31.0, 1000)]);
    expect(getPosition("u1")?.lat).toBe(31.01);
    applyFrame([row("u1", 31.02, 3000)]);
    expect(getPosition("u1")?.lat).toBe(31.02);
  });

  it("tells listeners only what changed, and nothing for a frame of stale rows", () => {
    const calls: string[][] = [];
    const off = onPositions((changed, reset) => {
      if (!reset) calls.push([...changed.keys()]);
    });
    applyFrame([row("u1", 31.01, 2000), row("u2", 31.02, 2000)]);
    applyFrame([row("u1", 31.0, 1000)]);
    applyFrame([row("u2", 31.03, 3000)]);
    off();
    expect(calls).toEqual([["u1", "u2"], ["u2"]]);
  });

  it("keeps a fix newer than the snapshot when the snapshot reloads, and drops units the snapshot no longer has", () => {
    applyFrame([row("u1", 31.05, 5000), row("gone", 31.0, 5000)]);
    seedPositions([
      ["u1", { lat: 31.0, lon: 106.41, heading: -1, speed: -1, fixAt: 4000 }],
      ["u2", { lat: 31.2, lon: 106.41, heading: -1, speed: -1, fixAt: 4000 }],
    ]);
    expect(getPosition("u1")?.lat).toBe(31.05);
    expect(getPosition("u2")?.lat).toBe(31.2);
    expect(getPosition("gone")).toBeUndefined();
  });
});
