// npm run create-admin -w @onemap/api -- <username>
// Creates an administrator on the configured database (a real DATABASE_URL has no default sign-ins).
// The password comes from ONEMAP_ADMIN_PASSWORD, or is read from standard input.
import { createInterface } from "node:readline/promises";
import { createDbClient, openDatabase, prepareDatabase } from "@onemap/db";
import { parseConfig } from "../config";
import { checkPassword } from "../features/auth/password-policy";
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
  password = (await rl.question(`password for ${username} (at least 12 characters, not easily guessed): `)).trim();
  rl.close();
}
const weakness = checkPassword(password, [username]);
if (weakness) {
  console.error(`${weakness.zh} / ${weakness.en}`);
  process.exit(2);
}
const database = await openDatabase({
  databaseUrl: config.DATABASE_URL,
  dataDir: config.ONEMAP_DATA_DIR,
  embeddedPort: config.EMBEDDED_PG_PORT,
  ownerUrl: config.DATABASE_OWNER_URL,
});
await prepareDatabase(database);
const db = createDbClient(database.url);
try {
  const result = await ensureAdmin(db, username, password);
  console.log(result === "created" ? `administrator ${username} created` : `a user named ${username} already exists: nothing changed`);
} finally {
  await db.$disconnect();
  await database.close();
}
