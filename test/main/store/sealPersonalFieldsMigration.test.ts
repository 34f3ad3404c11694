import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Kysely, Migrator, sql, SqliteDialect } from 'kysely';
import { afterEach, expect, test } from 'vitest';
import { destroyDataKeys, sealPersonalFields } from '../../../main/personalData/personalDataKeys.ts';
import { isSealed } from '../../../main/vault/sealedText.ts';
import { contactOwner } from '../../../main/registry/contactPersonalFields.ts';
import { getCustomerDetail } from '../../../main/registry/customerRepository.ts';
import { readRecording } from '../../../main/sessions/recording/recordingRepository.ts';
import { getSession } from '../../../main/sessions/sessionRepository.ts';
import { openEncryptedConnection, openStore, type Db } from '../../../main/store/database.node.ts';
import { migrations } from '../../../main/store/migrations/index.ts';
import { ticketOwner } from '../../../main/tickets/ticketPersonalFields.ts';
import { getTicket } from '../../../main/tickets/ticketRepository.ts';
import { listTimeEntries } from '../../../main/time/timeEntryRepository.ts';
import { decryptedStorePages } from '../../support/decryptedStorePages.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** Plaintext as a store at 0011 holds it, each text found nowhere else. */
const TEXT = {
  requester: 'Margareta Hellström',
  email: 'margareta.hellstrom@alvesta.se',
  subject: 'Hellströms elever når inte Skolplattformen',
  description: 'Eleven Viggo Strand (klass 9C) får felkod 364.',
  contactName: 'Sven-Olof Dahlgren',
  contactEmail: 'sven-olof.dahlgren@alvesta.se',
  contactPhone: '0472-150 00 99',
  note: 'Felsökte Viggos konto med Margareta',
  lockedNote: 'Fakturerad felsökning hos Dahlgren',
  adjustment: 'Rättelse efter samtal med Dahlgren',
  reason: 'Skolchef Lindeberg godkände muntligt',
  output: 'Get-ADUser viggo.strand Enabled False',
  orphanOutput: 'whoami adm-dahlgren@alvesta',
};

/** A new store file brought up to `migration` only and filled by `fill`, as a store of that release held it. */
async function storeAt(
  file: string,
  key: Buffer,
  migration: string,
  fill: (db: Db) => Promise<void>,
): Promise<void> {
  await writeFile(file, '', { mode: 0o600 });
  const db: Db = new Kysely({ dialect: new SqliteDialect({ database: openEncryptedConnection(file, key) }) });
  try {
    const { error } = await new Migrator({
      db,
      provider: { getMigrations: async () => migrations },
    }).migrateTo(migration);
    if (error) throw error;
    await fill(db);
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
  } finally {
    await db.destroy();
  }
}

