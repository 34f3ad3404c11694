import type { Kysely, Migration } from 'kysely';
import { createGuardTrigger } from '../guardTriggers.ts';

export const migration0003Audit: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('audit_events')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('at', 'integer', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('subject_type', 'text')
      .addColumn('subject_id', 'text')
      .addColumn('details', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_events_subject').on('audit_events').column('subject_id').execute();
    // Append-only by construction: ordinary writes cannot change history. (Deliberate tampering, by someone who
    // drops these triggers, is what the hash chain and `lotsen audit verify` catch.)
    // Written through createGuardTrigger so PostgreSQL gets the same guards; SQLite's are as they always were.
    for (const on of ['UPDATE', 'DELETE'] as const) {
      await createGuardTrigger(db, {
        name: `audit_events_no_${on.toLowerCase()}`,
        table: 'audit_events',
        on,
        message: 'the audit log is append-only',
      });
    }
  },
};
