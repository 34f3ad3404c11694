import type { Kysely, Migration } from 'kysely';
import { createGuardTrigger, type GuardTrigger } from '../guardTriggers.ts';

/** Every lock the triggers below raise starts with this, so the repositories can tell it from other failures. */
export const LOCKED_TRIGGER_PREFIX = 'LOTSEN_LOCKED';

/** An approved line never changes and is never deleted (0013 gives its rebuilt table the same two). */
const BILLING_LINE_GUARDS: GuardTrigger[] = [
  {
    name: 'billing_lines_no_update',
    table: 'billing_lines',
    on: 'UPDATE',
    message: `${LOCKED_TRIGGER_PREFIX}: a billing line cannot change`,
  },
  {
    name: 'billing_lines_no_delete',
    table: 'billing_lines',
    on: 'DELETE',
    message: `${LOCKED_TRIGGER_PREFIX}: a billing line cannot be deleted`,
  },
];

export const migration0008Billing: Migration = {
  async up(db: Kysely<unknown>) {
    // One approved month of one customer: the period it closes, who approved it, and (sealed) totals.
    await db.schema
      .createTable('billing_batches')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('number', 'integer', (c) => c.notNull().unique())
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
      .addColumn('month', 'text', (c) => c.notNull())
      // The month's first instant and the next month's, Stockholm time, as UTC epoch ms.
      .addColumn('period_start', 'integer', (c) => c.notNull())
      .addColumn('period_end', 'integer', (c) => c.notNull())
      // Snapshots: an approved batch exports the same bytes even after the customer record changes.
      .addColumn('customer_name', 'text', (c) => c.notNull())
      .addColumn('org_number', 'text', (c) => c.notNull())
      .addColumn('approved_at', 'integer', (c) => c.notNull())
      .addColumn('approved_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('approved_by_name', 'text', (c) => c.notNull())
      .addColumn('entries', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('lines', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('actual_minutes', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('billed_minutes', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('amount_ore', 'integer', (c) => c.notNull().defaultTo(0))
      // 0 only inside the approving transaction, while its lines are written; then nothing in it changes again.
      .addColumn('sealed', 'integer', (c) => c.notNull().defaultTo(0))
      .addUniqueConstraint('billing_batches_customer_month', ['customer_id', 'month'])
      .execute();

    // What each line billed, with actual and billed minutes kept apart so every rounding can be explained.
    await db.schema
      .createTable('billing_lines')
      .addColumn('batch_id', 'text', (c) => c.notNull().references('billing_batches.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('ticket_id', 'text', (c) => c.notNull())
      .addColumn('ticket_ref', 'text', (c) => c.notNull())
      .addColumn('ticket_subject', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('technician', 'text', (c) => c.notNull())
      .addColumn('agreement_ref', 'text', (c) => c.notNull())
      .addColumn('classification', 'text', (c) => c.notNull())
      .addColumn('work_type', 'text')
      .addColumn('actual_seconds', 'integer', (c) => c.notNull())
      .addColumn('actual_minutes', 'integer', (c) => c.notNull())
      .addColumn('billed_minutes', 'integer', (c) => c.notNull())
      .addColumn('rate_ore', 'integer', (c) => c.notNull())
      .addColumn('amount_ore', 'integer', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('entry_count', 'integer', (c) => c.notNull())
      .addColumn('entry_id', 'text')
      .addColumn('adjustment_id', 'text')
      .addPrimaryKeyConstraint('billing_lines_pk', ['batch_id', 'seq'])
      .execute();

    await db.schema
      .alterTable('time_entries')
      .addColumn('batch_id', 'text', (c) => c.references('billing_batches.id'))
      .execute();
    await db.schema.alterTable('time_entries').addColumn('line_seq', 'integer').execute();
    // Billing reads a month's entries in pages ordered by (started_at, id).
    await db.schema
      .createIndex('time_entries_started_id')
      .on('time_entries')
      .columns(['started_at', 'id'])
      .execute();
    await db.schema.createIndex('time_entries_batch').on('time_entries').column('batch_id').execute();

    // A correction of locked time, billed in the first open month after the one it corrects.
    await db.schema
      .createTable('billing_adjustments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('entry_id', 'text', (c) => c.notNull().references('time_entries.id'))
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('minutes', 'integer', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('batch_id', 'text', (c) => c.references('billing_batches.id'))
      .addColumn('line_seq', 'integer')
      .execute();
    await db.schema
      .createIndex('billing_adjustments_customer_month')
      .on('billing_adjustments')
      .columns(['customer_id', 'month'])
      .execute();

    // The store itself refuses to change locked time, whatever code path asks (the repositories check first and
    // say it better; these are the backstop).
    // Through createGuardTrigger so PostgreSQL gets the same guards with the same messages; SQLite's are as before.
    const inClosedMonth = (entry: 'NEW') => `EXISTS (SELECT 1 FROM billing_batches b JOIN tickets t
          ON t.customer_id = b.customer_id
          WHERE t.id = ${entry}.ticket_id AND ${entry}.started_at >= b.period_start AND ${entry}.started_at < b.period_end)`;
    const guards: GuardTrigger[] = [
      {
        name: 'time_entries_locked_update',
        table: 'time_entries',
        on: 'UPDATE',
        when: 'OLD.batch_id IS NOT NULL',
        message: `${LOCKED_TRIGGER_PREFIX}: the time entry is in an approved billing batch`,
      },
      {
        name: 'time_entries_locked_delete',
        table: 'time_entries',
        on: 'DELETE',
        when: 'OLD.batch_id IS NOT NULL',
        message: `${LOCKED_TRIGGER_PREFIX}: the time entry is in an approved billing batch`,
      },
      {
        name: 'time_entries_closed_insert',
        table: 'time_entries',
        on: 'INSERT',
        when: inClosedMonth('NEW'),
        message: `${LOCKED_TRIGGER_PREFIX}: the month is approved for this customer`,
      },
      {
        name: 'time_entries_closed_update',
        table: 'time_entries',
        on: 'UPDATE',
        when: `NEW.batch_id IS NULL AND ${inClosedMonth('NEW')}`,
        message: `${LOCKED_TRIGGER_PREFIX}: the month is approved for this customer`,
      },
      {
        name: 'billing_batches_sealed_update',
        table: 'billing_batches',
        on: 'UPDATE',
        when: 'OLD.sealed = 1',
        message: `${LOCKED_TRIGGER_PREFIX}: an approved billing batch cannot change`,
      },
      {
        name: 'billing_batches_no_delete',
        table: 'billing_batches',
        on: 'DELETE',
        message: `${LOCKED_TRIGGER_PREFIX}: an approved billing batch cannot be deleted`,
      },
      ...BILLING_LINE_GUARDS,
      {
        name: 'billing_adjustments_locked_update',
        table: 'billing_adjustments',
        on: 'UPDATE',
        when: 'OLD.batch_id IS NOT NULL',
        message: `${LOCKED_TRIGGER_PREFIX}: the adjustment is in an approved billing batch`,
      },
      {
        name: 'billing_adjustments_locked_delete',
        table: 'billing_adjustments',
        on: 'DELETE',
        when: 'OLD.batch_id IS NOT NULL',
        message: `${LOCKED_TRIGGER_PREFIX}: the adjustment is in an approved billing batch`,
      },
      {
        name: 'billing_adjustments_closed_insert',
        table: 'billing_adjustments',
        on: 'INSERT',
        when: 'EXISTS (SELECT 1 FROM billing_batches b WHERE b.customer_id = NEW.customer_id AND b.month = NEW.month)',
        message: `${LOCKED_TRIGGER_PREFIX}: the month is approved for this customer`,
      },
    ];
    for (const guard of guards) await createGuardTrigger(db, guard);
  },
};
