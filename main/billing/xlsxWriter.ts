import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import type ExcelJS from 'exceljs';
import { billingLineKindLabels } from '../../common/billing/model.ts';
import { looksLikeFormula } from '../../common/csv/csv.ts';
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
 * zip as they are compressed. Three things exceljs does not do by itself are done here:
 * - the same workbook twice gives the same bytes: the document's created/modified dates and every zip entry's
 *   date are the given date (the batch's approval), never the time of export;
 * - backpressure: committed rows pile up in memory when they come faster than zlib compresses them, so after each
 *   page the writer waits until the sheet's stream has drained below a high-water mark;
 * - text that looks like a formula stays exactly as it is, in a string cell (exceljs never makes a formula of a
 *   string), with Excel's quotePrefix style, so editing the cell in Excel or LibreOffice keeps it text; exceljs has
 *   no such style, so it is added to its style registry here.
 * These reach into exceljs's internals (the zip's `append`, a sheet's `_stream`, its `pipes` and their
 * `_writableState`, the workbook's `styles`), which no release promises to keep: package.json pins exceljs to the
 * exact version this was written against. Move the pin only when the export tests (byte-identical re-exports, the
 * 100,000-entry test, quotePrefix) pass on the new version.
 */

const HIGH_WATER_BYTES = 1024 * 1024;

interface ZipLike {
  append(source: unknown, data: { name: string; date?: Date }): unknown;
  lotsenDatesFixed?: boolean;
}

/**
 * exceljs's WorkbookWriter with every zip entry dated `created` (it appends its first entries in its constructor).
 * exceljs takes about half a second to load, so it is loaded with the first XLSX export, not with the billing module
 * every `lotsen` command and backend start load.
 */
let fixedDateWriter: Promise<typeof ExcelJS.stream.xlsx.WorkbookWriter> | undefined;
function loadFixedDateWorkbookWriter(): Promise<typeof ExcelJS.stream.xlsx.WorkbookWriter> {
  return (fixedDateWriter ??= import('exceljs').then(
    ({ default: excel }) =>
      class FixedDateWorkbookWriter extends excel.stream.xlsx.WorkbookWriter {
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
      },
  ));
}

/** exceljs's style registry: each cell's style model becomes the index of an <xf> element kept as XML text. */
interface StyleRegistry {
  addStyleModel(model: QuotePrefixStyle | undefined, cellType?: number): number;
  index: { style: Record<string, number> };
  model: { styles: string[] };
}

type QuotePrefixStyle = Partial<ExcelJS.Style> & { quotePrefix?: boolean };

/** A style model with `quotePrefix` becomes a copy of the same <xf> with quotePrefix="1". */
function addQuotePrefixStyle(workbook: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const styles = (workbook as unknown as { styles: StyleRegistry }).styles;
  const addStyleModel = styles.addStyleModel.bind(styles);
  styles.addStyleModel = (model, cellType) => {
    const id = addStyleModel(model, cellType);
    if (!model?.quotePrefix) return id;
    const plain = styles.model.styles[id];
    if (!plain?.startsWith('<xf ')) throw new Error('exceljs registered a style this writer does not know');
    const xml = plain.replace('<xf ', '<xf quotePrefix="1" ');
    let prefixed = styles.index.style[xml];
    if (prefixed === undefined) {
      prefixed = styles.index.style[xml] = styles.model.styles.length;
      styles.model.styles.push(xml);
    }
    return prefixed;
  };
}

/** Marks the row's formula-like text cells with quotePrefix; their values stay as they are. */
function guardFormulaLikeText(row: ExcelJS.Row): ExcelJS.Row {
  row.eachCell((cell) => {
    if (typeof cell.value === 'string' && looksLikeFormula(cell.value)) {
      cell.style = { ...cell.style, quotePrefix: true } as QuotePrefixStyle;
    }
  });
  return row;
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
  const workbook = new (await loadFixedDateWorkbookWriter())(options);
  addQuotePrefixStyle(workbook);
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
        guardFormulaLikeText(
          summary.addRow([
            s.customer,
            s.orgNumber,
            s.month,
            s.batch,
            s.approvedAt === null ? '' : dateCell(formatInstant(s.approvedAt).slice(0, 10)),
            s.approvedBy,
            s.lines,
            s.actualMinutes,
            s.billedMinutes,
            s.billedMinutes / 60,
            s.amountOre / 100,
          ]),
        ).commit();
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
        guardFormulaLikeText(
          detail.addRow([
            row.customer,
            row.orgNumber,
            row.agreement,
            row.batch,
            billingLineKindLabels[row.kind],
            row.ticketRef,
            row.subject,
            dateCell(row.day),
            row.technician,
            row.workType,
            row.actualMinutes,
            row.billedMinutes,
            row.billedMinutes / 60,
            row.rateOre / 100,
            row.amountOre / 100,
            row.note,
          ]),
        ).commit();
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
