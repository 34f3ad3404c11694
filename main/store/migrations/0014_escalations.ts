import { sql, type Kysely, type Migration } from 'kysely';
import { endOfDate, startOfDate } from '../../agreements/agreementDates.ts';

/** The price list's acute-escalation fee until the vendor sets its own: 2 500 kr. */
export const DEFAULT_ACUTE_LIST_PRICE_ORE = 250_000;

/**
 * Acute escalation as a paid option (issue 11): each escalation is recorded with its basis (the agreement's option
 * or an exception), the fee it bills and who made it; a vendor price list holds the fee an exception bills. A ticket
 * of a customer without an agreement in force promises no response time, so its response hours and due times
 * become nullable. Column operations only (add, copy, drop, rename, index again): another migration of the same
 * release rewrites other ticket columns, and a rebuilt table would undo it.
 */
export const migration0014Escalations: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('ticket_escalations')
      .addColumn('ticket_id', 'text', (c) => c.primaryKey().references('tickets.id').onDelete('cascade'))
      /** 'option' (the agreement's acute option) or 'exception' (made outside it, billed at the list price). */
      .addColumn('basis', 'text', (c) => c.notNull())
      .addColumn('fee_ore', 'integer', (c) => c.notNull())
      /** The agreement whose option it used; null for an exception. */
      .addColumn('agreement_id', 'text')
      /** An exception's reason, sealed under the ticket's personal-data key. */
      .addColumn('reason', 'text')
      .addColumn('escalated_at', 'integer', (c) => c.notNull())
      .addColumn('escalated_by', 'text', (c) => c.notNull().references('users.id'))
      .execute();
    await db.schema
      .createTable('vendor_settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'integer', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.references('users.id'))
      .execute();

    for (const column of ['response_hours', 'standard_due_at', 'due_at']) await makeNullable(db, column);
    await db.schema.createIndex('tickets_due').on('tickets').columns(['status', 'due_at']).execute();

    await recordEarlierEscalations(db);
  },
};

/** Adds a nullable twin, copies, drops the old column (and the index on due_at first), renames the twin. */
async function makeNullable(db: Kysely<unknown>, column: string): Promise<void> {
  const twin = `${column}_nullable`;
  await db.schema.alterTable('tickets').addColumn(twin, 'integer').execute();
  await sql`UPDATE tickets SET ${sql.ref(twin)} = ${sql.ref(column)}`.execute(db);
  if (column === 'due_at') await db.schema.dropIndex('tickets_due').execute();
  await db.schema.alterTable('tickets').dropColumn(column).execute();
  await db.schema.alterTable('tickets').renameColumn(twin, column).execute();
}

/**
 * Escalations made before this release were billed by the agreement in force at the time: its fee when the option
 * was on (recorded as under the option), nothing otherwise (recorded as an exception made before exceptions were
 * priced: fee 0, no reason). An open month so bills exactly what it did before.
 */
async function recordEarlierEscalations(db: Kysely<unknown>): Promise<void> {
  const { rows: tickets } = await sql<{
    id: string;
    customer_id: string;
    service_id: string | null;
    escalated_at: number;
    updated_by: string;
  }>`SELECT id, customer_id, service_id, escalated_at, updated_by FROM tickets WHERE escalated_at IS NOT NULL`.execute(
    db,
  );
  if (tickets.length === 0) return;
  const { rows: agreements } = await sql<{
    id: string;
    customer_id: string;
    starts_on: string;
    ends_on: string | null;
    acute_enabled: number;
    acute_fee_ore: number;
  }>`SELECT id, customer_id, starts_on, ends_on, acute_enabled, acute_fee_ore FROM agreements
     ORDER BY starts_on DESC, reference`.execute(db);
  const { rows: services } = await sql<{ id: string; agreement_id: string }>`
    SELECT id, agreement_id FROM agreement_services`.execute(db);
  for (const ticket of tickets) {
    const inForce = agreements.filter(
      (a) =>
        a.customer_id === ticket.customer_id &&
        startOfDate(a.starts_on) <= ticket.escalated_at &&
        (a.ends_on === null || ticket.escalated_at < endOfDate(a.ends_on)),
    );
    const owner = services.find((s) => s.id === ticket.service_id)?.agreement_id;
    const agreement = inForce.find((a) => a.id === owner) ?? inForce[0];
    const option = agreement !== undefined && agreement.acute_enabled === 1;
    await sql`INSERT INTO ticket_escalations
      (ticket_id, basis, fee_ore, agreement_id, reason, escalated_at, escalated_by)
      VALUES (${ticket.id}, ${option ? 'option' : 'exception'}, ${option ? agreement.acute_fee_ore : 0},
        ${option ? agreement.id : null}, NULL,
        ${ticket.escalated_at}, ${ticket.updated_by})`.execute(db);
  }
}
