// Prisma 6.19's CLI in its JS-engine mode computes migration SQL without Prisma's engine binary
// (see docs/decisions/0002-migrations-without-the-engine.md). Used only by src/diff.ts.

import { defineConfig } from "prisma6/config";
import { PrismaPg } from "prisma6-adapter-pg";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" }),
});
