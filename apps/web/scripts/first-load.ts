// The board's first load: the entry chunk and every chunk it imports statically (what the browser
// must fetch before sign-in and the board work), against what is left for later (dynamic imports).
// Reads dist/.vite/manifest.json; `npm run bundle:report` prints it.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

export interface FirstLoad {
  /** bytes of JavaScript (before compression) fetched before the board works */
  firstBytes: number;
  firstFiles: string[];
  /** bytes of JavaScript loaded on demand */
  lazyBytes: number;
}

export function firstLoad(dist: string): FirstLoad {
  const path = join(dist, ".vite/manifest.json");
  if (!existsSync(path)) throw new Error(`no ${path}: build the board first (npm run build -w @onemap/web)`);
  const manifest = JSON.parse(readFileSync(path, "utf8")) as Record<string, Chunk>;
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  const size = (file: string) => statSync(join(dist, file)).size;
  const js = Object.entries(manifest).filter(([, c]) => c.file.endsWith(".js"));
  const first = js.filter(([k]) => seen.has(k));
  return {
    firstBytes: first.reduce((n, [, c]) => n + size(c.file), 0),
    firstFiles: first.map(([, c]) => c.file),
    lazyBytes: js.filter(([k]) => !seen.has(k)).reduce((n, [, c]) => n + size(c.file), 0),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = firstLoad(join(import.meta.dirname, "../dist"));
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  console.log(`first load: ${kb(report.firstBytes)} of JavaScript in ${report.firstFiles.length} files (budget 1000 KB)`);
  for (const f of report.firstFiles) console.log(`  ${f}`);
  console.log(`on demand:  ${kb(report.lazyBytes)}`);
}
