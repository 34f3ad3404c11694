import { slug } from '../../../main/billing/billingExport.ts';
import { writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { dataFiles } from '../../../main/app/dataDir.node.ts';
import { exportMonthAudited } from '../../../main/billing/auditedExport.ts';
import { openEncryptedConnection } from '../../../main/store/database.node.ts';
import { readKeyFile } from '../../../main/vault/keyFile.node.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { prepareBillingCustomer } from '../../support/billingCustomer.ts';
import { parseCsv } from '../../support/csvParse.ts';
import { liveFormulaCells, readings } from '../../support/csvReadings.ts';
import { convertWithLibreOffice, fodsCells } from '../../support/libreOffice.ts';
import { openPassphraseBackend, TEST_PASSPHRASE, TEST_USER } from '../../support/passphraseBackend.ts';
import { testDataSource } from '../../support/postgres/testTeam.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';
import { readZipEntry } from '../../support/zipEntry.ts';

/*
 * The finance export through the real dispatcher (its bytes come back in the answer) and, as the CLI writes it,
 * to files on disk: read back by an independent CSV reader, by exceljs and by LibreOffice Calc.
 */

const teamRun = testDataSource() === 'team';
/** Who approves: finance, a second member on a team database; the one local user embedded. */
const FINANCE_NAME = teamRun ? 'Fia Finans' : TEST_USER.name;
const at = (iso: string) => Date.parse(iso);
// (A leading tab or carriage return cannot reach a note: notes are trimmed. The CSV unit tests cover those.)
// Each note, and how the CSV shows it: an apostrophe wherever a cell that looks like a formula could start when the
// file is read with either separator.
const formulaLike = [
  ['=1+1', "'=1+1"],
  ['+46 70 123 45 67', "'+46 70 123 45 67"],
  ['N;=1+1', "N;'=1+1"],
  ['N, @SUMMA(A1:A3)', "N,' @SUMMA(A1:A3)"],
  [
    '=HYPERLINK("https://example.invalid/?a=1,2";"klicka")',
    `'=HYPERLINK("https://example.invalid/?a=1,2";"klicka")`,
  ],
] as const;
const formulaNotes = formulaLike.map(([note]) => note);

/** The cells of a workbook's sheet whose style (an <xf> in styles.xml) has quotePrefix="1". */
async function quotePrefixedCells(xlsx: string, sheet: string): Promise<Set<string>> {
  const styles = await readZipEntry(xlsx, 'xl/styles.xml');
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1]!;
  const prefixed = [...cellXfs.matchAll(/<xf\b[^>]*>/g)].map((xf) => /quotePrefix="1"/.test(xf[0]));
  const cells = [...(await readZipEntry(xlsx, sheet)).matchAll(/<c r="([A-Z]+\d+)"(?: s="(\d+)")?/g)];
  return new Set(cells.filter(([, , style]) => prefixed[Number(style ?? 0)]).map(([, ref]) => ref!));
}

