import type { Kysely, Migration } from 'kysely';

export const migration0007Sessions: Migration = {
  async up(db: Kysely<unknown>) {
    // The VPN client's command line (AnyConnect's `vpn connect`, Check Point's `trac`, `rasdial`), run before SSH.
    await db.schema
      .alterTable('environments')
      .addColumn('pre_connect_command', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      // A session is part of a ticket's history: the ticket cannot be deleted from under it.
      .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('restrict'))
      .addColumn('environment_id', 'text', (c) => c.notNull())
      .addColumn('server_id', 'text')
      .addColumn('account_id', 'text')
      .addColumn('technician_id', 'text', (c) => c.notNull().references('users.id'))
      /** `host#pid` of the Lotsen process running it: only that process's death makes a live session stale. */
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('opened_at', 'integer', (c) => c.notNull())
      .addColumn('closed_at', 'integer')
      .addColumn('end_code', 'text')
      .addColumn('end_message', 'text')
      /** JSON: what the person needs to act on a failure (a changed host key's old and new fingerprints). */
      .addColumn('end_details', 'text')
      .addColumn('override_reason', 'text')
      /** JSON array of the eligibility warnings shown before connecting. */
      .addColumn('warnings', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('recording_id', 'text', (c) => c.references('recordings.id'))
      .addColumn('time_entry_id', 'text', (c) => c.references('time_entries.id'))
      .addColumn('cols', 'integer', (c) => c.notNull())
      .addColumn('rows', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_ticket').on('sessions').column('ticket_id').execute();
    await db.schema.createIndex('sessions_state').on('sessions').column('state').execute();
  },
};
