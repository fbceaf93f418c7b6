export * from "../generated/client";
export { createDbClient, type DbClient, type DbClientOptions } from "./client";
export {
  DEFAULT_DATA_DIR,
  DEFAULT_EMBEDDED_PORT,
  type OpenDatabase,
  type OpenDatabaseOptions,
  openDatabase,
  prepareDatabase,
  repoRoot,
} from "./database";
export { type EmbeddedDatabase, type EmbeddedOptions, startEmbeddedPostgres } from "./embedded";
export { type MigrateResult, MigrationError, migrate, migrationsDir, readMigrations } from "./migrate";
export { hashPassword, verifyPassword } from "./passwords";
export { freePort } from "./ports";
export { AUDIT_TABLES, auditWeaknesses, EMBEDDED_RUNTIME_PASSWORD, EMBEDDED_RUNTIME_ROLE, grantRuntimeRole, urlAsRole } from "./roles";
