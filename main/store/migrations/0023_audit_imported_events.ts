import type { Kysely, Migration } from 'kysely';
import { createGuardTrigger } from '../guardTriggers.ts';

/**
 * The audit logs of local stores brought into a team database (`lotsen team import-local`): each one a segment, its
 * events exactly as the local chain wrote them (so their hashes still check from the segment's own genesis), linked
 * to the team's chain by one `audit.segment_imported` event that names the segment's last sequence number and hash.
 * Append-only like the log itself; empty in an embedded store.
 */
export const migration0023AuditImportedEvents: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('audit_imported_events')
      .addColumn('segment_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('at', 'integer', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('subject_type', 'text')
      .addColumn('subject_id', 'text')
      .addColumn('details', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('audit_imported_events_pk', ['segment_id', 'seq'])
      .execute();
    for (const on of ['UPDATE', 'DELETE'] as const) {
      await createGuardTrigger(db, {
        name: `audit_imported_events_no_${on.toLowerCase()}`,
        table: 'audit_imported_events',
        on,
        message: 'the audit log is append-only',
      });
    }
  },
};
