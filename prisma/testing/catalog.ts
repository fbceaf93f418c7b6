// A database's shape as PostgreSQL's catalogs tell it: tables and columns (type, nullability,
// default), enum values, indexes, keys. Two databases built differently must read the same.
import pg from "pg";

export interface Catalog {
  columns: string[];
  enums: string[];
  indexes: string[];
  constraints: string[];
}

export async function readCatalog(url: string): Promise<Catalog> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query<{ line: string }>(`
      SELECT format('%s.%s %s(%s) %s default=%s', table_name, column_name, data_type, udt_name,
                    CASE is_nullable WHEN 'YES' THEN 'NULL' ELSE 'NOT NULL' END, coalesce(column_default, '-')) AS line
        FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
       ORDER BY table_name, column_name`);
    const enums = await client.query<{ line: string }>(`
      SELECT format('%s: %s', t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)) AS line
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = 'public' GROUP BY t.typname ORDER BY t.typname`);
    const indexes = await client.query<{ line: string }>(`
      SELECT indexdef AS line FROM pg_indexes
       WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
         -- hand-written partial indexes that Prisma cannot describe are named onemap_* (see the migrations)
         AND indexname NOT LIKE 'onemap_%' ORDER BY indexname`);
    const constraints = await client.query<{ line: string }>(`
      SELECT format('%s.%s %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)) AS line
        FROM pg_constraint c
       WHERE c.connamespace = 'public'::regnamespace AND c.contype IN ('p', 'f', 'u')
         AND c.conrelid::regclass::text <> '"_prisma_migrations"' AND c.conrelid::regclass::text <> '_prisma_migrations'
       ORDER BY 1`);
    return {
      columns: columns.rows.map((r) => r.line),
      enums: enums.rows.map((r) => r.line),
      indexes: indexes.rows.map((r) => r.line),
      constraints: constraints.rows.map((r) => r.line),
    };
  } finally {
    await client.end();
  }
}

export async function execute(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
