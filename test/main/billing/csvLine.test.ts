import { describe, expect, test } from 'vitest';
import { csvCells, csvLine } from '../../../main/billing/billingExport.ts';
import type { ExportRow } from '../../../main/billing/exportRows.ts';
import { csvRow, plainCsv, swedishExcelCsv } from '../../../common/csv/csv.ts';
import { bulkNotes } from '../../support/bulkTime.ts';
import { billingLineKinds } from '../../../common/billing/model.ts';

/*
 * The CSV export's row writer (csvLine) remembers each text cell it has quoted and guarded, and formats numbers
 * without a cell object (issue 17): its text must be exactly csvRow's for every row, in both dialects.
 */
const awkward = [
  ...bulkNotes,
  'Växjö kommun',
  '  =HYPERLINK("http://x")',
  '"@SUM(1)"',
  'a;b,c\td',
  'rad ett\r\nrad två\n=1+1',
  'Svar: "ja"; -nej',
  '\t-tab först',
  '0',
  '-',
];

function row(i: number, text: (j: number) => string): ExportRow {
  const kinds = billingLineKinds;
  return {
    customer: text(i),
    orgNumber: text(i + 1),
    agreement: text(i + 2),
    batch: text(i + 3),
    kind: kinds[i % kinds.length]!,
    ticketRef: text(i + 4),
    subject: text(i + 5),
    day: '2026-11-0' + (1 + (i % 9)),
    technician: text(i + 6),
    workType: text(i + 7),
    actualMinutes: (i * 7) % 95,
    billedMinutes: i % 5 === 0 ? -((i * 15) % 120) : (i * 15) % 120,
    rateOre: [0, 120_000, 95_050, 110_001][i % 4]!,
    amountOre: i % 3 === 0 ? -(i * 12_345) : i * 9_999,
    note: text(i + 8),
  };
}

describe.each([
  ['plain', plainCsv],
  ['Swedish Excel', swedishExcelCsv],
] as const)('csvLine, %s dialect', (_name, dialect) => {
  test('writes every row exactly as csvRow does: quoting, formula guards, signs and decimals', () => {
    const line = csvLine(dialect);
    for (let i = 0; i < 400; i++) {
      const r = row(i, (j) => awkward[j % awkward.length]!);
      // Twice: the second time from the remembered cells.
      expect(line(r)).toBe(csvRow(csvCells(r), dialect));
      expect(line(r)).toBe(csvRow(csvCells(r), dialect));
    }
  });

  test('stays exact past the number of cells it keeps (every text new)', () => {
    const line = csvLine(dialect);
    for (let i = 0; i < 3_000; i++) {
      const r = row(i, (j) => `${awkward[j % awkward.length]} ${i}-${j}`);
      expect(line(r)).toBe(csvRow(csvCells(r), dialect));
    }
  });
});
