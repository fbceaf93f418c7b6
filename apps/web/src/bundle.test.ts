// The board's first load stays within its budget: sign-in and the board before anything else. Reads
// the build (npm test builds the board before Vitest runs).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { firstLoad } from "../scripts/first-load";

describe("the board's first load", () => {
  const report = firstLoad(join(import.meta.dirname, "../dist"));

  it("is at most 1,000 KB of JavaScript before compression", () => {
    expect(report.firstBytes).toBeLessThanOrEqual(1000 * 1024);
  });

  it("leaves the camera player, playback, the incident form and the dialogs to load on demand", () => {
    const first = report.firstFiles.join(" ");
    for (const lazy of ["hls", "TrackPlayback", "CameraPanel", "IncidentForm", "UnitCard", "TierDialog", "PostureDialog", "ActionDialog"])
      expect(first).not.toContain(lazy);
    expect(report.lazyBytes).toBeGreaterThan(0);
  });
});
