import { workbookSheets } from '../../support/workbookSheets.ts';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { dataFiles } from '../../../main/app/dataDir.node.ts';
import { destroyDataKeys, PURGED_TEXT } from '../../../main/personalData/personalDataKeys.ts';
import { isSealed } from '../../../main/vault/sealedText.ts';
import { readKeyFile } from '../../../main/vault/keyFile.node.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { prepareBillingCustomer } from '../../support/billingCustomer.ts';
import { parseCsv } from '../../support/csvParse.ts';
import { decryptedPageList } from '../../support/decryptedStorePages.ts';
import { openPassphraseBackend, TEST_PASSPHRASE, TEST_USER } from '../../support/passphraseBackend.ts';
import { testDataSource } from '../../support/postgres/testTeam.ts';
import { ticketVersion } from '../../support/storedVersion.ts';

/*
 * Approved billing lines keep their ticket's subject, the technician and the note sealed under the ticket's data key
 * (crypto-shredding): exports open them, a purge (destroying the key) turns them into `gallrad`, and nothing else of
 * a line, a batch or an export changes.
 */

const teamRun = testDataSource() === 'team';
const at = (iso: string) => Date.parse(iso);
const PERSONAL_COLUMNS = ['Subject', 'Technician', 'Note'];
const NOTES = [
  'Ringde Åsa Öberg om inloggningen',
  'Bytte certifikat på WAP-servern',
  'Kalle Anka i klass 7B',
];

