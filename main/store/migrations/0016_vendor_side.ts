import type { Kysely, Migration } from 'kysely';
import { addAttribution } from './attribution.ts';

/**
 * The vendor's side of the terms (issue 11, part 4): the vendor's person a customer's support contacts phone for
 * acute matters (vendor staff, not the customer's personal data, so plain columns), the customer's notices of
 * maintenance or changes per environment, and the certificates whose expiry takes AD FS and WAP down. Columns are
 * only added to `customers` (ALTER TABLE ADD COLUMN), never rebuilt; nothing SQLite-only, so PostgreSQL takes it too.
 */
export const migration0016VendorSide: Migration = {
  async up(db: Kysely<unknown>) {
    for (const column of ['responsible_name', 'responsible_phone', 'responsible_email']) {
      await db.schema
        .alterTable('customers')
        .addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
        .execute();
    }

    await db.schema
      .createTable('maintenance_notices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('environment_id', 'text', (c) =>
        c.notNull().references('environments.id').onDelete('cascade'),
      )
      .addColumn('starts_at', 'integer', (c) => c.notNull())
      /** Null: until further notice. */
      .addColumn('ends_at', 'integer')
      .addColumn('summary', 'text', (c) => c.notNull())
      /** When the customer told the vendor. */
      .addColumn('received_at', 'integer', (c) => c.notNull())
      .$call(addAttribution)
      .execute();
    await db.schema
      .createIndex('maintenance_notices_environment')
      .on('maintenance_notices')
      .columns(['environment_id', 'starts_at'])
      .execute();

    await db.schema
      .createTable('certificates')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('environment_id', 'text', (c) =>
        c.notNull().references('environments.id').onDelete('cascade'),
      )
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('thumbprint', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('server_id', 'text', (c) => c.references('servers.id').onDelete('set null'))
      /** The last day it is valid, a Swedish calendar date (YYYY-MM-DD), as agreements end. */
      .addColumn('expires_on', 'text', (c) => c.notNull())
      .$call(addAttribution)
      .execute();
    await db.schema
      .createIndex('certificates_environment')
      .on('certificates')
      .column('environment_id')
      .execute();
  },
};
