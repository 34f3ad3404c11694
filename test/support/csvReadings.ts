import { parseCsv } from './csvParse.ts';

/*
 * Ways a spreadsheet might read a CSV Lotsen wrote, for the formula-safety tests: with the file's own separator or
 * the other dialect's (or a tab, which LibreOffice offers too), honouring quotes as RFC 4180 says or ignoring them
 * altogether, as a reader does when a quote is not at the start of what it takes for a field.
 */

/** Text a hostile or careless user could put in a note, a name or a subject. */
export const hostileTexts = [
  '=1+1',
  'N;=1+1',
  'N,=1+1',
  '@SUM(1)',
  '+1',
  '-1+1',
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
  ' =1+1',
  '"=1+1"',
  'x\t=1+1',
  'N; ;"=1',
  'säger "hej", sedan\r\n=2+2',
  '=HYPERLINK("https://example.invalid/?a=1,2";"klicka")',
  "'=1+1",
  'Bytte certifikat på WAP-servern i Växjö (ÅÄÖ åäö)',
];

interface Reading {
  name: string;
  read(file: string): string[][];
}

const separators = [',', ';', '\t'] as const;

export const readings: Reading[] = separators.flatMap((separator) => [
  { name: `RFC 4180 with ${JSON.stringify(separator)}`, read: (file: string) => parseCsv(file, separator) },
  {
    name: `quote-blind with ${JSON.stringify(separator)}`,
    read: (file: string) => file.split(/\r\n|\r|\n/).map((line) => line.split(separator)),
  },
]);

/**
 * Cells a spreadsheet could run: starting with =, +, -, @ once leading whitespace and quotes are dropped (as a
 * reader that trims might), unless the cell is a plain number.
 */
export function liveFormulaCells(rows: string[][]): string[] {
  return rows.flat().filter((cell) => {
    const bare = cell.replace(/^[\s"]+|[\s"]+$/g, '');
    return /^[=+\-@]/.test(bare) && !/^[+-]?\d+([.,]\d+)?$/.test(bare);
  });
}
