import { sql, type Expression, type Kysely, type RawBuilder } from 'kysely';
import { storeDialect } from './dialect.ts';

/**
 * The few SQL expressions the two dialects spell differently, one helper each. Everything else the repositories
 * write through Kysely's builder, which speaks both.
 */

/** The larger of two values in one row: SQLite's scalar `max(a, b)` is PostgreSQL's `greatest(a, b)`. */
export function greaterOf<DB>(
  db: Kysely<DB>,
  a: Expression<number>,
  b: Expression<number>,
): RawBuilder<number> {
  return storeDialect(db) === 'postgres' ? sql<number>`greatest(${a}, ${b})` : sql<number>`max(${a}, ${b})`;
}

/**
 * A column the planner must not pick an index for. SQLite's idiom is a unary `+` (it takes the column out of index
 * consideration, here so the month's (started_at, id) index drives a page instead of batch_id's). PostgreSQL has no
 * unary plus on text and chooses by cost, so the plain column serves.
 */
export function notIndexed<DB>(db: Kysely<DB>, column: string): RawBuilder<unknown> {
  return storeDialect(db) === 'postgres' ? sql`${sql.ref(column)}` : sql`+${sql.ref(column)}`;
}
