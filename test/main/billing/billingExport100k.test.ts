import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { dataFiles } from '../../../main/app/dataDir.node.ts';
import { openEncryptedConnection } from '../../../main/store/database.node.ts';
import { loadDatabaseKey } from '../../../main/vault/databaseKey.node.ts';
import { keychain } from '../../../main/vault/keychain.node.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { prepareBillingCustomer } from '../../support/billingCustomer.ts';
import { bulkNotes, insertBulkTime, sealBulkNotes } from '../../support/bulkTime.ts';
import { parseCsv } from '../../support/csvParse.ts';
import { convertWithLibreOffice } from '../../support/libreOffice.ts';
import { runCli } from '../../support/runCli.ts';
import { openPassphraseBackend, TEST_PASSPHRASE } from '../../support/passphraseBackend.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

/*
 * LONG TEST (about 30 s on two cores): 100,000 time entries in one month for three customers, approved, then
 * exported as CSV and as XLSX. LibreOffice Calc converts the XLSX back to CSV; its detail rows must equal the CSV's
 * cell for cell, and both must add up to the stored batches.
 */

const ENTRIES = 100_000;
const at = (iso: string) => Date.parse(iso);
const cents = (text: string) => Math.round(Number(text) * 100);

describe(`finance export of ${ENTRIES.toLocaleString('en')} entries (long test)`, () => {
  let opened: Awaited<ReturnType<typeof openPassphraseBackend>>;
  let call: ReturnType<typeof apiCaller>;
  let out: Awaited<ReturnType<typeof makeTempDataDir>>;
  let now = at('2026-11-01T08:00:00+01:00');
  const batches: {
    customerName: string;
    lines: number;
    actualMinutes: number;
    billedMinutes: number;
    amountOre: number;
  }[] = [];
  let csvRows: string[][] = [];
  let xlsxPath = '';

  beforeAll(async () => {
    opened = await openPassphraseBackend({ now: () => now });
    call = apiCaller(createApi(opened.backend));
    out = await makeTempDataDir('lotsen-export-100k-');
    const customers = [
      await prepareBillingCustomer(call, { name: 'Växjö kommun', serial: 71, receivedAt: now }),
      await prepareBillingCustomer(call, { name: 'Skolkoncernen Åkesson AB', serial: 72, receivedAt: now }),
      await prepareBillingCustomer(call, {
        name: 'Örebro kommun',
        serial: 73,
        receivedAt: now,
        rounding: { incrementMinutes: 30, scope: 'ticket_day', minimumMinutes: 30 },
      }),
    ];
    const user = opened.backend.status().user!;
    const key = await loadDatabaseKey(opened.dataDir, {
      keyStore: 'passphrase',
      passphrase: TEST_PASSPHRASE,
      keychain,
    });
    const ticketIds = customers.flatMap((c) => [c.standardTicket.id, c.specialTicket.id]);
    const notes = await sealBulkNotes(opened.backend.registryContext().db, ticketIds);
    const raw = openEncryptedConnection(dataFiles.database(opened.dataDir), key);
    try {
      insertBulkTime(raw, {
        count: ENTRIES,
        ticketIds,
        notes,
        technicianId: user.id,
        from: at('2026-11-01T00:00:00+01:00'),
        spacingMs: Math.floor((30 * 86_400_000) / ENTRIES),
      });
    } finally {
      raw.close();
    }
    now = at('2026-12-01T09:00:00+01:00');
    for (const c of customers) {
      batches.push(await call.ok('billing.approveMonth', { month: '2026-11', customerId: c.customer.id }));
    }
  }, 120_000);
  afterAll(async () => {
    await opened?.cleanup();
    await out?.cleanup();
  });

  test('the CSV holds every line once and adds up to the stored batches', async () => {
    const result = await call.ok('billing.export', { month: '2026-11', format: 'csv' });
    const lines = batches.reduce((sum, b) => sum + b.lines, 0);
    expect(result.rows).toBe(lines);
    expect(lines).toBeGreaterThan(ENTRIES / 2); // Örebro's lines sum a ticket's day
    csvRows = parseCsv(Buffer.from(result.contentBase64, 'base64').toString('utf8')).slice(1);
    expect(csvRows).toHaveLength(lines);
    for (const batch of batches) {
      const mine = csvRows.filter((r) => r[0] === batch.customerName);
      expect(mine).toHaveLength(batch.lines);
      expect(mine.reduce((s, r) => s + Number(r[10]), 0)).toBe(batch.actualMinutes);
      expect(mine.reduce((s, r) => s + Number(r[11]), 0)).toBe(batch.billedMinutes);
      expect(mine.reduce((s, r) => s + cents(r[14]!), 0)).toBe(batch.amountOre);
    }
    const notes = new Set(csvRows.map((r) => r[15]));
    expect(notes.has('Bytte certifikat på WAP-servern (åäö ÅÄÖ)')).toBe(true);
    expect(notes.has("'=SUMMA(A1:A9)")).toBe(true);
    expect(notes.has("'-15 min: väntan på kunden")).toBe(true);
    expect([...notes].some((n) => n!.startsWith('='))).toBe(false);
  }, 60_000);

  test('the XLSX, read by LibreOffice, gives the same rows and totals as the CSV', async () => {
    const result = await call.ok('billing.export', { month: '2026-11', format: 'xlsx' });
    xlsxPath = join(out.dir, 'nov.xlsx');
    await writeFile(xlsxPath, Buffer.from(result.contentBase64, 'base64'));
    const converted = join(out.dir, 'libreoffice');
    await mkdir(converted);
    const files = await convertWithLibreOffice(xlsxPath, 'csv', converted);
    expect(files.map((f) => f.slice(converted.length + 1))).toEqual(['nov-Detail.csv', 'nov-Summary.csv']);
    const [detailFile, summaryFile] = files as [string, string];

    const detail = parseCsv(await readFile(detailFile, 'utf8'));
    expect(detail[0]![15]).toBe('Note');
    const rows = detail.slice(1);
    expect(rows).toHaveLength(csvRows.length);
    // Cell for cell: text (Swedish), dates, minutes, hours, rates and amounts as shown; a note that looks like a
    // formula is exactly itself in the XLSX (a text cell) and behind an apostrophe in the CSV.
    const asInXlsx = (csvRow: string[]) => [...csvRow.slice(0, 15), csvRow[15]!.replace(/^'/, '')];
    let differences = 0;
    for (let i = 0; i < rows.length; i++) {
      if (rows[i]!.join('\u0000') !== asInXlsx(csvRows[i]!).join('\u0000')) differences++;
    }
    expect(
      differences,
      `first difference: ${JSON.stringify(rows.find((r, i) => r.join() !== asInXlsx(csvRows[i]!).join()))}`,
    ).toBe(0);
    expect(rows.reduce((s, r) => s + cents(r[14]!), 0)).toBe(batches.reduce((s, b) => s + b.amountOre, 0));
    expect(new Set(rows.map((r) => r[15]))).toEqual(new Set(bulkNotes));

    const summary = parseCsv(await readFile(summaryFile, 'utf8'));
    expect(
      summary.slice(1).map((r) => [r[0], Number(r[6]), Number(r[7]), Number(r[8]), cents(r[10]!)]),
    ).toEqual([
      ...[...batches]
        .sort((a, b) => a.customerName.localeCompare(b.customerName, 'sv'))
        .map((b) => [b.customerName, b.lines, b.actualMinutes, b.billedMinutes, b.amountOre]),
      [
        'Total',
        csvRows.length,
        batches.reduce((s, b) => s + b.actualMinutes, 0),
        batches.reduce((s, b) => s + b.billedMinutes, 0),
        batches.reduce((s, b) => s + b.amountOre, 0),
      ],
    ]);
  }, 120_000);

  // Its progress lines come only after a second, which a quiet machine's export does not take: the reporter's timing is
  // test/main/cli/progressLines.test.ts's, on a clock the test moves.
  test('the CLI writes the same workbook byte for byte and says what it wrote on standard error', async () => {
    const out2 = join(out.dir, 'cli.xlsx');
    const run = await runCli(['time', 'export', '--month', '2026-11', '--format', 'xlsx', '--out', out2], {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LOTSEN_HOME: opened.dataDir,
      LOTSEN_PASSPHRASE: TEST_PASSPHRASE,
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/lotsen-no-bus',
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /^(Exporting: [\d,]+ of [\d,]+ rows\n)*Wrote 100,000 rows to .*\(approved batches\)/,
    );
    expect((await readFile(out2)).equals(await readFile(xlsxPath))).toBe(true);
  }, 60_000);
});
