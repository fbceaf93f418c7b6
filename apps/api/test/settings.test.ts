import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

  it("is not shown to someone who has not signed in", async () => {
    expect((await ctx.app.inject({ url: "/api/settings/map" })).statusCode).toBe(401);
  });
});
