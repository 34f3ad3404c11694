import type { Kysely, Migration } from 'kysely';
import { addAttribution } from './attribution.ts';

export const migration0001Registry: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('is_local', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('customers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('org_number', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
      .$call(addAttribution)
      .execute();

    await db.schema
      .createTable('contacts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('role', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('admin_training_done', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('tool_training_done', 'integer', (c) => c.notNull().defaultTo(0))
      .$call(addAttribution)
      .execute();
    await db.schema.createIndex('contacts_customer').on('contacts').column('customer_id').execute();

    await db.schema
      .createTable('environments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('vpn_type', 'text', (c) => c.notNull())
      .addColumn('vpn_gateway', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('teamviewer_id', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('access_method', 'text', (c) => c.notNull())
      .addColumn('supported_tools', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('access_notes', 'text', (c) => c.notNull().defaultTo(''))
      .$call(addAttribution)
      .execute();
    await db.schema.createIndex('environments_customer').on('environments').column('customer_id').execute();

    await db.schema
      .createTable('servers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('environment_id', 'text', (c) =>
        c.notNull().references('environments.id').onDelete('cascade'),
      )
      .addColumn('host', 'text', (c) => c.notNull())
      .addColumn('port', 'integer', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('os', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
      .$call(addAttribution)
      .execute();
    await db.schema.createIndex('servers_environment').on('servers').column('environment_id').execute();

    await db.schema
      .createTable('support_accounts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('environment_id', 'text', (c) =>
        c.notNull().references('environments.id').onDelete('cascade'),
      )
      .addColumn('username', 'text', (c) => c.notNull())
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('secret', 'text')
      .addColumn('secret_updated_at', 'integer')
      .$call(addAttribution)
      .execute();
    await db.schema
      .createIndex('support_accounts_environment')
      .on('support_accounts')
      .column('environment_id')
      .execute();
  },
};
