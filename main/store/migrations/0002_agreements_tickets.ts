import type { Kysely, Migration } from 'kysely';
import { addAttribution } from './attribution.ts';

export const migration0002AgreementsTickets: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('agreements')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
      .addColumn('reference', 'text', (c) => c.notNull())
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text')
      .addColumn('response_hours', 'integer', (c) => c.notNull())
      .addColumn('acute_enabled', 'integer', (c) => c.notNull())
      .addColumn('acute_fee_ore', 'integer', (c) => c.notNull())
      .addColumn('allowed_contacts', 'integer', (c) => c.notNull())
      .addColumn('hourly_rates_ore', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('rounding_increment_minutes', 'integer', (c) => c.notNull())
      .addColumn('rounding_scope', 'text', (c) => c.notNull())
      .addColumn('minimum_minutes', 'integer', (c) => c.notNull())
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
      .$call(addAttribution)
      .execute();
    await db.schema.createIndex('agreements_customer').on('agreements').column('customer_id').execute();

    await db.schema
      .createTable('agreement_services')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('environment_id', 'text', (c) => c.references('environments.id').onDelete('set null'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('agreement_services_agreement')
      .on('agreement_services')
      .column('agreement_id')
      .execute();

    await db.schema
      .createTable('dpas')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
      .addColumn('signed_on', 'text', (c) => c.notNull())
      .addColumn('reference', 'text', (c) => c.notNull())
      .addColumn('version', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('signatory', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text')
      .addColumn('document', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
      .$call(addAttribution)
      .execute();
    await db.schema.createIndex('dpas_customer').on('dpas').column('customer_id').execute();

    await db.schema
      .createTable('tickets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
      .addColumn('external_ref', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('external_url', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('requester_name', 'text', (c) => c.notNull())
      .addColumn('requester_email', 'text', (c) => c.notNull())
      .addColumn('service_id', 'text', (c) => c.references('agreement_services.id').onDelete('set null'))
      .addColumn('environment_id', 'text', (c) => c.references('environments.id').onDelete('set null'))
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('priority', 'text', (c) => c.notNull())
      .addColumn('received_at', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('first_response_at', 'integer')
      .addColumn('escalated_at', 'integer')
      .addColumn('affected_users', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('school_and_class', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('problem_started', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('has_screenshot', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('page_links', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('browser', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('response_hours', 'integer', (c) => c.notNull())
      .addColumn('standard_due_at', 'integer', (c) => c.notNull())
      .addColumn('acute_due_at', 'integer')
      .addColumn('due_at', 'integer', (c) => c.notNull())
      .$call(addAttribution)
      .execute();
    await db.schema.createIndex('tickets_customer').on('tickets').column('customer_id').execute();
    await db.schema.createIndex('tickets_due').on('tickets').columns(['status', 'due_at']).execute();
  },
};