/** A store brought to 0011 only, with personal text in the clear where the code before 0012 wrote it. */
async function storeAt0011(file: string, key: Buffer): Promise<void> {
  await storeAt(file, key, '0011_personal_data_keys', async (db) => {
    const stamp = { created_at: 1, created_by: 'u1', updated_at: 1, updated_by: 'u1' };
    await db
      .insertInto('users')
      .values({ id: 'u1', name: 'Tekla', email: 't@l.se', role: 'technician', is_local: 1, created_at: 1 })
      .execute();
    await db
      .insertInto('customers')
      .values({
        id: 'c1',
        name: 'Alvesta kommun',
        org_number: '212000-0001',
        kind: 'municipality',
        notes: '',
        ...stamp,
      })
      .execute();
    await db
      .insertInto('contacts')
      .values({
        id: 'k1',
        customer_id: 'c1',
        name: TEXT.contactName,
        email: TEXT.contactEmail,
        phone: TEXT.contactPhone,
        role: '',
        admin_training_done: 1,
        tool_training_done: 1,
        ...stamp,
        // The contact as it was at 0011: admin_account and is_primary came in 0015.
      } as never)
      .execute();
    const received = Date.parse('2026-10-05T09:00:00+02:00');
    await db
      .insertInto('tickets')
      .values({
        id: 't1',
        customer_id: 'c1',
        external_ref: 'HD-77',
        external_url: '',
        requester_name: TEXT.requester,
        requester_email: TEXT.email,
        service_id: null,
        environment_id: null,
        subject: TEXT.subject,
        description: TEXT.description,
        priority: 'normal',
        received_at: received,
        status: 'open',
        first_response_at: null,
        escalated_at: null,
        affected_users: '',
        school_and_class: '',
        problem_started: '',
        has_screenshot: 0,
        page_links: '',
        browser: '',
        response_hours: 8,
        standard_due_at: received,
        acute_due_at: null,
        due_at: received,
        ...stamp,
      })
      .execute();
    const entry = (id: string, note: string, startedAt: number) => ({
      id,
      ticket_id: 't1',
      technician_id: 'u1',
      started_at: startedAt,
      ended_at: startedAt + 600_000,
      source: 'manual',
      session_id: null,
      note,
      classification: 'billable',
      work_type: null,
      batch_id: null,
      line_seq: null,
      ...stamp,
    });
    await db
      .insertInto('time_entries')
      .values([entry('e1', TEXT.note, received + 3_600_000), entry('e2', TEXT.lockedNote, received)])
      .execute();
    // October approved: e2 and the adjustment are locked, which their triggers enforce.
    await db
      .insertInto('billing_batches')
      .values({
        id: 'b1',
        number: 1,
        customer_id: 'c1',
        month: '2026-10',
        period_start: Date.parse('2026-10-01T00:00:00+02:00'),
        period_end: Date.parse('2026-11-01T00:00:00+01:00'),
        customer_name: 'Alvesta kommun',
        org_number: '212000-0001',
        approved_at: 2,
        approved_by: 'u1',
        approved_by_name: 'Tekla',
        entries: 1,
        lines: 0,
        actual_minutes: 10,
        billed_minutes: 10,
        amount_ore: 0,
        sealed: 0,
      })
      .execute();
    await db
      .updateTable('time_entries')
      .set({ batch_id: 'b1', line_seq: 1 })
      .where('id', '=', 'e2')
      .execute();
    await db
      .insertInto('billing_adjustments')
      .values({
        id: 'a1',
        entry_id: 'e2',
        customer_id: 'c1',
        month: '2026-11',
        minutes: 5,
        note: TEXT.adjustment,
        created_at: 3,
        created_by: 'u1',
        batch_id: 'b1',
        line_seq: 2,
      })
      .execute();
    const recording = (id: string) => ({
      id,
      started_at: received,
      width: 80,
      height: 24,
      header: '{"version":2}\n',
      ended_at: received,
      bytes: 40,
    });
    await db
      .insertInto('recordings')
      .values([recording('r1'), recording('r2')])
      .execute();
    await db
      .insertInto('recording_chunks')
      .values([
        { recording_id: 'r1', seq: 0, offset_ms: 0, data: `${JSON.stringify([0.1, 'o', TEXT.output])}\n` },
        {
          recording_id: 'r2',
          seq: 0,
          offset_ms: 0,
          data: `${JSON.stringify([0.1, 'o', TEXT.orphanOutput])}\n`,
        },
      ])
      .execute();
    await db
      .insertInto('sessions')
      .values({
        id: 's1',
        kind: 'local',
        title: 'Local: sh',
        ticket_id: 't1',
        environment_id: 'env',
        server_id: null,
        account_id: null,
        technician_id: 'u1',
        owner: 'gone',
        state: 'closed',
        opened_at: received,
        closed_at: received,
        end_code: null,
        end_message: null,
        end_details: null,
        override_reason: TEXT.reason,
        warnings: '[]',
        recording_id: 'r1',
        time_entry_id: null,
        cols: 80,
        rows: 24,
      })
      .execute();
  });
}

const inTheClear = (pages: Buffer) =>
  Object.values(TEXT).filter((text) => pages.includes(Buffer.from(text, 'utf8')));

test('migration 0012 seals the personal text of an existing store, and no plaintext survives in the file', async () => {
  const temp = await makeTempDataDir();
  cleanups.push(temp.cleanup);
  const file = join(temp.dir, 'lotsen.db');
  const key = randomBytes(32);
  await storeAt0011(file, key);
  // The builder is honest: before the migration every text is in the file.
  expect(inTheClear(await decryptedStorePages(file, key))).toEqual(Object.values(TEXT));

  const store = await openStore(file, key);
  cleanups.push(() => store.close());
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(store.db);
  expect(inTheClear(await decryptedStorePages(file, key))).toEqual([]);

  // Every reader opens what was sealed.
  expect(await getTicket(store.db, 't1')).toMatchObject({
    requesterName: TEXT.requester,
    subject: TEXT.subject,
    description: TEXT.description,
    externalRef: 'HD-77',
  });
  const entries = await listTimeEntries(store.db, { ticketId: 't1', limit: 10 });
  expect(entries.map((e) => e.note)).toEqual([TEXT.lockedNote, TEXT.note]);
  expect((await getSession(store.db, 's1'))?.overridden).toBe(true);
  const played = async (id: string) => {
    let text = '';
    for await (const piece of readRecording(store.db, id)) text += piece;
    return text;
  };
  expect(await played('r1')).toContain(TEXT.output);
  expect(await played('r2')).toContain(TEXT.orphanOutput);
  const adjustment = await store.db
    .selectFrom('billing_adjustments')
    .select('note')
    .executeTakeFirstOrThrow();
  expect(isSealed(adjustment.note)).toBe(true);

  // The locks are back as they were: a locked entry still refuses any change.
  await expect(
    store.db.updateTable('time_entries').set({ note: 'x' }).where('id', '=', 'e2').execute(),
  ).rejects.toThrow(/LOTSEN_LOCKED/);
  await expect(
    store.db.updateTable('billing_adjustments').set({ note: 'x' }).where('id', '=', 'a1').execute(),
  ).rejects.toThrow(/LOTSEN_LOCKED/);
});

