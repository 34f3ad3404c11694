/**
 * CSV as RFC 4180 says (CRLF, quotes doubled, quoted when needed), in two dialects: plain (comma, decimal point)
 * and Swedish Excel (semicolon, decimal comma), which is what Excel expects on a Swedish Windows.
 *
 * Either file may be opened with either separator (a Swedish Excel opens a plain CSV with semicolons), and then the
 * other dialect's quotes no longer guard anything: `x,"N;=1+1"` read with semicolons is the cells `x,"N` and
 * `=1+1"`. So, as OWASP's CSV-injection advice asks, both are written to be safe in every reading:
 * - a field holding either separator, a tab (LibreOffice offers it as a separator too), a quote or a line break is
 *   quoted, numbers included, so the file's own reading never splits it;
 * - wherever a cell could start in some reading (a text's start, and just after any separator, tab or line break
 *   inside it) and what follows looks like a formula, an apostrophe is put there, so that cell is text too.
 * Numbers are written from numbers (a sign, digits, a decimal separator), so another reading makes them text or
 * other numbers, never a formula.
 */
export interface CsvDialect {
  separator: ',' | ';';
  decimalSeparator: '.' | ',';
}

export const plainCsv: CsvDialect = { separator: ',', decimalSeparator: '.' };
export const swedishExcelCsv: CsvDialect = { separator: ';', decimalSeparator: ',' };

/** Excel reads UTF-8 only when the file starts with a byte-order mark. */
export const UTF8_BOM = '\uFEFF';

/** A number with a fixed count of decimals, written for the dialect (never neutralised: a negative amount stays a number). */
export interface CsvNumber {
  value: number;
  decimals: number;
}

export type CsvCell = string | CsvNumber;

export function csvNumber(value: number, decimals = 0): CsvNumber {
  return { value, decimals };
}

export function csvRow(cells: readonly CsvCell[], dialect: CsvDialect = plainCsv): string {
  return (
    cells
      .map((cell) => (typeof cell === 'string' ? textCell(cell) : numberCell(cell, dialect)))
      .join(dialect.separator) + '\r\n'
  );
}

/**
 * Whether a spreadsheet could take this text for a formula: it starts with one of OWASP's characters (=, +, -, @,
 * a tab or a carriage return; a line feed or NUL as well), also after leading whitespace or quotes, since a reader
 * may trim spaces (LibreOffice's "Trim spaces") or drop quotes before it looks.
 */
export function looksLikeFormula(value: string): boolean {
  return /^[\s"]*[=+\-@]|^[\t\r\n\0]/.test(value);
}

/** Where a cell starts in some reading (the text's start, or just after a separator or line break) and a formula could follow. */
const formulaCellStart = /(?<=^|[,;\t\r\n])(?=[\s"]*[=+\-@])/g;

/** A separator or line break inside a text: where another cell could start in some reading. */
const innerCellStart = /[,;\t\r\n]/;

/** The text with an apostrophe wherever a cell that looks like a formula could start, in any reading. */
function neutralizeFormulas(value: string): string {
  // Most cells have no inner cell start and do not look like a formula: they are left as they are without the
  // look-behind replace, a third of a 1,000,000-line export's formatting time (issue 17).
  if (!innerCellStart.test(value) && !looksLikeFormula(value)) return value;
  const guarded = value.replace(formulaCellStart, "'");
  return looksLikeFormula(guarded) ? `'${guarded}` : guarded;
}

/** Characters that end a field in some reading: both separators, tab, the quote and line breaks. */
const needsQuotes = /[,;\t"\r\n]/;

function quoted(text: string): string {
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function textCell(value: string): string {
  return quoted(neutralizeFormulas(value));
}

/** Digits, a sign and a decimal separator: quoted when the separator is a comma, never neutralised. */
function numberCell(cell: CsvNumber, dialect: CsvDialect): string {
  const text = cell.value.toFixed(cell.decimals);
  return quoted(dialect.decimalSeparator === ',' ? text.replace('.', ',') : text);
}
