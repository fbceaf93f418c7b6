// `npm start` builds the board only when its sources changed since the last build: a hash of every
// input (the board's sources, the shared packages it bundles, the lockfile) is kept in dist/.source-hash.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const web = join(import.meta.dirname, "..");
const root = join(web, "../..");
const INPUTS = [
  "apps/web/src",
  "apps/web/index.html",
  "apps/web/vite.config.ts",
  "apps/web/package.json",
  "apps/web/public",
  "packages/shared/src",
  "packages/domain/src",
  "package-lock.json",
];

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

export function sourceHash(): string {
  const hash = createHash("sha256");
  for (const file of INPUTS.flatMap((p) => files(join(root, p)))) {
    hash.update(relative(root, file));
    hash.update(readFileSync(file));
  }
  return hash.digest("hex");
}

const stamp = join(web, "dist/.source-hash");
const current = sourceHash();
if (existsSync(join(web, "dist/index.html")) && existsSync(stamp) && readFileSync(stamp, "utf8") === current) {
  console.log("board: up to date, not rebuilt");
} else {
  const started = Date.now();
  const result = spawnSync(join(root, "node_modules/.bin/vite"), ["build", "--logLevel", "warn"], { cwd: web, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, current);
  console.log(`board: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
