// The county workbook's command lines open the configured database as create-admin does (DATABASE_URL,
// else the embedded one under ONEMAP_DATA_DIR), migrated, and hand the county service to `work`.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { createDbClient, openDatabase, prepareDatabase } from "@onemap/db";
import { parseConfig } from "../config";
import { createAuditService } from "../features/audit/service";
import { type CountyService, createCountyService } from "../features/county/service";

/** the file argument, relative to where `npm run` was typed (npm runs scripts from the repository's root) */
export function fileArgument(usage: string, mustExist: boolean): string {
  const file = process.argv[2];
  if (!file?.endsWith(".xlsx")) {
    console.error(usage);
    process.exit(2);
  }
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  if (mustExist && !existsSync(path)) {
    console.error(`${path}: no such file`);
    process.exit(2);
  }
  return path;
}

export async function withCountyService<T>(work: (county: CountyService) => Promise<T>): Promise<T> {
  const config = parseConfig();
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.ONEMAP_DATA_DIR,
    embeddedPort: config.EMBEDDED_PG_PORT,
    ownerUrl: config.DATABASE_OWNER_URL,
  });
  await prepareDatabase(database);
  const db = createDbClient(database.url);
  try {
    return await work(createCountyService({ db, audit: createAuditService({ db }) }));
  } finally {
    await db.$disconnect();
    await database.close();
  }
}
