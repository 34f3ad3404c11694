import { sql, type Kysely, type Migration } from 'kysely';
import { addAttribution } from './attribution.ts';

export const migration0006TimeEntries: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('time_entries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      // Time is accounting material: a ticket with time on it cannot simply be deleted.
      .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('restrict'))
      .addColumn('technician_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('started_at', 'integer', (c) => c.notNull())
      .addColumn('ended_at', 'integer')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('session_id', 'text')
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('classification', 'text', (c) => c.notNull().defaultTo('unclassified'))
      .addColumn('work_type', 'text')
      .$call(addAttribution)
      .execute();
    await db.schema.createIndex('time_entries_ticket').on('time_entries').column('ticket_id').execute();
    await db.schema.createIndex('time_entries_started').on('time_entries').column('started_at').execute();
    // One running timer per technician, enforced by the store itself (Freshdesk's rule).
    await sql`CREATE UNIQUE INDEX time_entries_one_running_timer ON time_entries (technician_id)
      WHERE ended_at IS NULL AND source = 'timer'`.execute(db);
  },
};
