// npm run create-admin -w @onemap/api -- <username>
// Creates an administrator on the configured database (a real DATABASE_URL has no default sign-ins).
// The password comes from ONEMAP_ADMIN_PASSWORD, or is read from standard input.
import { createInterface } from "node:readline/promises";
import { createDbClient, migrate, openDatabase } from "@onemap/db";
import { parseConfig } from "../config";
import { ensureAdmin } from "../features/auth/service";

const username = process.argv[2];
if (!username || !/^[a-z0-9._-]{3,64}$/.test(username)) {
  console.error("usage: npm run create-admin -w @onemap/api -- <username>   (3-64 of a-z 0-9 . _ -)");
  process.exit(2);
}
const config = parseConfig();
let password = config.ONEMAP_ADMIN_PASSWORD;
if (!password) {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  password = (await rl.question(`password for ${username} (at least 10 characters): `)).trim();
  rl.close();
}
if (password.length < 10) {
  console.error("the password must be at least 10 characters");
  process.exit(2);
}
const database = await openDatabase({
  databaseUrl: config.DATABASE_URL,
  dataDir: config.ONEMAP_DATA_DIR,
  embeddedPort: config.EMBEDDED_PG_PORT,
});
const db = createDbClient(database.url);
try {
  await migrate(database.url);
  const result = await ensureAdmin(db, username, password);
  console.log(result === "created" ? `administrator ${username} created` : `a user named ${username} already exists: nothing changed`);
} finally {
  await db.$disconnect();
  await database.close();
}
