import type { Kysely, Migration } from 'kysely';
import { monthOf } from '../../billing/billingPeriod.ts';
import { sealPersonal, sealPersonalFields, type DataKeyOwner } from '../../personalData/personalDataKeys.ts';
import { isSealed } from '../../vault/sealedText.ts';
import { contactOwner } from '../../registry/contactPersonalFields.ts';
import { ticketOwner } from '../../tickets/ticketPersonalFields.ts';
import type { Db } from '../database.node.ts';
import { withGuardsLifted } from '../guardTriggers.ts';
import { inMigrationTransaction } from '../migrationTransaction.ts';

/**
 * Seals the personal text already in the store under its owner's data key (main/personalData), as the code now writes
 * it: tickets' personal fields, contacts' details, time-entry and billing-adjustment notes and session override
 * reasons (under their ticket), and recorded terminal output (under its session's ticket; a recording whose session
 * never got written, under the month it started). Columns stay text. With secure_delete on, the old plaintext does not
 * survive in freed space.
 *
 * A value already sealed is left alone, so a run cut short is finished by the next one. Locked time entries and
 * adjustments (in an approved month) refuse every update by trigger; this one conversion lifts those triggers inside
 * its transaction and puts back exactly the SQL it found, so nothing else can change meanwhile. The purge never does.
 */
// The columns as they were at this migration, written out on purpose rather than imported from
// ticketPersonalFields.ts and contactPersonalFields.ts: a migration must not import a list that later releases grow.
// A column joining the live lists later (contacts' admin_account, 0015) does not exist yet when this runs, and is
// sealed by a migration of its own (0019).
const TICKET_SEALED_COLUMNS = [
  'requester_name',
  'requester_email',
  'subject',
  'description',
  'affected_users',
  'school_and_class',
  'problem_started',
  'page_links',
  'browser',
] as const;
const CONTACT_SEALED_COLUMNS = ['name', 'email', 'phone', 'role'] as const;

const LOCKING_TRIGGERS = [
  'time_entries_locked_update',
  'time_entries_closed_update',
  'billing_adjustments_locked_update',
];

export const migration0012SealedPersonalFields: Migration = {
  async up(unknownDb: Kysely<unknown>) {
    const db = unknownDb as unknown as Db;
    await inMigrationTransaction(db, (trx) =>
      // Locked rows refuse every update by trigger; this one conversion lifts those triggers inside its transaction
      // (guardTriggers.ts: on SQLite dropped and made again from their own SQL, on PostgreSQL disabled and enabled).
      withGuardsLifted(trx as Kysely<unknown>, LOCKING_TRIGGERS, async () => {
        await sealTickets(trx);
        await sealContacts(trx);
        await sealNotes(trx);
        await sealOverrideReasons(trx);
        await sealRecordings(trx);
      }),
    );
  },
};

async function sealTickets(db: Db): Promise<void> {
  const rows = await db
    .selectFrom('tickets')
    .select(['id', ...TICKET_SEALED_COLUMNS])
    .execute();
  for (const { id, ...texts } of rows) {
    if (isSealed(texts.subject)) continue;
    const sealed = await sealPersonalFields(db, ticketOwner(id), texts);
    await db.updateTable('tickets').set(sealed).where('id', '=', id).execute();
  }
}

async function sealContacts(db: Db): Promise<void> {
  const rows = await db
    .selectFrom('contacts')
    .select(['id', ...CONTACT_SEALED_COLUMNS])
    .execute();
  for (const { id, ...texts } of rows) {
    if (isSealed(texts.name)) continue;
    const sealed = await sealPersonalFields(db, contactOwner(id), texts);
    await db.updateTable('contacts').set(sealed).where('id', '=', id).execute();
  }
}

async function sealNotes(db: Db): Promise<void> {
  const entries = await db.selectFrom('time_entries').select(['id', 'ticket_id', 'note']).execute();
  for (const entry of entries) {
    if (isSealed(entry.note)) continue;
    const note = await sealPersonal(db, ticketOwner(entry.ticket_id), entry.note);
    await db.updateTable('time_entries').set({ note }).where('id', '=', entry.id).execute();
  }
  const adjustments = await db
    .selectFrom('billing_adjustments as a')
    .innerJoin('time_entries as e', 'e.id', 'a.entry_id')
    .select(['a.id', 'e.ticket_id', 'a.note'])
    .execute();
  for (const adjustment of adjustments) {
    if (isSealed(adjustment.note)) continue;
    const note = await sealPersonal(db, ticketOwner(adjustment.ticket_id), adjustment.note);
    await db.updateTable('billing_adjustments').set({ note }).where('id', '=', adjustment.id).execute();
  }
}

async function sealOverrideReasons(db: Db): Promise<void> {
  const sessions = await db
    .selectFrom('sessions')
    .select(['id', 'ticket_id', 'override_reason'])
    .where('override_reason', 'is not', null)
    .execute();
  for (const session of sessions) {
    if (isSealed(session.override_reason)) continue;
    const reason = await sealPersonal(db, ticketOwner(session.ticket_id), session.override_reason!);
    await db.updateTable('sessions').set({ override_reason: reason }).where('id', '=', session.id).execute();
  }
}

async function sealRecordings(db: Db): Promise<void> {
  const recordings = await db
    .selectFrom('recordings')
    .leftJoin('sessions', 'sessions.recording_id', 'recordings.id')
    .select(['recordings.id', 'recordings.started_at', 'sessions.ticket_id'])
    .execute();
  for (const recording of recordings) {
    const owner: DataKeyOwner =
      recording.ticket_id === null
        ? { kind: 'month', id: monthOf(recording.started_at) }
        : ticketOwner(recording.ticket_id);
    // One chunk at a time: a long session's output is never all in memory.
    const seqs = await db
      .selectFrom('recording_chunks')
      .select('seq')
      .where('recording_id', '=', recording.id)
      .orderBy('seq')
      .execute();
    for (const { seq } of seqs) {
      const chunk = await db
        .selectFrom('recording_chunks')
        .select('data')
        .where('recording_id', '=', recording.id)
        .where('seq', '=', seq)
        .executeTakeFirstOrThrow();
      // Text: nothing wrote a batch as bytes before the recordings' file (0033).
      const text = String(chunk.data);
      if (isSealed(text)) continue;
      const data = await sealPersonal(db, owner, text);
      await db
        .updateTable('recording_chunks')
        .set({ data })
        .where('recording_id', '=', recording.id)
        .where('seq', '=', seq)
        .execute();
    }
  }
}
