/**
 * CSV as RFC 4180 says (CRLF, quotes doubled, quoted when needed), in two dialects: plain (comma, decimal point)
 * and Swedish Excel (semicolon, decimal comma), which is what Excel expects on a Swedish Windows. Text cells that a
 * spreadsheet would run as a formula are neutralised with a leading apostrophe (OWASP's advice for CSV injection).
 */
export interface CsvDialect {
  separator: ',' | ';';
  decimalSeparator: '.' | ',';
}

export const plainCsv: CsvDialect = { separator: ',', decimalSeparator: '.' };
export const swedishExcelCsv: CsvDialect = { separator: ';', decimalSeparator: ',' };

/** Excel reads UTF-8 only when the file starts with a byte-order mark. */
export const UTF8_BOM = '\uFEFF';

/** A number with a fixed count of decimals, written for the dialect (never as a formula, never quoted needlessly). */
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
      .map((cell) => (typeof cell === 'string' ? textCell(cell, dialect) : numberCell(cell, dialect)))
      .join(dialect.separator) + '\r\n'
  );
}

/**
 * Text that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return) gets a
 * leading apostrophe, so it stays text; spreadsheet exports other than CSV use this too.
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function textCell(value: string, dialect: CsvDialect): string {
  const safe = neutralizeFormula(value);
  return safe.includes('"') || safe.includes(dialect.separator) || /[\r\n]/.test(safe)
    ? `"${safe.replace(/"/g, '""')}"`
    : safe;
}

function numberCell(cell: CsvNumber, dialect: CsvDialect): string {
  const text = cell.value.toFixed(cell.decimals);
  return dialect.decimalSeparator === ',' ? text.replace('.', ',') : text;
}
