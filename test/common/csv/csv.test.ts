import { describe, expect, test } from 'vitest';
import { csvNumber, csvRow, plainCsv, swedishExcelCsv, type CsvCell } from '../../../common/csv/csv.ts';
import { parseCsv } from '../../support/csvParse.ts';
import { hostileTexts, liveFormulaCells, readings } from '../../support/csvReadings.ts';

describe('CSV rows', () => {
  test('RFC 4180: CRLF, quotes doubled, quoted when a field holds either separator, a tab, a quote or a line break', () => {
    expect(csvRow(['Växjö kommun', 'säger "hej"', 'a,b', 'a;b', 'a\tb', 'två\nrader'])).toBe(
      'Växjö kommun,"säger ""hej""","a,b","a;b","a\tb","två\nrader"\r\n',
    );
  });

  test('Swedish Excel: semicolons and decimal commas; a number with a decimal comma is quoted too', () => {
    expect(
      csvRow(['Lunds kommun', csvNumber(1.5, 2), csvNumber(2400, 2), csvNumber(30), 'a,b'], swedishExcelCsv),
    ).toBe('Lunds kommun;"1,50";"2400,00";30;"a,b"\r\n');
    expect(csvRow([csvNumber(1.5, 2)], plainCsv)).toBe('1.50\r\n');
  });

  test.each(['=SUM(A1:A9)', '+46701234567', '-2+3', '@cmd', '\tx', '\rx', ' =1+1', '"=1+1"'])(
    'text starting like a formula (%j) gets a leading apostrophe',
    (value) => {
      const [[cell]] = parseCsv(csvRow([value])) as [[string]];
      expect(cell).toBe(`'${value}`);
    },
  );

  test('a formula after a separator or line break inside the text gets an apostrophe where that cell would start', () => {
    expect(csvRow(['N;=1+1'])).toBe(`"N;'=1+1"\r\n`);
    expect(csvRow(['N,=1+1'], swedishExcelCsv)).toBe(`"N,'=1+1"\r\n`);
    expect(csvRow(['a, "@x"'])).toBe(`"a,' ""@x"""\r\n`);
    expect(csvRow(['rad\n+1'])).toBe(`"rad\n'+1"\r\n`);
    // Text without a formula is left as it was.
    expect(csvRow(['5 min, sedan 10 min; klart'])).toBe('"5 min, sedan 10 min; klart"\r\n');
  });

  test('numbers are never neutralised: a negative adjustment stays a number', () => {
    expect(csvRow([csvNumber(-1.25, 2)], swedishExcelCsv)).toBe('"-1,25"\r\n');
    expect(csvRow([csvNumber(-1.25, 2)], plainCsv)).toBe('-1.25\r\n');
  });
});

describe('both dialects, read with either separator or none of their quotes', () => {
  const numbers = [csvNumber(-1.25, 2), csvNumber(2400.5, 2), csvNumber(-30)];
  const rows: CsvCell[][] = hostileTexts.map((text) => ['Kund', text, ...numbers]);

  test.each([
    ['plain', plainCsv],
    ['Swedish Excel', swedishExcelCsv],
  ] as const)('%s CSV never yields a live formula', (_name, dialect) => {
    const file = rows.map((row) => csvRow(row, dialect)).join('');
    for (const reading of readings) {
      expect(liveFormulaCells(reading.read(file)), `${reading.name} reading`).toEqual([]);
    }
  });

  test.each([
    ['plain', plainCsv, ',', ['-1.25', '2400.50', '-30']],
    ['Swedish Excel', swedishExcelCsv, ';', ['-1,25', '2400,50', '-30']],
  ] as const)(
    '%s CSV read as written gives the text back and the numbers whole',
    (_name, dialect, separator, shown) => {
      const parsed = parseCsv(rows.map((row) => csvRow(row, dialect)).join(''), separator);
      expect(parsed.map((row) => row.slice(2))).toEqual(rows.map(() => shown));
      // The text is the same in both dialects, whatever apostrophes it needed.
      expect(parsed.map((row) => row[1]!.replaceAll("'", ''))).toEqual(
        hostileTexts.map((text) => text.replaceAll("'", '')),
      );
    },
  );
});
