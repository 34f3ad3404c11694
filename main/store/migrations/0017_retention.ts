import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The summer purge (main/retention/): the retention policy (one row), a record of each purge run, and when a ticket's
 * personal data was purged. `tickets` gets one added column and is never rebuilt: other changes to it land in other
 * migrations, and a rebuild would drop their columns and triggers.
 */
export const migration0017Retention: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('retention_policy')
      // One row, id 1, so the policy is read and written without a search.
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      /** MM-DD: the day each summer the purge is due (Stockholm time). */
      .addColumn('purge_month_day', 'text', (c) => c.notNull())
      /** A resolved or closed ticket goes once its last change is at least this many days before the purge date. */
      .addColumn('keep_closed_days', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'integer', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .execute();
    await db
      .insertInto('retention_policy' as never)
      .values({ id: 1, purge_month_day: '07-01', keep_closed_days: 30, updated_at: Date.now() } as never)
      .execute();
    await db.schema
      .createTable('purge_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('ran_at', 'integer', (c) => c.notNull())
      .addColumn('ran_by', 'text', (c) => c.notNull())
      /** YYYY-MM-DD: the purge date the rule was applied for. */
      .addColumn('purge_date', 'text', (c) => c.notNull())
      .addColumn('tickets', 'integer', (c) => c.notNull())
      .addColumn('month_keys', 'integer', (c) => c.notNull())
      .addColumn('keys_destroyed', 'integer', (c) => c.notNull())
      .addColumn('recordings', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.alterTable('tickets').addColumn('purged_at', 'integer').execute();
  },
};
