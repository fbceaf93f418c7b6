import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../src/config";
import { buildTestApp, login, type TestContext } from "./helpers";

describe("map settings", () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await buildTestApp({
      env: {
        TILE_URL: "http://tiles.intranet/{z}/{x}/{y}.png",
        TILE_COORD_SYSTEM: "GCJ02",
        TILE_ATTRIBUTION: "内网底图",
        TILE_MAX_ZOOM: "18",
      },
    });
  });
  afterAll(() => ctx.close());

  it("tells a signed-in board the deployment's tile server and coordinate system", async () => {
    const res = await ctx.app.inject({ url: "/api/settings/map", headers: { cookie: await login(ctx.app, "operator") } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      tileUrl: "http://tiles.intranet/{z}/{x}/{y}.png",
      attribution: "内网底图",
      maxZoom: 18,
      coordSystem: "GCJ02",
    });
  });

  it("takes an empty TILE_URL as no base map (an offline network), not as the default tile server", () => {
    expect(parseConfig({ TILE_URL: "" }).TILE_URL).toBe("");
    expect(parseConfig({}).TILE_URL).toContain("openstreetmap");
    // other settings left empty still mean their default
    expect(parseConfig({ TILE_URL: "", TILE_MAX_ZOOM: "" }).TILE_MAX_ZOOM).toBe(19);
  });

  it("is not shown to someone who has not signed in", async () => {
    expect((await ctx.app.inject({ url: "/api/settings/map" })).statusCode).toBe(401);
  });
});
