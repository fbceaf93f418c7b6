import type { Stats } from "node:fs";
import { describe, expect, it } from "vitest";
import { assertReachableAsRoot, closedDirectory } from "./embedded";

/** a fake file system: directory → mode (owned by root unless [mode, uid]) */
const fs = (modes: Record<string, number | [number, number]>) => (path: string) => {
  const entry = modes[path];
  if (entry === undefined) throw Object.assign(new Error(`ENOENT ${path}`), { code: "ENOENT" });
  const [mode, uid] = Array.isArray(entry) ? entry : [entry, 0];
  return { isDirectory: () => true, mode, uid } as Stats;
};

describe("running the embedded PostgreSQL as root", () => {
  it("finds the 0700 home that its system user cannot enter", () => {
    const stat = fs({ "/": 0o755, "/root": 0o700, "/root/onemap": 0o755, "/root/onemap/node_modules": 0o755 });
    expect(closedDirectory("/root/onemap/node_modules", stat)).toBe("/root");
  });

  it("passes a checkout every user may enter, and a data directory not made yet", () => {
    const stat = fs({ "/": 0o755, "/opt": 0o755, "/opt/onemap": 0o755 });
    expect(closedDirectory("/opt/onemap", stat)).toBeNull();
    expect(closedDirectory("/opt/onemap/.onemap/pg", stat)).toBeNull();
    // its own data directory, 0700 and owned by the postgres user, is no obstacle
    expect(
      closedDirectory("/opt/onemap/pg", fs({ "/": 0o755, "/opt": 0o755, "/opt/onemap": 0o755, "/opt/onemap/pg": [0o700, 999] })),
    ).toBeNull();
  });

  it("says in one line what to do, and only for root", () => {
    expect(() => assertReachableAsRoot(["/root"], 1000)).not.toThrow();
    if (closedDirectory("/root") === "/root") {
      const said = (() => {
        try {
          assertReachableAsRoot(["/root/onemap"], 0);
          return "";
        } catch (error) {
          return (error as Error).message;
        }
      })();
      expect(said).toContain("chmod o+x /root");
      expect(said).not.toContain("\n");
    }
  });
});
