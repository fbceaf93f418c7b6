// Two database roles (DESIGN §6): an owner that applies migrations and owns every table, and a
// runtime role, which the API connects as, that owns nothing. The runtime role may read and write
// the operational tables but only INSERT and SELECT on the audit tables: it cannot UPDATE, DELETE or
// TRUNCATE them, and — owning nothing, being no superuser — it cannot ALTER them, disable their
// triggers or set session_replication_role. Grants are applied by the owner after every migration, so
// tables a new migration adds are covered at once.
import pg from "pg";

/** The tables whose rows nobody may change or remove once written. */
export const AUDIT_TABLES = ["IncidentEvent", "AuditEvent"] as const;

/** the role the embedded database creates for the API (127.0.0.1 only, like its superuser) */
export const EMBEDDED_RUNTIME_ROLE = "onemap_app";
export const EMBEDDED_RUNTIME_PASSWORD = "onemap-runtime";

const GRANT_LOCK_KEY = 72_707_370;
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

export interface RuntimeRoleOptions {
  role: string;
  /** create the role (LOGIN, this password) when it does not exist: needs CREATEROLE (the embedded server) */
  createWithPassword?: string;
}

/** As the owner: grants the runtime role exactly what the API needs on every table of the schema. */
export async function grantRuntimeRole(ownerUrl: string, options: RuntimeRoleOptions): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const role = ident(options.role);
  try {
    // several API processes may start together: catalog updates of GRANT would otherwise collide
    await client.query("SELECT pg_advisory_lock($1)", [GRANT_LOCK_KEY]);
    if (options.createWithPassword !== undefined) {
      const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [options.role]);
      const password = `'${options.createWithPassword.replaceAll("'", "''")}'`;
      if (exists.rowCount === 0) {
        await client
          .query(`CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD ${password}`)
          .catch((error) => {
            // another process created it a moment ago (roles are per server, the lock per database)
            if ((error as { code?: string }).code !== "42710") throw error;
          });
      }
    }
    const { rows } = await client.query<{ db: string }>("SELECT current_database() AS db");
    await client.query(`GRANT CONNECT ON DATABASE ${ident(rows[0]?.db ?? "")} TO ${role}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    const audit = AUDIT_TABLES.map(ident).join(", ");
    await client.query(`REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES ON ${audit} FROM ${role}, PUBLIC`);
    // the migration history is the owner's to write
    await client.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "_prisma_migrations" FROM ${role}`);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [GRANT_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/**
 * What the API's own connection could do to the audit: empty when it runs as a role that owns no table
 * and is no superuser; otherwise the reasons, which the API prints loudly at start.
 */
export async function auditWeaknesses(runtimeUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: runtimeUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ superuser: boolean; owns: string[] | null; rewritable: string[] | null }>(
      `SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
              (SELECT array_agg(tablename::text) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user) AS owns,
              (SELECT array_agg(t) FROM unnest($1::text[]) AS t
                WHERE to_regclass(format('%I', t)) IS NOT NULL
                  AND (has_table_privilege(current_user, format('%I', t), 'UPDATE') OR has_table_privilege(current_user, format('%I', t), 'DELETE')
                       OR has_table_privilege(current_user, format('%I', t), 'TRUNCATE'))) AS rewritable`,
      [AUDIT_TABLES],
    );
    const r = rows[0];
    const reasons: string[] = [];
    if (r?.superuser) reasons.push("it is a superuser");
    if (r?.owns?.length) reasons.push(`it owns ${r.owns.length} table(s) (e.g. ${r.owns.slice(0, 3).join(", ")})`);
    if (r?.rewritable?.length) reasons.push(`it may UPDATE, DELETE or TRUNCATE ${r.rewritable.join(", ")}`);
    return reasons;
  } finally {
    await client.end();
  }
}

/** The same connection string as another role (the embedded database's runtime role). */
export function urlAsRole(url: string, role: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(role);
  u.password = encodeURIComponent(password);
  return u.toString();
}
