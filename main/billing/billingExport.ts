import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { Transform, Writable } from 'node:stream';
import { sql } from 'kysely';
import type { BillableWorkType } from '../../common/agreements/model.ts';
import { keyedError, LotsenError } from '../../common/api/errors.ts';
import {
  billingLineKindLabels,
  workTypeLabel,
  type BillingLineKind,
  type ChargeClassification,
  type ExportFormat,
} from '../../common/billing/model.ts';
import {
  csvNumber,
  csvRow,
  plainCsv,
  swedishExcelCsv,
  UTF8_BOM,
  type CsvCell,
  type CsvDialect,
} from '../../common/csv/csv.ts';
import { assertExportTarget, stageBeside } from '../app/stagedFile.node.ts';
import { sqliteConnectionOf, type Db } from '../store/database.node.ts';
import { findBatch } from './billingBatches.ts';
import { billedCustomer, byShownName, customersInMonth } from './billingCustomers.ts';
import { monthLines, openLineTexts, type LineDraft } from './billingLines.ts';
import { billingPeriod } from './billingPeriod.ts';
import { exportColumns, type ExportRow, type RowWriter, type SummaryRow } from './exportRows.ts';
import { openXlsxWriter } from './xlsxWriter.ts';

/*
 * The finance export: every billing line of a month, per customer, as CSV (RFC 4180, UTF-8 with BOM, plain or
 * Swedish Excel) or XLSX (a summary sheet with a row per customer, and a detail sheet). An approved month is read
 * from its stored lines, so exporting it again gives the same bytes; an open month is a preview of what approval
 * would store now. Lines are read a page at a time and written with the destination's backpressure, so memory
 * stays flat however many lines there are.
 */

const LINE_PAGE_SIZE = 2_000;
/** The most opened texts an export keeps for its later pages (a page has at most 3 x LINE_PAGE_SIZE). */
const OPENED_TEXTS_KEPT = 20_000;
/** The most text cells the CSV writer keeps encoded (csvEncoder). */
const CSV_CELLS_KEPT = 20_000;
/** Downloads travel in the API answer; anything larger is written to a file by the CLI. */
export const MAX_DOWNLOAD_BYTES = 64 * 1024 * 1024;

export interface ExportRequest {
  month: string;
  customerId?: string;
  format: ExportFormat;
  excelSv: boolean;
}

/**
 * `download`: the bytes come back in memory, for the API (browser mode and the app save them as a download).
 * `file`: written in this process to an absolute path, which only the CLI asks for: no API call can name a file.
 * An existing file is kept unless `replace` says otherwise.
 */
export type ExportDestination = { kind: 'file'; path: string; replace?: boolean } | { kind: 'download' };

export interface ExportOutcome<D extends ExportDestination = ExportDestination> {
  fileName: string;
  format: ExportFormat;
  mediaType: string;
  rows: number;
  bytes: number;
  sha256: string;
  preview: boolean;
  batchIds: string[];
  batchNumbers: number[];
  /** The file written (`file`), or null. */
  path: D extends { kind: 'file' } ? string : null;
  /** The bytes (`download`), or null. */
  content: D extends { kind: 'download' } ? Buffer : null;
}

export const mediaTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const PREVIEW = 'Preview (not approved)';

type Part =
  | {
      kind: 'approved';
      customerId: string;
      batchId: string;
      batchNumber: number;
      approvedAt: number;
      approvedBy: string;
      customerName: string;
      orgNumber: string;
      lines: number;
      totals: { lines: number; actualMinutes: number; billedMinutes: number; amountOre: number };
    }
  | { kind: 'preview'; customerId: string; customerName: string; orgNumber: string; estimate: number };

/**
 * Writes the month to `destination`. `beforeCommit` sees the complete export before a file is put in place (the
 * audit log records it there): if it fails, nothing is placed and whatever was at the path stays.
 */