describe('sealed billing lines', () => {
  let now: number;
  let opened: Awaited<ReturnType<typeof openPassphraseBackend>>;
  let financeMember: Awaited<ReturnType<typeof openPassphraseBackend>>;
  let call: ReturnType<typeof apiCaller>;
  /** Finance's caller: approving and exporting are theirs (on a team database a second member; else the same). */
  let finance: ReturnType<typeof apiCaller>;
  let fixture: Awaited<ReturnType<typeof prepareBillingCustomer>>;

  beforeEach(async () => {
    now = at('2026-11-20T10:00:00+01:00');
    opened = await openPassphraseBackend({ now: () => now });
    financeMember = await opened.joinAs('finance');
    call = apiCaller(createApi(opened.backend));
    finance = apiCaller(createApi(financeMember.backend));
    fixture = await prepareBillingCustomer(call, { receivedAt: at('2026-11-02T08:00:00+01:00') });
    // Time on both tickets, billable and included, and an escalation fee on the standard one.
    for (const [i, note] of NOTES.entries()) {
      const start = at('2026-11-05T08:00:00+01:00') + i * 3_600_000;
      const entry = await call.ok('time.addManual', {
        ticketId: i === 2 ? fixture.specialTicket.id : fixture.standardTicket.id,
        startedAt: start,
        endedAt: start + (20 + 7 * i) * 60_000,
        note,
      });
      await call.ok('time.classify', {
        entryId: entry.id,
        rowVersion: entry.rowVersion,
        classification: i === 0 ? 'included' : 'billable',
        workType: i === 0 ? null : i === 1 ? 'configuration_change' : 'non_standard_access',
      });
    }
    await call.ok('tickets.escalate', { id: fixture.standardTicket.id, at: at('2026-11-05T15:00:00+01:00') });
  });
  afterEach(async () => {
    await financeMember.cleanup();
    await opened.cleanup();
  });

  const db = () => opened.backend.registryContext().db;
  async function approve() {
    now = at('2026-12-02T09:00:00+01:00');
    return finance.ok('billing.approveMonth', { month: '2026-11', customerId: fixture.customer.id });
  }
  const exportBytes = async (format: 'csv' | 'xlsx', excelSv = false) =>
    Buffer.from(
      (await finance.ok('billing.export', { month: '2026-11', format, excelSv })).contentBase64,
      'base64',
    );

  /** What approved lines would hold in the clear if they were not sealed. */
  const CLEAR = [
    'Inloggning via AD FS fungerar inte',
    'Synk från Skolnätet stannar',
    TEST_USER.name,
    ...NOTES,
  ];

  test('approved billing lines hold no personal text in the clear', async () => {
    await approve();
    const clear = CLEAR;
    const lines = await db().selectFrom('billing_lines').selectAll().execute();
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      for (const value of [line.ticket_subject, line.technician, line.note])
        expect(isSealed(value)).toBe(true);
      for (const text of clear) expect(JSON.stringify(line)).not.toContain(text);
    }
    // A ticket's subject is sealed once and the value shared by its lines (two of time, one fee), so it opens once.
    const standard = lines.filter((l) => l.ticket_id === fixture.standardTicket.id);
    expect(standard).toHaveLength(3);
    expect(new Set(standard.map((l) => l.ticket_subject)).size).toBe(1);
    expect(new Set(standard.map((l) => l.technician)).size).toBe(2); // the technician's, and the fee's none
  });

  test.skipIf(teamRun)(
    "nor do the store file's pages — embedded only: reads the SQLite file's decrypted pages",
    async () => {
      await approve();
      const clear = CLEAR;
      // Every page SQLite gives billing_lines, decrypted.
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db());
      const owned = await sql<{
        pageno: number;
      }>`SELECT pageno FROM dbstat WHERE name = 'billing_lines'`.execute(db());
      expect(owned.rows.length).toBeGreaterThan(0);
      const key = await readKeyFile(dataFiles.keyFile(opened.dataDir), TEST_PASSPHRASE);
      const pages = await decryptedPageList(dataFiles.database(opened.dataDir), key);
      // Tickets and time entries hold them sealed too, so no page of the file has them in the clear.
      expect(pages.some((page) => page.includes(Buffer.from(NOTES[0]!)))).toBe(false);
      for (const { pageno } of owned.rows) {
        for (const text of clear) expect(pages[pageno - 1]!.includes(Buffer.from(text))).toBe(false);
      }
    },
  );

  test('re-export of an approved month is byte-identical', async () => {
    await approve();
    const first = {
      csv: await exportBytes('csv'),
      sv: await exportBytes('csv', true),
      xlsx: await exportBytes('xlsx'),
    };
    // The export opens the sealed texts: the subject, technician and notes read as they were approved.
    const rows = parseCsv(first.csv.toString('utf8'));
    expect(rows.slice(1).map((r) => r[15])).toEqual([
      NOTES[0],
      NOTES[1],
      NOTES[2],
      'Acute escalation at 2026-11-05T15:00:00+01:00',
    ]);
    expect(rows[1]![6]).toBe('Inloggning via AD FS fungerar inte');
    expect(rows[1]![8]).toBe(TEST_USER.name);
    // The ticket changes after approval; the approved lines do not.
    await call.ok('tickets.save', {
      id: fixture.specialTicket.id,
      rowVersion: await ticketVersion(call, fixture.specialTicket.id),
      ticket: {
        customerId: fixture.customer.id,
        requesterName: 'Åsa Öberg',
        requesterEmail: 'asa.oberg@vaxjo.se',
        subject: 'Ett nytt ämne',
        externalRef: 'HD-1002',
        environmentId: fixture.special.id,
        receivedAt: at('2026-11-02T08:00:00+01:00'),
      },
    });
    const again = {
      csv: await exportBytes('csv'),
      sv: await exportBytes('csv', true),
      xlsx: await exportBytes('xlsx'),
    };
    expect(again.csv.equals(first.csv)).toBe(true);
    expect(again.sv.equals(first.sv)).toBe(true);
    expect(again.xlsx.equals(first.xlsx)).toBe(true);
  });

  test('after a purge the export differs only in personal columns and reconciles to the öre', async () => {
    const batch = await approve();
    const before = await exportBytes('csv');
    const beforeXlsx = await exportBytes('xlsx');
    const linesBefore = await db().selectFrom('billing_lines').selectAll().orderBy('seq').execute();

    expect(await destroyDataKeys(db(), [{ kind: 'ticket', id: fixture.standardTicket.id }])).toBe(1);

    // Not one byte of a line changed.
    expect(await db().selectFrom('billing_lines').selectAll().orderBy('seq').execute()).toEqual(linesBefore);
    const after = await exportBytes('csv');
    expect(after.equals(before)).toBe(false);
    const [header, ...oldRows] = parseCsv(before.toString('utf8'));
    const [newHeader, ...newRows] = parseCsv(after.toString('utf8'));
    expect(newHeader).toEqual(header);
    expect(newRows).toHaveLength(oldRows.length);
    const personal = PERSONAL_COLUMNS.map((name) => header!.indexOf(name));
    const ticket = header!.indexOf('Ticket');
    for (const [r, row] of newRows.entries()) {
      const old = oldRows[r]!;
      const purged = old[ticket] === 'HD-1001';
      for (const [c, cell] of row.entries()) {
        if (!personal.includes(c)) expect(cell, `${header![c]} of row ${r + 1}`).toBe(old[c]);
        else expect(cell, `${header![c]} of row ${r + 1}`).toBe(purged ? PURGED_TEXT : old[c]);
      }
    }
    // HD-1002's line is untouched; HD-1001 has an included line, a billable one and the fee.
    expect(newRows.filter((row) => row[personal[0]!] === PURGED_TEXT)).toHaveLength(3);
    const ore = (rows: string[][], column: string) =>
      rows.reduce((sum, row) => sum + Math.round(Number(row[header!.indexOf(column)]) * 100), 0);
    const minutes = (rows: string[][], column: string) =>
      rows.reduce((sum, row) => sum + Number(row[header!.indexOf(column)]), 0);
    expect(ore(newRows, 'Amount (SEK)')).toBe(batch.amountOre);
    expect(ore(oldRows, 'Amount (SEK)')).toBe(batch.amountOre);
    expect(minutes(newRows, 'Billed minutes')).toBe(batch.billedMinutes);
    expect(minutes(newRows, 'Actual minutes')).toBe(batch.actualMinutes);
    expect(batch.amountOre).toBe(60_000 + 112_500 + 250_000);

    // The workbook: the same summary, and the detail sheet differs only in the personal columns.
    const afterXlsx = await exportBytes('xlsx');
    const [oldSummary, oldDetail] = await workbookSheets(beforeXlsx);
    const [newSummary, newDetail] = await workbookSheets(afterXlsx);
    expect(newSummary).toEqual(oldSummary);
    const detailHeader = oldDetail!.find((row) => row.includes('Subject'))!;
    const detailPersonal = PERSONAL_COLUMNS.map((name) => detailHeader.indexOf(name));
    expect(newDetail).toHaveLength(oldDetail!.length);
    for (const [r, row] of newDetail!.entries()) {
      for (const [c, cell] of row.entries()) {
        if (!detailPersonal.includes(c)) expect(cell).toEqual(oldDetail![r]![c]);
        else expect([oldDetail![r]![c], PURGED_TEXT]).toContainEqual(cell);
      }
    }
  });
});
