// The board's first load stays within its budget: sign-in and the board before anything else; and the
// production build carries no test hooks. Reads the builds (npm test builds both before Vitest runs).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { firstLoad } from "../scripts/first-load";

const dist = join(import.meta.dirname, "../dist");
const distTest = join(import.meta.dirname, "../dist-test");

/** the build's files (code, source maps, pages, styles) that contain `needle` */
function filesContaining(dir: string, needle: string): string[] {
  if (!existsSync(join(dir, "index.html"))) throw new Error(`no ${dir}: build it first (npm run build / build:test -w @onemap/web)`);
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((name) => {
      const path = join(d, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return walk(dir).filter((file) => /\.(js|map|html|css)$/.test(file) && readFileSync(file, "utf8").includes(needle));
}

describe("the board's first load", () => {
  const report = firstLoad(dist);

  it("is at most 1,000 KB of JavaScript before compression", () => {
    expect(report.firstBytes).toBeLessThanOrEqual(1000 * 1024);
  });

  it("leaves the camera player, playback, the incident form, the dialogs and the admin area to load on demand", () => {
    const first = report.firstFiles.join(" ");
    for (const lazy of [
      "hls",
      "TrackPlayback",
      "CameraPanel",
      "IncidentForm",
      "UnitCard",
      "TierDialog",
      "PostureDialog",
      "ActionDialog",
      "AdminArea",
    ])
      expect(first).not.toContain(lazy);
    expect(report.lazyBytes).toBeGreaterThan(0);
  });
});

describe("the page hooks the benchmark and the board e2e steer the board with (map/bench-hooks.ts)", () => {
  it("are nowhere in the production build, not even on demand", () => {
    expect(filesContaining(dist, "__onemap")).toEqual([]);
  });

  it("are in the test build (so the search above looks for what the hooks really contain)", () => {
    expect(filesContaining(distTest, "__onemap").length).toBeGreaterThan(0);
  });
});
