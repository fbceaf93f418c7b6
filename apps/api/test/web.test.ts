// Serving the built board: precompressed assets (br, gzip) as the browser accepts them, hashed assets
// cached for good, index.html asked for each time.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestContext } from "./helpers";

describe("the built board", () => {
  let t: TestContext;
  const script = `console.log(${JSON.stringify("一图指挥 ".repeat(400))});`;

  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), "onemap-dist-"));
    mkdirSync(join(dist, "assets"));
    writeFileSync(join(dist, "index.html"), '<!doctype html><script type="module" src="/assets/index-Ab12Cd34.js"></script>');
    writeFileSync(join(dist, "assets/index-Ab12Cd34.js"), script);
    writeFileSync(join(dist, "assets/index-Ab12Cd34.js.br"), brotliCompressSync(script));
    writeFileSync(join(dist, "assets/index-Ab12Cd34.js.gz"), gzipSync(script));
    t = await buildTestApp({ env: { WEB_DIST: dist } });
  });
  afterAll(() => t.close());

  it("serves a script brotli- or gzip-compressed as the browser accepts, else plain", async () => {
    const br = await t.app.inject({ url: "/assets/index-Ab12Cd34.js", headers: { "accept-encoding": "br, gzip" } });
    expect(br.statusCode, br.body).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.rawPayload.length).toBeLessThan(script.length / 4);
    const gz = await t.app.inject({ url: "/assets/index-Ab12Cd34.js", headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    const plain = await t.app.inject({ url: "/assets/index-Ab12Cd34.js" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it("caches hashed assets for good and asks for index.html every time", async () => {
    const asset = await t.app.inject({ url: "/assets/index-Ab12Cd34.js" });
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const page = await t.app.inject({ url: "/" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toBe("no-cache");
    // a route of the single-page app gets index.html, not cached either
    const route = await t.app.inject({ url: "/incidents/123" });
    expect(route.headers["content-type"]).toContain("text/html");
    expect(route.headers["cache-control"]).toBe("no-cache");
    // the administrators' area is the same page: the board decides who may see it
    for (const url of ["/admin", "/admin/audit?group=signIn"]) {
      const admin = await t.app.inject({ url });
      expect(admin.statusCode, url).toBe(200);
      expect(admin.body, url).toContain("/assets/index-Ab12Cd34.js");
    }
    // an asset of an older build is gone: a 404, not the page (the board then reloads)
    const gone = await t.app.inject({ url: "/assets/index-Zz99Yy88.js" });
    expect(gone.statusCode).toBe(404);
    expect(gone.headers["content-type"]).toContain("application/json");
  });
});