export async function exportMonth<D extends ExportDestination>(
  db: Db,
  request: ExportRequest,
  destination: D,
  onProgress: (done: number, total: number) => void = () => {},
  beforeCommit: (outcome: ExportOutcome<D>) => Promise<void> = async () => {},
): Promise<ExportOutcome<D>> {
  const period = billingPeriod(request.month);
  const single = request.customerId ? await billedCustomer(db, request.customerId) : null;
  const customers = (await customersInMonth(db, request.month)).filter(
    (c) => single === null || c.id === single.id,
  );

  const parts: Part[] = [];
  for (const c of customers) {
    const batch = await findBatch(db, c.id, request.month);
    if (batch) {
      parts.push({
        kind: 'approved',
        customerId: c.id,
        batchId: batch.id,
        batchNumber: batch.number,
        approvedAt: batch.approvedAt,
        approvedBy: batch.approvedBy,
        customerName: batch.customerName,
        orgNumber: batch.orgNumber,
        lines: batch.lines,
        totals: {
          lines: batch.lines,
          actualMinutes: batch.actualMinutes,
          billedMinutes: batch.billedMinutes,
          amountOre: batch.amountOre,
        },
      });
    } else {
      parts.push({
        kind: 'preview',
        customerId: c.id,
        customerName: c.name,
        orgNumber: c.org_number,
        estimate: await previewEstimate(db, request.month, c.id),
      });
    }
  }
  // An approved month's parts are ordered by what its batches stored, so a later rename cannot reorder a re-export.
  parts.sort(byShownName);
  const preview = parts.some((p) => p.kind === 'preview');
  const approved = parts.filter((p) => p.kind === 'approved');
  // Nothing in the file says when it was made: an approved month's workbook carries its approval time.
  const fixedDate = new Date(
    !preview && approved.length > 0 ? Math.max(...approved.map((p) => p.approvedAt)) : period.start,
  );
  const total = parts.reduce((sum, p) => sum + (p.kind === 'approved' ? p.lines : p.estimate), 0);
  const fileName =
    `lotsen-billing-${request.month}${single ? `-${slug(parts[0]?.customerName ?? single.name)}` : ''}` +
    `${preview ? '-preview' : ''}.${request.format}`;

  if (destination.kind === 'file') await assertExportTarget(destination.path, destination.replace ?? false);
  const output = openOutput(destination);
  let rows = 0;
  const pagesOf = (part: Part) =>
    part.kind === 'approved'
      ? approvedRows(db, part.batchId, part.customerName, part.orgNumber, String(part.batchNumber))
      : previewRows(db, request.month, part.customerId, part.customerName, part.orgNumber);
  try {
    // The workbook's summary sheet comes first in the file and is written before the detail streams through:
    // approved months from their batch, open ones from a first pass over their lines.
    const summaries: SummaryRow[] = [];
    if (request.format === 'xlsx') {
      for (const part of parts) summaries.push(await summarise(part, request.month, pagesOf));
    }
    const writer =
      request.format === 'csv'
        ? csvWriter(output.sink, request.excelSv)
        : await openXlsxWriter(output.sink, fixedDate);
    await writer.begin(summaries);
    onProgress(0, total);
    for (const part of parts) {
      for await (const page of pagesOf(part)) {
        await writer.writeRows(page);
        rows += page.length;
        onProgress(rows, Math.max(total, rows));
      }
    }
    await writer.finish();
    const done = await output.done();
    // A preview reads open entries page by page; if another window or the CLI approved the month meanwhile, the
    // later pages skipped what the batch took, so the file would be neither the preview nor the batch.
    for (const part of parts) {
      if (part.kind === 'preview' && (await findBatch(db, part.customerId, request.month))) {
        throw keyedError('CONFLICT', 'records.monthApprovedDuringExport', { customer: part.customerName });
      }
    }
    onProgress(rows, rows);
    const outcome: ExportOutcome<D> = {
      fileName,
      format: request.format,
      mediaType: mediaTypes[request.format],
      rows,
      bytes: done.bytes,
      sha256: done.sha256,
      preview,
      batchIds: approved.map((p) => p.batchId),
      batchNumbers: approved.map((p) => p.batchNumber),
      // openOutput gives a path for a file and bytes for a download.
      path: done.path as ExportOutcome<D>['path'],
      content: done.content as ExportOutcome<D>['content'],
    };
    // A long export gives someone time to put a file at the path: say so before the export is audited.
    await output.assertTargetFree();
    await beforeCommit(outcome);
    await output.commit();
    return outcome;
  } catch (error) {
    await output.abort();
    // A file system's refusal (a full disk, no permission) is said in words; anything else passes through.
    const { code, syscall } = error as NodeJS.ErrnoException;
    if (destination.kind === 'file' && syscall !== undefined && !(error instanceof LotsenError)) {
      throw new LotsenError('INTERNAL', `The export could not be written to ${destination.path} (${code}).`);
    }
    throw error;
  }
}

