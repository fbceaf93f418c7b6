// No Docker engine runs here: check that the production shape the README promises parses and holds together.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ConfigSchema } from "../src/config";

const root = new URL("../../../", import.meta.url).pathname;

describe("docker-compose.yml", () => {
  const compose = parse(readFileSync(`${root}docker-compose.yml`, "utf8")) as {
    services: Record<string, { environment?: Record<string, string>; deploy?: { replicas?: number }; volumes?: string[] }>;
  };

  it("runs PostgreSQL, Redis, several API replicas and a reverse proxy", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["api", "postgres", "proxy", "redis"]);
    expect(compose.services.api?.deploy?.replicas).toBeGreaterThan(1);
    expect(compose.services.proxy?.volumes?.[0]).toMatch(/^\.\/deploy\/nginx\.conf:/);
    expect(readFileSync(`${root}deploy/nginx.conf`, "utf8")).toMatch(/Upgrade \$http_upgrade/);
  });

  it("gives the API only variables onemap knows", () => {
    const known = new Set(Object.keys(ConfigSchema.in.shape));
    const unknown = Object.keys(compose.services.api?.environment ?? {}).filter((name) => !known.has(name));
    expect(unknown).toEqual([]);
  });
});
