import { cp, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { Backend } from '../../../main/app/backend.node.ts';
import { dataFiles } from '../../../main/app/dataDir.node.ts';
import { isSealed } from '../../../main/vault/sealedText.ts';
import { openEncryptedConnection } from '../../../main/store/database.node.ts';
import { readKeyFile } from '../../../main/vault/keyFile.node.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { TEST_PASSPHRASE } from '../../support/passphraseBackend.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';
import { workbookSheets } from '../../support/workbookSheets.ts';

/*
 * test/fixtures/store-0011-approved-month was written by Lotsen as it was before approved lines were sealed (commit
 * 336fd27, migrations up to 0011): a customer's October and November 2026 approved, with time on two tickets, an
 * acute-escalation fee and an adjustment, and `exports/` holding that version's finance exports of both months. Its
 * lines hold their subjects, technician and notes in the clear.
 */
const FIXTURE = fileURLToPath(new URL('../../fixtures/store-0011-approved-month', import.meta.url));
const CLEAR_TEXTS = [
  'Inloggning via AD FS fungerar inte',
  'Tekla Tekniker',
  'Ringde Åsa Öberg om inloggningen',
];

interface RawLine {
  ticket_subject: string;
  technician: string;
  note: string;
}

describe('migration 0013: approved billing lines sealed', () => {
  let temp: Awaited<ReturnType<typeof makeTempDataDir>>;
  let key: Buffer;
  beforeEach(async () => {
    temp = await makeTempDataDir('lotsen-0013-');
    await cp(join(FIXTURE, 'data'), temp.dir, { recursive: true });
    key = await readKeyFile(dataFiles.keyFile(temp.dir), TEST_PASSPHRASE);
  });
  afterEach(async () => temp.cleanup());

  const rawLines = () => {
    const raw = openEncryptedConnection(dataFiles.database(temp.dir), key);
    try {
      return raw.prepare('SELECT ticket_subject, technician, note FROM billing_lines').all() as RawLine[];
    } finally {
      raw.close();
    }
  };

  test('exports before and after the migration are identical (CSV bytes, XLSX cells), and the lines are sealed', async () => {
    const before = rawLines();
    expect(before).toHaveLength(6);
    for (const text of CLEAR_TEXTS) expect(JSON.stringify(before)).toContain(text);

    const backend = await Backend.open({ dataDir: temp.dir });
    try {
      await backend.unlock(TEST_PASSPHRASE);
      const call = apiCaller(createApi(backend));
      const exports = await readdir(join(FIXTURE, 'exports'));
      expect(exports).toHaveLength(6);
      for (const name of exports) {
        const [month, ...rest] = name.split('.');
        const format = rest.at(-1) as 'csv' | 'xlsx';
        const result = await call.ok('billing.export', { month: month!, format, excelSv: rest[0] === 'sv' });
        const bytes = Buffer.from(result.contentBase64, 'base64');
        const written = await readFile(join(FIXTURE, 'exports', name));
        if (format === 'csv') expect(bytes.equals(written), name).toBe(true);
        // The XLSX writer has changed since (issue 17: the sheet XML straight into a streamed zip), so its zip's
        // bytes differ: what the workbook holds, cell by cell, is the same.
        else expect(await workbookSheets(bytes), name).toEqual(await workbookSheets(written));
      }
      // The triggers came back with the table: no line can change or go.
      const db = backend.registryContext().db;
      await expect(db.updateTable('billing_lines').set({ note: 'x' }).execute()).rejects.toThrow(
        /LOTSEN_LOCKED/,
      );
      await expect(db.deleteFrom('billing_lines').execute()).rejects.toThrow(/LOTSEN_LOCKED/);
      // The audit events written before the migration are as they were: the chain still verifies.
      expect(await call.ok('audit.verify', {})).toMatchObject({ intact: true, firstBadSeq: null });
    } finally {
      await backend.close();
    }

    const after = rawLines();
    expect(after).toHaveLength(6);
    for (const line of after) {
      for (const value of [line.ticket_subject, line.technician, line.note])
        expect(isSealed(value)).toBe(true);
    }
    for (const text of CLEAR_TEXTS) expect(JSON.stringify(after)).not.toContain(text);
  });
});
