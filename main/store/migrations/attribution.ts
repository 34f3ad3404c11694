import type { CreateTableBuilder } from 'kysely';

/** Every registry row names who made it and who changed it last (users.id), and when. */
export function addAttribution<TB extends string, C extends string>(table: CreateTableBuilder<TB, C>) {
  return table
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'));
}
