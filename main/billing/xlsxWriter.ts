import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { billingLineKindLabels } from '../../common/billing/model.ts';
import { neutralizeFormula } from '../../common/csv/csv.ts';
import { formatInstant } from '../tickets/formatInstant.ts';
import {
  exportColumns,
  summaryColumns,
  type ExportRow,
  type RowWriter,
  type SummaryRow,
} from './exportRows.ts';

/*
 * The XLSX export with exceljs's streaming WorkbookWriter: rows are committed as they come and leave through the
 * zip as they are compressed. Two things exceljs does not do by itself are done here:
 * - the same workbook twice gives the same bytes: the document's created/modified dates and every zip entry's
 *   date are the given date (the batch's approval), never the time of export;
 * - backpressure: committed rows pile up in memory when they come faster than zlib compresses them, so after each
 *   page the writer waits until the sheet's stream has drained below a high-water mark.
 * Both reach into exceljs's internals (the zip's `append`, a sheet's `_stream`, its `pipes` and their
 * `_writableState`), which no release promises to keep: package.json pins exceljs to the exact version this was
 * written against. Move the pin only when the export tests (byte-identical re-exports, the 100,000-entry test) pass
 * on the new version.
 */

const HIGH_WATER_BYTES = 1024 * 1024;

interface ZipLike {
  append(source: unknown, data: { name: string; date?: Date }): unknown;
  lotsenDatesFixed?: boolean;
}

/** exceljs's WorkbookWriter with every zip entry dated `created` (it appends its first entries in its constructor). */
class FixedDateWorkbookWriter extends ExcelJS.stream.xlsx.WorkbookWriter {
  override addThemes(): Promise<void> {
    const self = this as unknown as { zip: ZipLike; created: Date };
    if (!self.zip.lotsenDatesFixed) {
      const append = self.zip.append.bind(self.zip);
      const date = self.created;
      self.zip.append = (source, data) => append(source, { ...data, date });
      self.zip.lotsenDatesFixed = true;
    }
    return super.addThemes();
  }
}

/** Internals of exceljs's sheet stream and of the stream archiver reads it through, for backpressure. */
interface SheetStreamInternals {
  _stream?: {
    buffers?: { length: number }[];
    pipes?: (NodeJS.EventEmitter & { _writableState?: { length?: number } })[];
  };
}

async function drained(sheet: ExcelJS.Worksheet, sink: Writable): Promise<void> {
  for (;;) {
    // The destination failed (a full disk): nothing will drain any more.
    if (sink.destroyed) throw sink.errored ?? new Error('The export destination closed early');
    const stream = (sheet as unknown as SheetStreamInternals)._stream;
    if (!stream) return;
    const target = stream.pipes?.[0];
    const backlog = target
      ? (target._writableState?.length ?? 0)
      : (stream.buffers ?? []).reduce((sum, b) => sum + b.length, 0);
    if (backlog <= HIGH_WATER_BYTES) return;
    if (target) await Promise.race([once(target, 'drain'), delay(50)]);
    else await delay(5);
  }
}

const dateCell = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
};

const text = (value: string) => neutralizeFormula(value);

export async function openXlsxWriter(sink: Writable, fixedDate: Date): Promise<RowWriter> {
  // exceljs reads the document dates from its options, though its types leave them out.
  const options = {
    stream: sink,
    useStyles: true,
    useSharedStrings: false,
    created: fixedDate,
    modified: fixedDate,
    creator: 'Lotsen',
    lastModifiedBy: 'Lotsen',
  };
  const workbook = new FixedDateWorkbookWriter(options);
  // exceljs opens each sheet's stream when the sheet is added, and the zip reads them in that order: the summary
  // (first tab) must be complete before the detail's rows can flow.
  const summary = workbook.addWorksheet('Summary', { views: [{ state: 'frozen', ySplit: 1 }] });
  const detail = workbook.addWorksheet('Detail', { views: [{ state: 'frozen', ySplit: 1 }] });
  summary.columns = summaryColumns.map((header, i) => ({
    header,
    width: [32, 18, 10, 22, 12, 22, 8, 14, 14, 12, 14][i],
    style: { numFmt: summaryFormats[i] ?? undefined },
  }));
  detail.columns = exportColumns.map((header, i) => ({
    header,
    width: [32, 18, 14, 22, 20, 14, 36, 12, 22, 36, 14, 14, 12, 12, 14, 48][i],
    style: { numFmt: detailFormats[i] ?? undefined },
  }));
  summary.getRow(1).font = { bold: true };
  detail.getRow(1).font = { bold: true };

  return {
    async begin(summaries: readonly SummaryRow[]) {
      summary.getRow(1).commit();
      const totals = { lines: 0, actual: 0, billed: 0, amount: 0 };
      for (const s of summaries) {
        totals.lines += s.lines;
        totals.actual += s.actualMinutes;
        totals.billed += s.billedMinutes;
        totals.amount += s.amountOre;
        summary
          .addRow([
            text(s.customer),
            text(s.orgNumber),
            s.month,
            text(s.batch),
            s.approvedAt === null ? '' : dateCell(formatInstant(s.approvedAt).slice(0, 10)),
            text(s.approvedBy),
            s.lines,
            s.actualMinutes,
            s.billedMinutes,
            s.billedMinutes / 60,
            s.amountOre / 100,
          ])
          .commit();
      }
      const total = summary.addRow([
        'Total',
        '',
        '',
        '',
        '',
        '',
        totals.lines,
        totals.actual,
        totals.billed,
        totals.billed / 60,
        totals.amount / 100,
      ]);
      total.font = { bold: true };
      total.commit();
      // Committed before any detail row: the zip takes the sheets' streams in order, one at a time.
      summary.commit();
      detail.getRow(1).commit();
    },
    async writeRows(rows: readonly ExportRow[]) {
      for (const row of rows) {
        detail
          .addRow([
            text(row.customer),
            text(row.orgNumber),
            text(row.agreement),
            text(row.batch),
            billingLineKindLabels[row.kind],
            text(row.ticketRef),
            text(row.subject),
            dateCell(row.day),
            text(row.technician),
            text(row.workType),
            row.actualMinutes,
            row.billedMinutes,
            row.billedMinutes / 60,
            row.rateOre / 100,
            row.amountOre / 100,
            text(row.note),
          ])
          .commit();
      }
      await drained(detail, sink);
    },
    async finish() {
      detail.commit();
      await workbook.commit();
    },
  };
}

const detailFormats: (string | null)[] = [
  null,
  null,
  null,
  null,
  null,
  null,
  null,
  'yyyy-mm-dd',
  null,
  null,
  '0',
  '0',
  '0.00',
  '0.00',
  '0.00',
  null,
];

const summaryFormats: (string | null)[] = [
  null,
  null,
  null,
  null,
  'yyyy-mm-dd',
  null,
  '0',
  '0',
  '0',
  '0.00',
  '0.00',
];