describe('billing export', () => {
  let opened: Awaited<ReturnType<typeof openPassphraseBackend>>;
  let financeMember: Awaited<ReturnType<typeof openPassphraseBackend>>;
  let call: ReturnType<typeof apiCaller>;
  /** Finance's caller: approving and exporting are theirs (on a team database a second member; else the same). */
  let finance: ReturnType<typeof apiCaller>;
  let out: Awaited<ReturnType<typeof makeTempDataDir>>;
  let now = at('2026-11-20T10:00:00+01:00');
  let fixture: Awaited<ReturnType<typeof prepareBillingCustomer>>;

  beforeEach(async () => {
    now = at('2026-11-20T10:00:00+01:00');
    opened = await openPassphraseBackend({ now: () => now });
    financeMember = await opened.joinAs('finance');
    call = apiCaller(createApi(opened.backend));
    finance = apiCaller(createApi(financeMember.backend));
    out = await makeTempDataDir('lotsen-export-');
    fixture = await prepareBillingCustomer(call, { receivedAt: at('2026-11-02T08:00:00+01:00') });
    // Notes a spreadsheet would run as formulas, and Swedish text.
    const notes = [...formulaNotes, 'Bytte certifikat på WAP-servern i Växjö (ÅÄÖ åäö)'];
    for (const [i, note] of notes.entries()) {
      const start = at('2026-11-05T08:00:00+01:00') + i * 3_600_000;
      const entry = await call.ok('time.addManual', {
        ticketId: fixture.standardTicket.id,
        startedAt: start,
        endedAt: start + (20 + i) * 60_000,
        note,
      });
      await call.ok('time.classify', {
        entryId: entry.id,
        rowVersion: entry.rowVersion,
        classification: i % 2 === 0 ? 'billable' : 'included',
        workType: i % 2 === 0 ? 'configuration_change' : null,
      });
    }
  });
  afterEach(async () => {
    vi.useRealTimers();
    await financeMember.cleanup();
    await opened.cleanup();
    await out.cleanup();
  });

  /** Exports over the API and saves the answer's bytes as `name`, as the browser does with a download. */
  const exportTo = async (name: string, input: { format: 'csv' | 'xlsx'; excelSv?: boolean }) => {
    const result = await finance.ok('billing.export', {
      month: '2026-11',
      format: input.format,
      excelSv: input.excelSv ?? false,
    });
    const path = join(out.dir, name);
    await writeFile(path, Buffer.from(result.contentBase64, 'base64'));
    return { ...result, path };
  };

  async function approve() {
    now = at('2026-12-02T09:00:00+01:00');
    return finance.ok('billing.approveMonth', { month: '2026-11', customerId: fixture.customer.id });
  }

  test('CSV: RFC 4180 with a BOM, the columns finance needs, Swedish text intact, formulas neutralised', async () => {
    const batch = await approve();
    const result = await exportTo('nov.csv', { format: 'csv' });
    expect(result).toMatchObject({
      fileName: 'lotsen-billing-2026-11.csv',
      rows: 6,
      preview: false,
      batchIds: [batch.id],
    });
    const bytes = await readFile(result.path);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.length).toBe(result.bytes);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')).toHaveLength(8); // header, six rows, and the empty string after the last CRLF
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([
      'Customer',
      'Organisation number',
      'Agreement',
      'Batch',
      'Line',
      'Ticket',
      'Subject',
      'Date',
      'Technician',
      'Work type',
      'Actual minutes',
      'Billed minutes',
      'Billed hours',
      'Rate (SEK/h)',
      'Amount (SEK)',
      'Note',
    ]);
    // 20 min of configuration change -> 30 min at 1 200 kr/h = 600 kr.
    expect(rows[0]).toEqual([
      'Växjö kommun',
      fixture.customer.orgNumber,
      'AVT-2026-01',
      '1',
      'Time',
      'HD-1001',
      'Inloggning via AD FS fungerar inte',
      '2026-11-05',
      'Tekla Tekniker',
      'Configuration change',
      '20',
      '30',
      '0.50',
      '1200.00',
      '600.00',
      "'=1+1",
    ]);
    expect(rows.map((r) => r[15])).toEqual([
      ...formulaLike.map(([, shown]) => shown),
      'Bytte certifikat på WAP-servern i Växjö (ÅÄÖ åäö)',
    ]);
    expect(rows[1]![9]).toBe('Included in the support fee');

    const sv = await exportTo('nov-sv.csv', { format: 'csv', excelSv: true });
    const svText = await readFile(sv.path, 'utf8');
    const svRows = parseCsv(svText, ';');
    expect(svRows[1]!.slice(10, 15)).toEqual(['20', '30', '0,50', '1200,00', '600,00']);
    // Either file read with either separator, or with no regard for quotes, holds no cell a spreadsheet would run.
    for (const reading of readings) {
      expect(liveFormulaCells(reading.read(text)), `plain, ${reading.name}`).toEqual([]);
      expect(liveFormulaCells(reading.read(svText)), `Swedish, ${reading.name}`).toEqual([]);
    }
    const audit = await call.ok('audit.list', { event: 'billing.exported' });
    expect(audit.map((e) => e.details)).toEqual([
      expect.objectContaining({ format: 'csv', excelSv: true, rows: 6, sha256: sv.sha256, batches: [1] }),
      expect.objectContaining({
        format: 'csv',
        excelSv: false,
        rows: 6,
        preview: false,
        sha256: result.sha256,
      }),
    ]);
  });

  test('XLSX: a summary sheet per customer and a detail sheet; text stays text in exceljs and LibreOffice', async () => {
    await approve();
    const result = await exportTo('nov.xlsx', { format: 'xlsx' });
    expect(result).toMatchObject({ fileName: 'lotsen-billing-2026-11.xlsx', rows: 6, preview: false });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(result.path);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Summary', 'Detail']);
    expect(workbook.created.getTime()).toBe(now);
    const summary = workbook.getWorksheet('Summary')!;
    // Three billable entries: 20, 22, 24 min -> 30 min each, 600 kr each.
    expect(summary.getRow(2).values).toEqual([
      undefined,
      'Växjö kommun',
      fixture.customer.orgNumber,
      '2026-11',
      '1',
      new Date('2026-12-02T00:00:00Z'),
      FINANCE_NAME,
      6,
      20 + 21 + 22 + 23 + 24 + 25,
      90,
      1.5,
      1800,
    ]);
    const detail = workbook.getWorksheet('Detail')!;
    const notes = [2, 3, 4, 5, 6, 7].map((r) => detail.getRow(r).getCell(16));
    for (const cell of notes) expect(cell.type).toBe(ExcelJS.ValueType.String);
    // Exactly as written, no apostrophe: a text cell is never a formula.
    expect(notes.map((c) => c.value)).toEqual([
      ...formulaNotes,
      'Bytte certifikat på WAP-servern i Växjö (ÅÄÖ åäö)',
    ]);
    detail.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    // exceljs reads no quotePrefix, so the workbook's XML is read: a note that starts like a formula has it (an edit in
    // Excel or LibreOffice keeps it text), the plain one does not.
    const quotePrefixed = await quotePrefixedCells(result.path, 'xl/worksheets/sheet2.xml');
    expect(['P2', 'P3', 'P4', 'P5', 'P6', 'P7'].filter((ref) => quotePrefixed.has(ref))).toEqual([
      'P2',
      'P3',
      'P6',
    ]);
    expect(detail.getRow(2).getCell(8).value).toEqual(new Date('2026-11-05T00:00:00Z'));
    expect(detail.getRow(2).getCell(15).value).toBe(600);

    // LibreOffice's own reading: every note is a string cell, no cell has a formula.
    const converted = join(out.dir, 'lo');
    await mkdir(converted);
    const [fods] = await convertWithLibreOffice(result.path, 'fods', converted);
    const cells = fodsCells(await readFile(fods!, 'utf8'));
    expect(cells.some((c) => c.formula !== null)).toBe(false);
    for (const note of formulaNotes) {
      const cell = cells.find((c) => c.text === note);
      expect(cell ?? `no cell reads ${note}`).toMatchObject({ valueType: 'string' });
    }
    expect(cells.find((c) => c.text.startsWith('Bytte certifikat'))?.text).toBe(
      'Bytte certifikat på WAP-servern i Växjö (ÅÄÖ åäö)',
    );
  }, 60_000);

  test('exporting an approved month again gives the same bytes, in both formats, whenever it is done', async () => {
    await approve();
    const first = {
      csv: await exportTo('a.csv', { format: 'csv' }),
      xlsx: await exportTo('a.xlsx', { format: 'xlsx' }),
    };
    // A day later by the wall clock (a zip entry's date would differ if it were the time of export).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(Date.now() + 86_400_000 + 3_000));
    now = at('2026-12-15T16:00:00+01:00');
    const second = {
      csv: await exportTo('b.csv', { format: 'csv' }),
      xlsx: await exportTo('b.xlsx', { format: 'xlsx' }),
    };
    vi.useRealTimers();
    for (const format of ['csv', 'xlsx'] as const) {
      const a = await readFile(first[format].path);
      const b = await readFile(second[format].path);
      expect(a.equals(b), `${format} bytes differ`).toBe(true);
      expect(second[format].sha256).toBe(first[format].sha256);
    }
    // And the CLI's way, a file written in main's process, holds the very same bytes.
    const written = await exportMonthAudited(
      financeMember.backend,
      { month: '2026-11', format: 'xlsx', excelSv: false },
      { kind: 'file', path: join(out.dir, 'cli.xlsx') },
      () => {},
    );
    expect((await readFile(written.path)).equals(await readFile(first.xlsx.path))).toBe(true);
  });

  test('renaming a customer after approval changes neither the order nor the bytes of a re-export', async () => {
    // Lunds kommun sorts before Växjö kommun; renamed Ödeshögs kommun it would sort after.
    const lund = await prepareBillingCustomer(call, {
      name: 'Lunds kommun',
      serial: 121,
      receivedAt: at('2026-11-02T08:00:00+01:00'),
    });
    const entry = await call.ok('time.addManual', {
      ticketId: lund.standardTicket.id,
      startedAt: at('2026-11-12T09:00:00+01:00'),
      endedAt: at('2026-11-12T09:40:00+01:00'),
    });
    await call.ok('time.classify', {
      entryId: entry.id,
      rowVersion: entry.rowVersion,
      classification: 'included',
    });
    await approve();
    await finance.ok('billing.approveMonth', { month: '2026-11', customerId: lund.customer.id });
    const before = {
      csv: await exportTo('before.csv', { format: 'csv' }),
      xlsx: await exportTo('before.xlsx', { format: 'xlsx' }),
    };
    const customersIn = async (path: string) => [
      ...new Set(
        parseCsv(await readFile(path, 'utf8'))
          .slice(1)
          .map((r) => r[0]),
      ),
    ];
    expect(await customersIn(before.csv.path)).toEqual(['Lunds kommun', 'Växjö kommun']);

    await call.ok('registry.updateCustomer', {
      id: lund.customer.id,
      rowVersion: lund.customer.rowVersion,
      customer: { name: 'Ödeshögs kommun', orgNumber: lund.customer.orgNumber, kind: 'municipality' },
    });
    for (const format of ['csv', 'xlsx'] as const) {
      const after = await exportTo(`after.${format}`, { format });
      const same = (await readFile(after.path)).equals(await readFile(before[format].path));
      expect(same, `${format} bytes differ`).toBe(true);
    }
    // The month's summary shows the approved names too, in the same order.
    const summary = await call.ok('billing.monthSummary', { month: '2026-11' });
    expect(summary.customers.map((c) => c.customerName)).toEqual(['Lunds kommun', 'Växjö kommun']);
  }, 60_000);

  test('an open month exports as a preview, marked as such; progress is reported as events', async () => {
    const progress: { done: number; total: number }[] = [];
    financeMember.backend.on('billing.exportProgress', (p) => {
      if (p.progressId === 'mine') progress.push({ done: p.done, total: p.total });
    });
    const result = await finance.ok('billing.export', {
      month: '2026-11',
      customerId: fixture.customer.id,
      format: 'csv',
      progressId: 'mine',
    });
    expect(result).toMatchObject({
      fileName: 'lotsen-billing-2026-11-vaxjo-kommun-preview.csv',
      preview: true,
      batchIds: [],
      rows: 6,
    });
    const rows = parseCsv(Buffer.from(result.contentBase64, 'base64').toString('utf8')).slice(1);
    expect(new Set(rows.map((r) => r[3]))).toEqual(new Set(['Preview (not approved)']));
    expect(progress[0]).toEqual({ done: 0, total: 6 });
    expect(progress.at(-1)).toEqual({ done: 6, total: 6 });
  });

  test.skipIf(teamRun)(
    "a preview whose month is approved by another process while it is written is refused, and not audited — embedded only: the other process writes the store's SQLite file itself",
    async () => {
      // Another Lotsen on the same store (the CLI beside the app) approves November between two pages of the export.
      const key = await readKeyFile(dataFiles.keyFile(opened.dataDir), TEST_PASSPHRASE);
      const other = openEncryptedConnection(dataFiles.database(opened.dataDir), key);
      let approvedElsewhere = false;
      try {
        const exporting = exportMonthAudited(
          opened.backend,
          { month: '2026-11', customerId: fixture.customer.id, format: 'csv', excelSv: false },
          { kind: 'download' },
          () => {
            if (approvedElsewhere) return;
            approvedElsewhere = true;
            other
              .prepare(
                `INSERT INTO billing_batches (id, number, customer_id, month, period_start, period_end, customer_name,
                 org_number, approved_at, approved_by, approved_by_name, sealed)
               SELECT 'elsewhere', 1, id, '2026-11', 0, 1, name, org_number, 0, ?, 'Fia Finans', 1
               FROM customers WHERE id = ?`,
              )
              .run(opened.backend.status().user!.id, fixture.customer.id);
          },
        );
        await expect(exporting).rejects.toMatchObject({
          code: 'CONFLICT',
          message:
            "Växjö kommun's month was approved while it was being exported; nothing was exported. Export it again " +
            'to get the approved batch.',
        });
      } finally {
        other.close();
      }
      expect(approvedElsewhere).toBe(true);
      expect(await call.ok('audit.list', { event: 'billing.exported' })).toEqual([]);
    },
  );

  test('a file that appears at the path while the export runs is kept, and the export is not audited', async () => {
    await approve();
    const target = join(out.dir, 'nov.csv');
    await expect(
      exportMonthAudited(
        financeMember.backend,
        { month: '2026-11', format: 'csv', excelSv: false },
        { kind: 'file', path: target },
        // Someone saves their own file there once the export has started.
        (done) => {
          if (done === 0) writeFileSync(target, 'finance’s own notes\n', { flag: 'wx' });
        },
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await readFile(target, 'utf8')).toBe('finance’s own notes\n');
    expect(await readdir(out.dir)).toEqual(['nov.csv']);
    expect(await call.ok('audit.list', { event: 'billing.exported' })).toEqual([]);
  });

  test('no API call can write a file: a destination is refused, and nothing is written', async () => {
    for (const destination of [{ kind: 'file', path: join(out.dir, 'nov.csv') }, { kind: 'download' }]) {
      const refused = await finance.fails('billing.export', { month: '2026-11', format: 'csv', destination });
      expect(refused.code).toBe('VALIDATION');
      expect(refused.details?.issues).toEqual([
        { path: '', message: expect.stringContaining('Unrecognized key: "destination"') },
      ]);
    }
    expect(await readdir(out.dir)).toEqual([]);
    expect(await call.ok('audit.list', { event: 'billing.exported' })).toEqual([]);
  });

  test('bad requests are refused by name: a bad month, Excel CSV as XLSX, an unknown customer', async () => {
    const month = await finance.fails('billing.export', { month: '2026-13', format: 'csv' });
    expect(month.details?.issues?.[0]?.path).toBe('month');
    const dialect = await finance.fails('billing.export', {
      month: '2026-11',
      format: 'xlsx',
      excelSv: true,
    });
    expect(dialect.details?.issues?.[0]?.message).toBe('The Swedish Excel dialect is for CSV only');
    const unknown = await finance.fails('billing.export', {
      month: '2026-11',
      customerId: '00000000-0000-4000-8000-000000000009',
      format: 'csv',
    });
    expect(unknown.code).toBe('NOT_FOUND');
    expect(await call.ok('audit.list', { event: 'billing.exported' })).toEqual([]);
  });

  test('a file export keeps an existing file unless told to replace it, and leaves no partial file', async () => {
    await approve();
    const request = { month: '2026-11', format: 'csv', excelSv: false } as const;
    const target = join(out.dir, 'nov.csv');
    const refusal = (work: Promise<unknown>) =>
      work.then(
        () => null,
        (error: unknown) => error,
      );
    await writeFile(target, 'finance’s own notes\n');
    expect(
      await refusal(
        exportMonthAudited(financeMember.backend, request, { kind: 'file', path: target }, () => {}),
      ),
    ).toMatchObject({
      code: 'CONFLICT',
      message: `${target} exists already; nothing was exported.`,
      details: { path: target, exists: true },
    });
    expect(await readFile(target, 'utf8')).toBe('finance’s own notes\n');
    expect(await readdir(out.dir)).toEqual(['nov.csv']);

    const replaced = await exportMonthAudited(
      financeMember.backend,
      request,
      { kind: 'file', path: target, replace: true },
      () => {},
    );
    const download = await finance.ok('billing.export', request);
    expect((await readFile(target)).equals(Buffer.from(download.contentBase64, 'base64'))).toBe(true);
    expect(replaced).toMatchObject({ path: target, rows: 6, sha256: download.sha256 });
    // Customer names, subjects and technicians: readable by the owner only, as a recording export is.
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    expect(await readdir(out.dir)).toEqual(['nov.csv']);

    const elsewhere = join(out.dir, 'nope', 'nov.csv');
    expect(
      await refusal(
        exportMonthAudited(financeMember.backend, request, { kind: 'file', path: elsewhere }, () => {}),
      ),
    ).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('does not exist') });
    const audit = await call.ok('audit.list', { event: 'billing.exported' });
    expect(audit.map((e) => e.details.to)).toEqual(['download', target]);
  });
});

describe("a customer's part of an export's file name", () => {
  test('ends after a whole word when the name is long, and folds Swedish letters', () => {
    const name =
      'Östersunds kommun – Barn- och utbildningsförvaltningen, grundskola och gymnasium (IT-enheten)';
    expect(slug(name)).toBe('ostersunds-kommun-barn-och-utbildningsforvaltningen');
    expect(slug('Växjö kommun')).toBe('vaxjo-kommun');
    expect(slug('Å'.repeat(80))).toBe('a'.repeat(60));
    expect(slug('–')).toBe('customer');
  });
});
