import type { Writable } from 'node:stream';
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
import { ZipStream, type ZipEntryWriter } from './zipStream.ts';

/*
 * The XLSX export: the sheets' XML written straight into a streamed zip (zipStream.ts), a page of rows at a time, so
 * memory stays flat and the time goes to the text and its compression (issue 17: exceljs's streaming writer, building
 * an object per row and cell, took 4.7-8.8x the raw baseline). The workbook is the one exceljs wrote before, part for
 * part (its styles, its cell types, its `t="str"` text cells), so exceljs, LibreOffice and Excel read it as they did;
 * exceljs's theme part is left out (the default font names its colour directly).
 * - The same workbook twice gives the same bytes: the document's dates and every zip entry's are the given date (the
 *   batch's approval), never the time of export.
 * - Text that looks like a formula stays exactly as it is, in a text cell, with Excel's quotePrefix style, so editing
 *   the cell in Excel or LibreOffice keeps it text.
 */

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The <cellXfs> of styles.xml, by index: a cell's `s`. */
const STYLE = {
  plain: 0,
  date: 1,
  integer: 2,
  decimal: 3,
  bold: 4, // bold + a column's format is bold + its index (4 to 7)
  quotePrefix: 8,
} as const;
type ColumnFormat = 'date' | 'integer' | 'decimal' | null;
const formatStyle = (format: ColumnFormat) => (format === null ? STYLE.plain : STYLE[format]);

const STYLES_XML =
  XML_HEAD +
  `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>` +
  '<fonts count="2"><font><sz val="11"/><color rgb="FF000000"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><color rgb="FF000000"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="9">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>' +
  '<xf numFmtId="1" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>' +
  '<xf numFmtId="2" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>' +
  '<xf quotePrefix="1" numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/>' +
  '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>';

const SHEETS = ['Summary', 'Detail'] as const;

const CONTENT_TYPES_XML =
  XML_HEAD +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  SHEETS.map(
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('') +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
  '</Types>';

const ROOT_RELS_XML =
  XML_HEAD +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  `<Relationship Id="rId3" Type="${RELS}/extended-properties" Target="docProps/app.xml"/>` +
  '</Relationships>';

const APP_XML =
  XML_HEAD +
  '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
  'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Lotsen</Application>' +
  '<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size="2" baseType="variant">' +
  `<vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${SHEETS.length}</vt:i4></vt:variant>` +
  `</vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="${SHEETS.length}" baseType="lpstr">` +
  SHEETS.map((name) => `<vt:lpstr>${name}</vt:lpstr>`).join('') +
  '</vt:vector></TitlesOfParts><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>' +
  '<HyperlinksChanged>false</HyperlinksChanged></Properties>';

const WORKBOOK_XML =
  XML_HEAD +
  `<workbook xmlns="${MAIN}" xmlns:r="${RELS}"><sheets>` +
  SHEETS.map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 2}"/>`).join('') +
  '</sheets></workbook>';

const WORKBOOK_RELS_XML =
  XML_HEAD +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rId1" Type="${RELS}/styles" Target="styles.xml"/>` +
  SHEETS.map(
    (_, i) =>
      `<Relationship Id="rId${i + 2}" Type="${RELS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join('') +
  '</Relationships>';

function coreXml(date: Date): string {
  const when = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    XML_HEAD +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Lotsen</dc:creator>' +
    '<cp:lastModifiedBy>Lotsen</cp:lastModifiedBy>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`
  );
}

/** A sheet's columns: header, width, number format. */
interface Column {
  header: string;
  width: number;
  format: ColumnFormat;
}

function sheetHead(columns: readonly Column[]): string {
  const cols = columns
    .map((c, i) => {
      const style = formatStyle(c.format);
      return `<col min="${i + 1}" max="${i + 1}" width="${c.width}"${style ? ` style="${style}"` : ''} customWidth="1"/>`;
    })
    .join('');
  return (
    XML_HEAD +
    `<worksheet xmlns="${MAIN}" xmlns:r="${RELS}"><sheetViews><sheetView workbookViewId="0">` +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>' +
    `</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`
  );
}

const SHEET_TAIL =
  '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Detail rows handed to the zip at a time: some 50 KiB of XML (see ZipEntryWriter). */
const ROWS_A_PIECE = 50;

/**
 * Writes one row's cells: text as a text cell (`t="str"`, as exceljs wrote them), numbers as numbers, days as Excel
 * day numbers in the column's date format. `bold` is the header's and the total's style.
 */
type Cell = string | number | { day: string };

function rowXml(r: number, cells: readonly Cell[], columns: readonly Column[], bold = false): string {
  let xml = bold ? `<row r="${r}" s="${STYLE.bold}" customFormat="1">` : `<row r="${r}">`;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    const ref = LETTERS[i]! + r;
    const columnStyle = formatStyle(columns[i]!.format);
    if (typeof cell === 'string') {
      const style = bold
        ? STYLE.bold + columnStyle
        : looksLikeFormula(cell)
          ? STYLE.quotePrefix
          : columnStyle;
      xml += `<c r="${ref}"${style ? ` s="${style}"` : ''} t="str"><v>${xmlText(cell)}</v></c>`;
    } else {
      const style = bold ? STYLE.bold + columnStyle : columnStyle;
      const value = typeof cell === 'number' ? cell : excelDay(cell.day);
      xml += `<c r="${ref}"${style ? ` s="${style}"` : ''}><v>${value}</v></c>`;
    }
  }
  return xml + '</row>';
}

