import { describe, expect, test } from 'vitest';
import { csvNumber, csvRow, plainCsv, swedishExcelCsv } from '../../../common/csv/csv.ts';

describe('CSV rows', () => {
  test('RFC 4180: CRLF, quotes doubled, quoted only when needed', () => {
    expect(csvRow(['Växjö kommun', 'säger "hej"', 'a,b', 'två\nrader'])).toBe(
      'Växjö kommun,"säger ""hej""","a,b","två\nrader"\r\n',
    );
  });

  test('Swedish Excel: semicolons and decimal commas; a comma in text needs no quotes there', () => {
    expect(csvRow(['Lunds kommun', csvNumber(1.5, 2), csvNumber(2400, 2), 'a,b'], swedishExcelCsv)).toBe(
      'Lunds kommun;1,50;2400,00;a,b\r\n',
    );
    expect(csvRow(['x;y'], swedishExcelCsv)).toBe('"x;y"\r\n');
    expect(csvRow([csvNumber(1.5, 2)], plainCsv)).toBe('1.50\r\n');
  });

  test.each(['=SUM(A1:A9)', '+46701234567', '-2+3', '@cmd', '\tx'])(
    'text starting like a formula (%j) is neutralised',
    (value) => {
      expect(csvRow([value]).startsWith(`'`) || csvRow([value]).startsWith(`"'`)).toBe(true);
    },
  );

  test('numbers are never neutralised: a negative adjustment stays a number', () => {
    expect(csvRow([csvNumber(-1.25, 2)], swedishExcelCsv)).toBe('-1,25\r\n');
  });
});