/** Plaintext as a store at 0017 holds it: a contact's admin account (0015) and a session's eligibility warnings. */
const LATE = {
  adminAccount: 'adm-gunvor.brandt@tingsryd.se',
  requester: 'ragnvald.ekstrom@tingsryd.se',
};

/** A store at 0017: the columns of 0012 sealed as the code then wrote them, the two later ones in the clear. */
async function storeAt0017(file: string, key: Buffer): Promise<void> {
  await storeAt(file, key, '0017_retention', async (db) => {
    const stamp = { created_at: 1, created_by: 'u1', updated_at: 1, updated_by: 'u1' };
    await db
      .insertInto('users')
      .values({ id: 'u1', name: 'Tekla', email: 't@l.se', role: 'technician', is_local: 1, created_at: 1 })
      .execute();
    await db
      .insertInto('customers')
      .values({
        id: 'c1',
        name: 'Tingsryds kommun',
        org_number: '212000-0002',
        kind: 'school',
        notes: '',
        ...stamp,
      })
      .execute();
    const contact = await sealPersonalFields(db, contactOwner('k1'), {
      name: 'Gunvor Brandt',
      email: 'gunvor.brandt@tingsryd.se',
      phone: '',
      role: '',
    });
    await db
      .insertInto('contacts')
      .values({
        id: 'k1',
        customer_id: 'c1',
        ...contact,
        admin_account: LATE.adminAccount,
        is_primary: 1,
        admin_training_done: 1,
        tool_training_done: 1,
        ...stamp,
      })
      .execute();
    const received = Date.parse('2027-03-01T09:00:00+01:00');
    const ticket = await sealPersonalFields(db, ticketOwner('t1'), {
      requester_name: 'Ragnvald Ekström',
      requester_email: LATE.requester,
      subject: 'Konto låst',
      description: '',
      affected_users: '',
      school_and_class: '',
      problem_started: '',
      page_links: '',
      browser: '',
    });
    await db
      .insertInto('tickets')
      .values({
        id: 't1',
        customer_id: 'c1',
        external_ref: 'HD-9',
        external_url: '',
        ...ticket,
        service_id: null,
        environment_id: null,
        priority: 'normal',
        received_at: received,
        status: 'open',
        first_response_at: null,
        escalated_at: null,
        has_screenshot: 0,
        response_hours: null,
        standard_due_at: null,
        acute_due_at: null,
        due_at: null,
        purged_at: null,
        sent_back_at: null,
        sent_back_by: null,
        ...stamp,
      })
      .execute();
    const warnings = [
      {
        code: 'REQUESTER_NOT_CONTACT',
        message: `${LATE.requester} is not a named support contact; the vendor helps named contacts only.`,
      },
    ];
    await db
      .insertInto('sessions')
      .values({
        id: 's1',
        kind: 'local',
        title: 'Local: sh',
        ticket_id: 't1',
        environment_id: 'env',
        server_id: null,
        account_id: null,
        technician_id: 'u1',
        owner: 'gone',
        state: 'closed',
        opened_at: received,
        closed_at: received,
        end_code: null,
        end_message: null,
        end_details: null,
        override_reason: null,
        warnings: JSON.stringify(warnings),
        recording_id: null,
        time_entry_id: null,
        cols: 80,
        rows: 24,
      })
      .execute();
  });
}

test("migration 0019 seals contacts' admin accounts and sessions' warnings, and no plaintext survives in the file", async () => {
  const temp = await makeTempDataDir();
  cleanups.push(temp.cleanup);
  const file = join(temp.dir, 'lotsen.db');
  const key = randomBytes(32);
  await storeAt0017(file, key);
  const lateInTheClear = (pages: Buffer) =>
    Object.values(LATE).filter((text) => pages.includes(Buffer.from(text, 'utf8')));
  // The builder is honest: before the migration both texts are in the file.
  expect(lateInTheClear(await decryptedStorePages(file, key))).toEqual(Object.values(LATE));

  const store = await openStore(file, key);
  cleanups.push(() => store.close());
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(store.db);
  expect(lateInTheClear(await decryptedStorePages(file, key))).toEqual([]);

  // Sealed under their owners' keys, and every reader opens them.
  const contact = await store.db.selectFrom('contacts').select('admin_account').executeTakeFirstOrThrow();
  expect(isSealed(contact.admin_account)).toBe(true);
  expect((await getCustomerDetail(store.db, 'c1')).contacts).toEqual([
    expect.objectContaining({ name: 'Gunvor Brandt', adminAccount: LATE.adminAccount, isPrimary: true }),
  ]);
  expect((await getSession(store.db, 's1'))?.warnings).toEqual([
    expect.objectContaining({
      code: 'REQUESTER_NOT_CONTACT',
      message: expect.stringContaining(LATE.requester),
    }),
  ]);
  // The ticket's key seals its session's warnings: destroying it takes them too.
  await destroyDataKeys(store.db, [ticketOwner('t1')]);
  expect((await getSession(store.db, 's1'))?.warnings).toEqual([]);
});
