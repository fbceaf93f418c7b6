// Prisma 7 CLI config. `prisma generate` is the only command the project runs with it here (it
// needs no database); `prisma migrate deploy` works with it wherever Prisma's schema engine exists.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/onemap" },
});
