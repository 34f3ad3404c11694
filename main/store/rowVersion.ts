import { sql, type RawBuilder } from 'kysely';

/*
 * A versioned row (migration 0020 lists which tables, and why) is inserted at 1 (the column's default) and every
 * UPDATE of it adds one in the same statement, so the version a reader was given names exactly the row it saw, on
 * both engines, without a read before the write.
 */

/**
 * The SET entry that moves a row's version: spread it into `.set({ ... })`. `qualifier` names the table where the
 * bare column would be ambiguous, as in an upsert's DO UPDATE SET (beside PostgreSQL's `excluded`).
 */
export function nextRowVersion(qualifier?: string): { row_version: RawBuilder<number> } {
  const column = sql.ref(qualifier === undefined ? 'row_version' : `${qualifier}.row_version`);
  return { row_version: sql<number>`${column} + 1` };
}

/** The same for an UPDATE written in raw SQL: `SET ..., ${ROW_VERSION_BUMP}`. */
export const ROW_VERSION_BUMP = sql`row_version = row_version + 1`;