/** A day (YYYY-MM-DD) as Excel's serial day number (1900 date system), as exceljs wrote a UTC midnight Date. */
function excelDay(day: string): number {
  let serial = excelDays.get(day);
  if (serial === undefined) {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    serial = 25569 + Date.UTC(y, m - 1, d) / 86_400_000;
    if (excelDays.size > 10_000) excelDays.clear();
    excelDays.set(day, serial);
  }
  return serial;
}
const excelDays = new Map<string, number>();

// The control characters are what XML 1.0 cannot hold (tab, line feed and carriage return it can).
// eslint-disable-next-line no-control-regex
const ESCAPED = /[<>&'"\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;
const ESCAPES: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  "'": '&apos;',
  '"': '&quot;',
};

/** Text for XML: the five entities escaped, and the control characters XML 1.0 cannot hold left out (as exceljs does). */
function xmlText(text: string): string {
  ESCAPED.lastIndex = 0;
  if (!ESCAPED.test(text)) return text;
  return text.replace(ESCAPED, (c) => ESCAPES[c] ?? '');
}

const summarySheet: Column[] = summaryColumns.map((header, i) => ({
  header,
  width: [32, 18, 10, 22, 12, 22, 8, 14, 14, 12, 14][i]!,
  format: (
    [null, null, null, null, 'date', null, 'integer', 'integer', 'integer', 'decimal', 'decimal'] as const
  )[i]!,
}));

const detailSheet: Column[] = exportColumns.map((header, i) => ({
  header,
  width: [32, 18, 14, 22, 20, 14, 36, 12, 22, 36, 14, 14, 12, 12, 14, 48][i]!,
  format: (
    [
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      'date',
      null,
      null,
      'integer',
      'integer',
      'decimal',
      'decimal',
      'decimal',
      null,
    ] as const
  )[i]!,
}));

export async function openXlsxWriter(sink: Writable, fixedDate: Date): Promise<RowWriter> {
  const zip = new ZipStream(sink, fixedDate);
  let detail: ZipEntryWriter | null = null;
  let next = 2;

  return {
    async begin(summaries: readonly SummaryRow[]) {
      await zip.addFile('[Content_Types].xml', CONTENT_TYPES_XML);
      await zip.addFile('_rels/.rels', ROOT_RELS_XML);
      await zip.addFile('docProps/app.xml', APP_XML);
      await zip.addFile('docProps/core.xml', coreXml(fixedDate));
      await zip.addFile('xl/workbook.xml', WORKBOOK_XML);
      await zip.addFile('xl/_rels/workbook.xml.rels', WORKBOOK_RELS_XML);
      await zip.addFile('xl/styles.xml', STYLES_XML);

      const totals = { lines: 0, actual: 0, billed: 0, amount: 0 };
      let xml =
        sheetHead(summarySheet) +
        rowXml(
          1,
          summarySheet.map((c) => c.header),
          summarySheet,
          true,
        );
      let r = 2;
      for (const s of summaries) {
        totals.lines += s.lines;
        totals.actual += s.actualMinutes;
        totals.billed += s.billedMinutes;
        totals.amount += s.amountOre;
        xml += rowXml(
          r++,
          [
            s.customer,
            s.orgNumber,
            s.month,
            s.batch,
            s.approvedAt === null ? '' : { day: formatInstant(s.approvedAt).slice(0, 10) },
            s.approvedBy,
            s.lines,
            s.actualMinutes,
            s.billedMinutes,
            s.billedMinutes / 60,
            s.amountOre / 100,
          ],
          summarySheet,
        );
      }
      xml += rowXml(
        r,
        [
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
        ],
        summarySheet,
        true,
      );
      await zip.addFile('xl/worksheets/sheet1.xml', xml + SHEET_TAIL);

      detail = await zip.openEntry('xl/worksheets/sheet2.xml');
      detail.push(
        sheetHead(detailSheet) +
          rowXml(
            1,
            detailSheet.map((c) => c.header),
            detailSheet,
            true,
          ),
      );
    },
    async writeRows(rows: readonly ExportRow[]) {
      let xml = '';
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        if (i % ROWS_A_PIECE === 0 && xml !== '') {
          detail!.push(xml);
          xml = '';
        }
        xml += rowXml(
          next++,
          [
            row.customer,
            row.orgNumber,
            row.agreement,
            row.batch,
            billingLineKindLabels[row.kind],
            row.ticketRef,
            row.subject,
            { day: row.day },
            row.technician,
            row.workType,
            row.actualMinutes,
            row.billedMinutes,
            row.billedMinutes / 60,
            row.rateOre / 100,
            row.amountOre / 100,
            row.note,
          ],
          detailSheet,
        );
      }
      detail!.push(xml);
      await detail!.drained();
    },
    async finish() {
      detail!.push(SHEET_TAIL);
      await detail!.close();
      await zip.finish();
    },
  };
}
