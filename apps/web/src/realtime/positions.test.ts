import type { PositionRow } from "@onemap/shared";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { applyFrame, feedConnected, feedSilenceMs, feedStarted, getPosition, onPositions, seedPositions } from "./positions";

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

describe("the position feed's pulse (the live badge)", () => {
  it("is silent only after a while without any fix, counted from the connection, and flows again with the next frame", () => {
    // later than any fix the tests above applied
    vi.useFakeTimers({ now: Date.now() + 3_600_000 });
    try {
      feedConnected(100);
      // a fresh connection gets its grace period before it can be called silent
      expect(feedSilenceMs()).toBe(0);
      vi.advanceTimersByTime(14_000);
      expect(feedSilenceMs()).toBe(0);
      vi.advanceTimersByTime(2_000);
      expect(feedSilenceMs()).toBe(16_000);
      // the next frame: flowing again, and started
      applyFrame([row("u9", 31.0, Date.now())]);
      expect(feedSilenceMs()).toBe(0);
      expect(feedStarted()).toBe(true);
      vi.advanceTimersByTime(20_000);
      expect(feedSilenceMs()).toBe(20_000);
    } finally {
      vi.useRealTimers();
    }
  });
});