async function summarise(
  part: Part,
  month: string,
  pagesOf: (part: Part) => AsyncGenerator<ExportRow[]>,
): Promise<SummaryRow> {
  const summary: SummaryRow = {
    customer: part.customerName,
    orgNumber: part.orgNumber,
    month,
    batch: part.kind === 'approved' ? String(part.batchNumber) : PREVIEW,
    approvedAt: part.kind === 'approved' ? part.approvedAt : null,
    approvedBy: part.kind === 'approved' ? part.approvedBy : '',
    lines: 0,
    actualMinutes: 0,
    billedMinutes: 0,
    amountOre: 0,
  };
  if (part.kind === 'approved') {
    return { ...summary, ...part.totals };
  }
  for await (const page of pagesOf(part)) {
    for (const row of page) {
      summary.lines++;
      summary.actualMinutes += row.actualMinutes;
      summary.billedMinutes += row.billedMinutes;
      summary.amountOre += row.amountOre;
    }
  }
  return summary;
}

/** An upper bound of the rows a preview writes (lines per ticket and day can merge entries), for progress. */
async function previewEstimate(db: Db, month: string, customerId: string): Promise<number> {
  const period = billingPeriod(month);
  const [entries, adjustments, fees] = await Promise.all([
    db
      .selectFrom('time_entries as e')
      .innerJoin('tickets as t', 't.id', 'e.ticket_id')
      .select(sql<number>`count(*)`.as('n'))
      .where('t.customer_id', '=', customerId)
      .where('e.started_at', '>=', period.start)
      .where('e.started_at', '<', period.end)
      .where('e.ended_at', 'is not', null)
      .where('e.classification', '!=', 'unclassified')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('billing_adjustments')
      .select(sql<number>`count(*)`.as('n'))
      .where('customer_id', '=', customerId)
      .where('month', '=', month)
      .where('batch_id', 'is', null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('tickets')
      .select(sql<number>`count(*)`.as('n'))
      .where('customer_id', '=', customerId)
      .where('escalated_at', '>=', period.start)
      .where('escalated_at', '<', period.end)
      .executeTakeFirstOrThrow(),
  ]);
  return entries.n + adjustments.n + fees.n;
}

/** What an export reads of a stored billing line, in this order (subject, technician and note sealed). */
type StoredLine = [
  seq: number,
  kind: BillingLineKind,
  ticketRef: string,
  subject: string,
  day: string,
  technician: string,
  agreement: string,
  classification: ChargeClassification,
  workType: BillableWorkType | null,
  actualMinutes: number,
  billedMinutes: number,
  rateOre: number,
  amountOre: number,
  note: string,
];

/**
 * An approved batch's stored lines in order, a page at a time (keyset on the primary key). This is the export's
 * hot path (a million lines in a large month), so it reads arrays from one prepared statement: better-sqlite3 takes
 * longer to make a row object than to read the row. It may pass the query layer's connection lock because an
 * approved batch's lines are only ever written by the approval that sealed it, and its store triggers refuse their
 * update or removal. A team database reads them through the query layer (storedLinePages).
 */
/**
 * Reads one page of stored lines after `after`, as arrays. On the embedded store: one prepared statement in array
 * mode, passing the query layer's connection lock (safe for sealed lines, see approvedRows). On a team database the
 * query layer's own select, which PostgreSQL answers from the primary key just as fast.
 */
function storedLinePages(db: Db): (batchId: string, after: number) => Promise<StoredLine[]> {
  const connection = sqliteConnectionOf(db);
  if (connection) {
    const page = connection
      .prepare(
        `SELECT seq, kind, ticket_ref, ticket_subject, day, technician, agreement_ref, classification, work_type,
         actual_minutes, billed_minutes, rate_ore, amount_ore, note
       FROM billing_lines WHERE batch_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
      )
      .raw(true);
    return (batchId, after) => Promise.resolve(page.all(batchId, after, LINE_PAGE_SIZE) as StoredLine[]);
  }
  return async (batchId, after) => {
    const rows = await db
      .selectFrom('billing_lines')
      .select([
        'seq',
        'kind',
        'ticket_ref',
        'ticket_subject',
        'day',
        'technician',
        'agreement_ref',
        'classification',
        'work_type',
        'actual_minutes',
        'billed_minutes',
        'rate_ore',
        'amount_ore',
        'note',
      ])
      .where('batch_id', '=', batchId)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(LINE_PAGE_SIZE)
      .execute();
    return rows.map((r): StoredLine => [
      r.seq,
      r.kind as BillingLineKind,
      r.ticket_ref,
      r.ticket_subject,
      r.day,
      r.technician,
      r.agreement_ref,
      r.classification as ChargeClassification,
      r.work_type as BillableWorkType | null,
      r.actual_minutes,
      r.billed_minutes,
      r.rate_ore,
      r.amount_ore,
      r.note,
    ]);
  };
}

async function* approvedRows(
  db: Db,
  batchId: string,
  customer: string,
  orgNumber: string,
  batch: string,
): AsyncGenerator<ExportRow[]> {
  const linePage = storedLinePages(db);
  // Subject, technician and note are stored sealed under the ticket's data key; a purged ticket's read `gallrad`.
  // A month repeats the same few sealed values on every page (each ticket's subject, its notes, the technicians), so
  // what a page opened is kept for the next ones: a page opens only values not seen yet, and a value is
  // looked up once per line instead of deduplicated again per page (issue 17: 5-6% of the CSV export's profile).
  // Bounded, so memory stays flat however many distinct texts a month has.
  const opened = new Map<string, string>();
  const textsOf = async (lines: readonly StoredLine[]) => {
    const unseen = new Set<string>();
    // Each sealed column on its own: an array of the three per line was garbage on every line of the month.
    for (const l of lines) {
      if (!opened.has(l[3])) unseen.add(l[3]);
      if (!opened.has(l[5])) unseen.add(l[5]);
      if (!opened.has(l[13])) unseen.add(l[13]);
    }
    if (unseen.size === 0) return;
    if (opened.size + unseen.size > OPENED_TEXTS_KEPT) opened.clear();
    const values = [...unseen];
    const texts = await openLineTexts(db, values);
    values.forEach((value, i) => opened.set(value, texts[i]!));
  };
  let after = 0;
  for (;;) {
    const lines = await linePage(batchId, after);
    if (lines.length === 0) return;
    await textsOf(lines);
    yield lines.map((l) => ({
      customer,
      orgNumber,
      agreement: l[6],
      batch,
      kind: l[1],
      ticketRef: l[2],
      subject: opened.get(l[3])!,
      day: l[4],
      technician: opened.get(l[5])!,
      workType: workTypeLabel(l[1], l[7], l[8]),
      actualMinutes: l[9],
      billedMinutes: l[10],
      rateOre: l[11],
      amountOre: l[12],
      note: opened.get(l[13])!,
    }));
    if (lines.length < LINE_PAGE_SIZE) return;
    after = lines[lines.length - 1]![0];
  }
}

/** An open month's lines as approval would store them now. */
async function* previewRows(
  db: Db,
  month: string,
  customerId: string,
  customer: string,
  orgNumber: string,
): AsyncGenerator<ExportRow[]> {
  for await (const lines of monthLines(db, billingPeriod(month), customerId, new Map())) {
    // A day's lines come together; they leave in pages like an approved month's.
    for (let i = 0; i < lines.length; i += LINE_PAGE_SIZE) {
      yield lines.slice(i, i + LINE_PAGE_SIZE).map((line) => draftRow(line, customer, orgNumber));
    }
  }
}

function draftRow(line: LineDraft, customer: string, orgNumber: string): ExportRow {
  return {
    customer,
    orgNumber,
    agreement: line.agreementRef,
    batch: PREVIEW,
    kind: line.kind,
    ticketRef: line.ticketRef,
    subject: line.ticketSubject,
    day: line.day,
    technician: line.technician,
    workType: workTypeLabel(line.kind, line.classification, line.workType),
    actualMinutes: line.actualMinutes,
    billedMinutes: line.billedMinutes,
    rateOre: line.rateOre,
    amountOre: line.amountOre,
    note: line.note,
  };
}

/** Writes to a stream and waits for it to drain when its buffer is full. */
async function write(sink: Writable, chunk: string | Buffer): Promise<void> {
  if (!sink.write(chunk, 'utf8')) await once(sink, 'drain');
}

function csvWriter(sink: Writable, excelSv: boolean): RowWriter {
  const dialect = excelSv ? swedishExcelCsv : plainCsv;
  const encode = csvEncoder(dialect);
  return {
    async begin() {
      // A CSV is the detail table alone.
      await write(sink, UTF8_BOM + csvRow([...exportColumns], dialect));
    },
    async writeRows(rows) {
      await write(sink, encode(rows));
    },
    async finish() {
      sink.end();
    },
  };
}

/** Cells shorter than this are copied byte by byte: cheaper than a call into the buffer's copy for a few bytes. */
const SHORT_CELL_BYTES = 16;

/**
 * The CSV writer's encoder: rows to the bytes `csvRow(csvCells(row), dialect)` gives (a test holds them equal, see
 * csvLine), one buffer per page of rows, made faster for the export's hot path (issue 17: CSV within 1.1x of a raw
 * baseline). A month's texts repeat on every line (customer, agreement, subjects, technicians, notes, days,
 * labels), so each text cell is quoted, guarded against formulas and encoded as UTF-8 once and remembered
 * (bounded); a line's cells are copied into the page, numbers written as the ASCII they are. Joining strings and
 * encoding the page afterwards made some 30 pieces of garbage per line and flattened every page again.
 */
function csvEncoder(dialect: CsvDialect): (rows: readonly ExportRow[]) => Buffer {
  const cells = new Map<string, Buffer>();
  const separator = dialect.separator.charCodeAt(0);
  const comma = dialect.decimalSeparator === ',';
  let page = Buffer.allocUnsafe(0);
  let at = 0;
  const room = (bytes: number) => {
    if (at + bytes <= page.length) return;
    const larger = Buffer.allocUnsafe(Math.max(2 * page.length, at + bytes));
    page.copy(larger, 0, 0, at);
    page = larger;
  };
  const text = (value: string) => {
    let cell = cells.get(value);
    if (cell === undefined) {
      if (cells.size >= CSV_CELLS_KEPT) cells.clear();
      cell = Buffer.from(csvRow([value], dialect).slice(0, -2), 'utf8');
      cells.set(value, cell);
    }
    room(cell.length + 2);
    if (cell.length < SHORT_CELL_BYTES) {
      for (let i = 0; i < cell.length; i++) page[at++] = cell[i]!;
    } else {
      page.set(cell, at);
      at += cell.length;
    }
  };
  const ascii = (value: string) => {
    room(value.length + 2);
    for (let i = 0; i < value.length; i++) page[at++] = value.charCodeAt(i);
  };
  // As csvRow's number cell: digits, a sign and the dialect's decimal separator, quoted only when that is a comma.
  const number = (value: number, decimals: number) => {
    const fixed = value.toFixed(decimals);
    ascii(comma && fixed.includes('.') ? `"${fixed.replace('.', ',')}"` : fixed);
  };
  const next = () => {
    page[at++] = separator;
  };
  return (rows) => {
    // A fresh page each time: the last one may still wait in the stream. Sized by the last, so it rarely grows.
    page = Buffer.allocUnsafe(Math.max(at + (at >> 3), 4096));
    at = 0;
    for (const row of rows) {
      text(row.customer);
      next();
      text(row.orgNumber);
      next();
      text(row.agreement);
      next();
      text(row.batch);
      next();
      text(billingLineKindLabels[row.kind]);
      next();
      text(row.ticketRef);
      next();
      text(row.subject);
      next();
      text(row.day);
      next();
      text(row.technician);
      next();
      text(row.workType);
      next();
      number(row.actualMinutes, 0);
      next();
      number(row.billedMinutes, 0);
      next();
      number(row.billedMinutes / 60, 2);
      next();
      number(row.rateOre / 100, 2);
      next();
      number(row.amountOre / 100, 2);
      next();
      text(row.note);
      page[at++] = 13;
      page[at++] = 10;
    }
    return page.subarray(0, at);
  };
}

/** One row's text exactly as the CSV encoder writes it: what the test against csvRow reads. */
export function csvLine(dialect: CsvDialect): (row: ExportRow) => string {
  const encode = csvEncoder(dialect);
  return (row) => encode([row]).toString('utf8');
}

export function csvCells(row: ExportRow): CsvCell[] {
  return [
    row.customer,
    row.orgNumber,
    row.agreement,
    row.batch,
    billingLineKindLabels[row.kind],
    row.ticketRef,
    row.subject,
    row.day,
    row.technician,
    row.workType,
    csvNumber(row.actualMinutes),
    csvNumber(row.billedMinutes),
    csvNumber(row.billedMinutes / 60, 2),
    csvNumber(row.rateOre / 100, 2),
    csvNumber(row.amountOre / 100, 2),
    row.note,
  ];
}

interface Output {
  sink: Writable;
  /** Every byte is through: their count and hash, and where they will be. */
  done(): Promise<{ bytes: number; sha256: string; path: string | null; content: Buffer | null }>;
  /** Refuses a file that appeared at the target while the export ran (unless it may be replaced). */
  assertTargetFree(): Promise<void>;
  /** Puts a finished file in place. */
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/**
 * Where the bytes go, through a tap that counts and hashes them: a temporary file beside the target, put in its
 * place when complete (a failed export leaves nothing behind), or memory for a download, up to a limit.
 */
function openOutput(destination: ExportDestination): Output {
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  if (destination.kind === 'file') {
    const staged = stageBeside(destination.path, destination.replace ?? false);
    const piped = pipeline(tap, staged.stream);
    piped.catch(() => undefined);
    return {
      sink: tap,
      async done() {
        if (!tap.writableEnded) tap.end();
        await piped;
        return { bytes, sha256: hash.digest('hex'), path: destination.path, content: null };
      },
      assertTargetFree: staged.assertTargetFree,
      commit: staged.place,
      async abort() {
        tap.destroy();
        await piped.catch(() => undefined);
        await staged.discard();
      },
    };
  }
  const chunks: Buffer[] = [];
  const collector = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (bytes > MAX_DOWNLOAD_BYTES) {
        callback(
          keyedError('CONFLICT', 'records.exportTooLargeForDownload', {
            megabytes: MAX_DOWNLOAD_BYTES / 1024 / 1024,
          }),
        );
        return;
      }
      chunks.push(chunk);
      callback();
    },
  });
  const piped = pipeline(tap, collector);
  piped.catch(() => undefined);
  return {
    sink: tap,
    async done() {
      if (!tap.writableEnded) tap.end();
      await piped;
      return { bytes, sha256: hash.digest('hex'), path: null, content: Buffer.concat(chunks) };
    },
    assertTargetFree: async () => {},
    commit: async () => {},
    async abort() {
      tap.destroy();
      await piped.catch(() => undefined);
    },
  };
}

/** A file-name part from a customer's name: ASCII letters and digits, accents folded (Växjö -> vaxjo). */
/** The longest a customer's part of a file name gets, in characters. */
const SLUG_LENGTH = 60;

export function slug(name: string): string {
  const words = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (words.length <= SLUG_LENGTH) return words || 'customer';
  // Cut after a whole word ("…-grundskola", never "…-grundsko"), unless the first word alone is too long.
  const cut = words.slice(0, SLUG_LENGTH + 1).lastIndexOf('-');
  return cut > 0 ? words.slice(0, cut) : words.slice(0, SLUG_LENGTH);
}
