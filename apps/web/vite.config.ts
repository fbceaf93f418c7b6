import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/**
 * Writes a .br and a .gz beside every text asset of the build: the API serves them precompressed
 * (@fastify/static `preCompressed`), so no CPU is spent compressing per request.
 */
function precompress(): Plugin {
  let outDir = "dist";
  return {
    name: "onemap-precompress",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      // a failed build wrote nothing: say nothing, so the build's own error is the one reported
      if (!existsSync(outDir)) return;
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const path = join(dir, name);
          return statSync(path).isDirectory() ? walk(path) : [path];
        });
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json)$/.test(file) || statSync(file).size < 1024) continue;
        const data = readFileSync(file);
        writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 10 } }));
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}

/**
 * `vite build --mode test-hooks` (npm run build:test) is the build the board e2e and `npm run bench:board`
 * drive: the production board plus the page hooks they read and steer it with (map/bench-hooks.ts),
 * written to dist-test/. A production build (dist/) has none of that code.
 */
export const TEST_HOOKS_MODE = "test-hooks";

// In development the board runs on Vite's server and proxies the API (and its socket) to onemap.
export default defineConfig(({ mode }) => ({
  plugins: [react(), precompress()],
  server: {
    port: 5173,
    proxy: {
      "/api": "http://127.0.0.1:3000",
      "/socket.io": { target: "http://127.0.0.1:3000", ws: true },
      "/docs": "http://127.0.0.1:3000",
    },
  },
  // the manifest lets `npm run bundle:report` (and a test) measure the JavaScript of the first load
  // (hls.js, loaded on demand, is the one chunk over 500 KB)
  build: { outDir: mode === TEST_HOOKS_MODE ? "dist-test" : "dist", sourcemap: true, manifest: true, chunkSizeWarningLimit: 700 },
}));
