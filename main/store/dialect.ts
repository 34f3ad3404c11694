import { PostgresAdapter, SqliteAdapter, type Kysely } from 'kysely';

/** The two data sources' SQL dialects: the embedded store's SQLite and a team database's PostgreSQL. */
export type StoreDialect = 'sqlite' | 'postgres';

/**
 * Which dialect a query layer speaks, read from the adapter Kysely was opened with (a transaction shares its
 * database's), so no flag is handed from the opening code to every repository.
 */
export function storeDialect<DB>(db: Kysely<DB>): StoreDialect {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof PostgresAdapter) return 'postgres';
  if (adapter instanceof SqliteAdapter) return 'sqlite';
  throw new Error(`Lotsen's store speaks SQLite or PostgreSQL, not ${adapter.constructor.name}`);
}
