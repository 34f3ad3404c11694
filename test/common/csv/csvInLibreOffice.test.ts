import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  csvNumber,
  csvRow,
  plainCsv,
  swedishExcelCsv,
  UTF8_BOM,
  type CsvCell,
  type CsvDialect,
} from '../../../common/csv/csv.ts';
import { hostileTexts } from '../../support/csvReadings.ts';
import { convertWithLibreOffice, fodsCells, type CsvReading } from '../../support/libreOffice.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

/*
 * Both dialects opened in LibreOffice Calc with both separators (a comma in English, a semicolon in Swedish, as
 * each locale's Calc and Excel expect), with formulas evaluated and spaces trimmed on import: no cell is ever a
 * formula, and in the file's own reading the numbers are numbers. Two Calc runs, one per reading, each converting
 * both files.
 */

const numbers = [csvNumber(-1.25, 2), csvNumber(2400.5, 2), csvNumber(-30)];
const rows: CsvCell[][] = hostileTexts.map((text) => ['Kund', text, ...numbers]);
const files: Record<'plain' | 'swedish', CsvDialect> = { plain: plainCsv, swedish: swedishExcelCsv };
const readingsByName: Record<'comma' | 'semicolon', CsvReading> = {
  comma: { separator: ',', language: 'en-US' },
  semicolon: { separator: ';', language: 'sv-SE' },
};

describe('CSV exports in LibreOffice Calc', () => {
  let dir: Awaited<ReturnType<typeof makeTempDataDir>>;
  /** Each file's cells, by reading and then by file. */
  const cells: Record<string, Record<string, ReturnType<typeof fodsCells>>> = {};

  beforeAll(async () => {
    dir = await makeTempDataDir('lotsen-csv-lo-');
    const written = await Promise.all(
      Object.entries(files).map(async ([name, dialect]) => {
        const path = join(dir.dir, `${name}.csv`);
        await writeFile(path, UTF8_BOM + rows.map((row) => csvRow(row, dialect)).join(''));
        return path;
      }),
    );
    for (const [readingName, reading] of Object.entries(readingsByName)) {
      const outDir = join(dir.dir, readingName);
      await mkdir(outDir);
      const converted = await convertWithLibreOffice(written, 'fods', outDir, reading);
      cells[readingName] = {};
      for (const fods of converted) {
        cells[readingName][basename(fods, '.fods')] = fodsCells(await readFile(fods, 'utf8'));
      }
    }
  }, 120_000);
  afterAll(async () => dir.cleanup());

  test.each([
    ['plain', 'comma'],
    ['plain', 'semicolon'],
    ['swedish', 'comma'],
    ['swedish', 'semicolon'],
  ])('the %s file read with a %s: no cell is a formula', (file, reading) => {
    const read = cells[reading]![file]!;
    expect(read.length).toBeGreaterThan(rows.length);
    expect(read.filter((cell) => cell.formula !== null)).toEqual([]);
  });

  test.each([
    ['plain', 'comma'],
    ['swedish', 'semicolon'],
  ])('the %s file read with its own %s: the numbers are numbers, the text is text', (file, reading) => {
    const read = cells[reading]![file]!;
    expect(read.filter((cell) => cell.valueType === 'float').map((cell) => cell.value)).toEqual(
      rows.flatMap(() => ['-1.25', '2400.5', '-30']),
    );
    const texts = read.filter((cell) => cell.valueType === 'string' && cell.text !== 'Kund');
    expect(texts).toHaveLength(hostileTexts.length);
  });
});
