import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/*
 * LibreOffice Calc, headless (Debian's libreoffice-calc-nogui, from scripts/setup.sh), as an independent reader of
 * the workbooks Lotsen writes. Each conversion runs with a throwaway user profile, so runs never share state.
 */

/** Every sheet to its own UTF-8 CSV (comma, double quotes, cells as shown, formulas as their values). */
const CSV_ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

/** How a person might open a CSV in Calc: a separator, and the language its numbers are read in. */
export interface CsvReading {
  separator: ',' | ';';
  language: 'en-US' | 'sv-SE';
}

/**
 * The CSV import filter at its most trusting: formulas evaluated, spaces trimmed, special numbers detected, quoted
 * fields not forced to text (tokens 1-13 of LibreOffice's CSV filter options).
 */
function csvImportFilter(reading: CsvReading): string {
  const language = { 'en-US': 1033, 'sv-SE': 1053 }[reading.language];
  const separator = reading.separator.charCodeAt(0);
  return `Text - txt - csv (StarCalc):${separator},34,76,1,,${language},false,true,false,false,true,false,true`;
}

/** Converts one file, or several read the same way in one run (each run costs seconds). */
export async function convertWithLibreOffice(
  files: string | readonly string[],
  target: 'csv' | 'fods',
  outDir: string,
  csvReading?: CsvReading,
): Promise<string[]> {
  const profile = await mkdtemp(join(tmpdir(), 'lotsen-lo-profile-'));
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(
        'soffice',
        [
          `-env:UserInstallation=${pathToFileURL(profile).href}`,
          '--headless',
          '--norestore',
          ...(csvReading ? [`--infilter=${csvImportFilter(csvReading)}`] : []),
          '--convert-to',
          target === 'csv' ? CSV_ALL_SHEETS : 'fods',
          '--outdir',
          outDir,
          ...(typeof files === 'string' ? [files] : files),
        ],
        { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
        (error, _stdout, stderr) => (error ? reject(new Error(`soffice failed: ${stderr}`)) : resolve()),
      );
    });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  return (await readdir(outDir)).map((name) => join(outDir, name)).sort();
}

interface FodsCell {
  valueType: string | null;
  /** A number's value as ODF writes it (a decimal point), when the cell is a number. */
  value: string | null;
  formula: string | null;
  text: string;
}

/** The cells of a flat ODS file as LibreOffice typed them: value type, value, formula (if any) and text. */
export function fodsCells(xml: string): FodsCell[] {
  const cells: FodsCell[] = [];
  for (const match of xml.matchAll(/<table:table-cell([^>]*?)>\s*<text:p>([\s\S]*?)<\/text:p>/g)) {
    const attributes = match[1]!;
    cells.push({
      valueType: /office:value-type="([^"]+)"/.exec(attributes)?.[1] ?? null,
      value: /office:value="([^"]+)"/.exec(attributes)?.[1] ?? null,
      formula: /table:formula="([^"]*)"/.exec(attributes)?.[1] ?? null,
      text: decodeXml(match[2]!.replace(/<[^>]+>/g, '')),
    });
  }
  return cells;
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
