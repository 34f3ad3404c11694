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

export async function convertWithLibreOffice(
  file: string,
  target: 'csv' | 'fods',
  outDir: string,
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
          '--convert-to',
          target === 'csv' ? CSV_ALL_SHEETS : 'fods',
          '--outdir',
          outDir,
          file,
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

/** The cells of a flat ODS file as LibreOffice typed them: value type, formula (if any) and text. */
export function fodsCells(xml: string): { valueType: string | null; formula: string | null; text: string }[] {
  const cells: { valueType: string | null; formula: string | null; text: string }[] = [];
  for (const match of xml.matchAll(/<table:table-cell([^>]*?)>\s*<text:p>([\s\S]*?)<\/text:p>/g)) {
    const attributes = match[1]!;
    cells.push({
      valueType: /office:value-type="([^"]+)"/.exec(attributes)?.[1] ?? null,
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
