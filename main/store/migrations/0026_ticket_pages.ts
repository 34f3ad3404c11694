import type { Kysely, Migration } from 'kysely';

/**
 * Tickets as pages (issue 15): a ticket's notes, its status changes (the timeline shows them), the screenshots
 * attached to it, and who it is assigned to. A note's text and a screenshot's bytes are personal data: both are stored
 * sealed under the ticket's personal-data key (main/personalData/personalDataKeys.ts), so the summer purge and an
 * erasure, which destroy that key, take them too. A status change holds no text of its own.
 *
 * `tickets` gets one added column and is never rebuilt (as 0017): other migrations change its other columns.
 */
export const migration0026TicketPages: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('tickets').addColumn('assignee_id', 'text').execute();
    await db.schema
      .createTable('ticket_notes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
      /** Sealed under the ticket's personal-data key. */
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
      .execute();
    await db.schema.createIndex('ticket_notes_ticket').on('ticket_notes').columns(['ticket_id']).execute();
    await db.schema
      .createTable('ticket_status_changes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
      /** Null when the ticket was made (its first status). */
      .addColumn('from_status', 'text')
      .addColumn('to_status', 'text', (c) => c.notNull())
      .addColumn('changed_at', 'integer', (c) => c.notNull())
      .addColumn('changed_by', 'text', (c) => c.notNull().references('users.id'))
      .execute();
    await db.schema
      .createIndex('ticket_status_changes_ticket')
      .on('ticket_status_changes')
      .columns(['ticket_id'])
      .execute();
    await db.schema
      .createTable('ticket_screenshots')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
      /** image/png or image/jpeg, checked against the bytes when attached. */
      .addColumn('media_type', 'text', (c) => c.notNull())
      .addColumn('byte_size', 'integer', (c) => c.notNull())
      /** The image as base64, sealed under the ticket's personal-data key. */
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
      .execute();
    await db.schema
      .createIndex('ticket_screenshots_ticket')
      .on('ticket_screenshots')
      .columns(['ticket_id'])
      .execute();
  },
};
