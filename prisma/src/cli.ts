// `npm run db:migrate` and `npm run db:seed`: against DATABASE_URL, else the embedded database in ./.data.
import { formatSummary, seedDemoCounty } from "../seed/index";
import { createDbClient } from "./client";
import { openDatabase } from "./database";
import { migrate } from "./migrate";

const command = process.argv[2];
if (command !== "migrate" && command !== "seed") {
  console.error("usage: tsx src/cli.ts migrate|seed");
  process.exit(2);
}

const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  ...(process.env.ONEMAP_DATA_DIR ? { dataDir: process.env.ONEMAP_DATA_DIR } : {}),
});
try {
  const result = await migrate(database.url);
  console.log(
    `migrations: ${result.applied.length} applied${result.applied.length ? ` (${result.applied.join(", ")})` : ""}, ${result.alreadyApplied} already in place`,
  );
  if (command === "seed") {
    const db = createDbClient(database.url);
    try {
      // demo sign-ins only on the embedded (demo) database: a real database gets no default passwords
      console.log(formatSummary(await seedDemoCounty(db, { demoUsers: database.embedded })));
    } finally {
      await db.$disconnect();
    }
  }
} finally {
  await database.close();
}
