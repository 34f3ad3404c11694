import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Access as the terms define it (issue 11, part 3). Every change is a plain ADD COLUMN (or an index), never a table
 * rebuild, so it composes with the other migrations of the same issue that rewrite other columns of these tables.
 * - environments: whether the VPN is split tunnel (unknown until someone checks), the access tool's name, and any
 *   special configuration the customer demands on the vendor's machines (non-standard, 8.6);
 * - contacts: the contact's own admin account in the customer's platform, and whether it is the primary contact
 *   (a school names one); at most one primary per customer, enforced by a partial unique index;
 * - tickets: when, and by whom, a ticket from someone who is not a named contact was sent back to the contacts.
 */
export const migration0015AccessTerms: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('environments')
      .addColumn('split_tunnel', 'text', (c) => c.notNull().defaultTo('unknown'))
      .execute();
    await db.schema
      .alterTable('environments')
      .addColumn('access_tool', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema
      .alterTable('environments')
      .addColumn('special_configuration_needed', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .alterTable('environments')
      .addColumn('special_configuration', 'text', (c) => c.notNull().defaultTo(''))
      .execute();

    await db.schema
      .alterTable('contacts')
      .addColumn('admin_account', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema
      .alterTable('contacts')
      .addColumn('is_primary', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createIndex('contacts_one_primary')
      .on('contacts')
      .column('customer_id')
      .unique()
      .where(sql.ref('is_primary'), '=', 1)
      .execute();

    await db.schema.alterTable('tickets').addColumn('sent_back_at', 'integer').execute();
    await db.schema.alterTable('tickets').addColumn('sent_back_by', 'text').execute();
  },
};
