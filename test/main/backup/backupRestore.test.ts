import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { Backend } from '../../../main/app/backend.node.ts';
import { createBackup } from '../../../main/backup/createBackup.node.ts';
import { restoreBackup } from '../../../main/backup/restoreBackup.node.ts';
import {
  BACKUP_KEY_PURPOSE,
  BACKUP_SEAL_PURPOSE,
  sealedPart,
  type BackupManifest,
  type BackupPart,
} from '../../../main/backup/backupFile.node.ts';
import { seal, sealingKey } from '../../../main/audit/auditAnchor.ts';
import { unwrapKey } from '../../../main/vault/keyFile.node.ts';
import { readRecording } from '../../../main/sessions/recording/recordingRepository.ts';
import type { Db } from '../../../main/store/database.node.ts';
import { auditAnchorAccount } from '../../../main/vault/auditAnchorPlaces.node.ts';
import { keychainAccount } from '../../../main/vault/databaseKey.node.ts';
import { keychain } from '../../../main/vault/keychain.node.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { openPassphraseBackend, TEST_PASSPHRASE, TEST_USER } from '../../support/passphraseBackend.ts';
import { cliEnv, runCli } from '../../support/runCli.ts';
import { localOpenInput, prepareSessionCustomer } from '../../support/sessionCustomer.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';
import { requireSecretService } from '../../support/secretService.ts';

const run = promisify(execFile);
const SECRET = 'Hemligt-Konto-2026!';
const TARGET = { host: 'wap01.kalmar.se', port: 22, username: 'svc_lotsen', secret: SECRET };
const BACKUP_PASSPHRASE = 'säkerhetskopians lösenfras';

requireSecretService();

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function tempDir() {
  const temp = await makeTempDataDir('lotsen-backup-');
  cleanups.push(async () => {
    for (const dir of [temp.dir, join(temp.dir, 'restored'), join(temp.dir, 'data')]) {
      await keychain.delete(keychainAccount(dir)).catch(() => false);
      await keychain.delete(auditAnchorAccount(dir)).catch(() => false);
    }
    await temp.cleanup();
  });
  return temp.dir;
}

/** The database part of a backup file (after its manifest line), as plain `sqlite3` would be handed it. */
async function databasePart(file: string): Promise<Buffer> {
  const bytes = await readFile(file);
  const start = bytes.indexOf(0x0a) + 1;
  const manifest = JSON.parse(bytes.subarray(0, start).toString('utf8')) as { database: { bytes: number } };
  return bytes.subarray(start, start + manifest.database.bytes);
}

/** A recording as its export reads (header and event lines). */
async function castOf(db: Db, recordingId: string): Promise<string> {
  let cast = '';
  for await (const piece of readRecording(db, recordingId)) cast += piece;
  return cast;
}

describe('a backup taken during a live session', () => {
  test('restores (real CLI) into a fresh folder where audit verify passes and the session is there', async () => {
    const opened = await openPassphraseBackend();
    cleanups.push(() => opened.cleanup());
    const call = apiCaller(createApi(opened.backend, () => undefined, { shell: '/bin/sh' }));
    let bytesSeen = 0;
    const stop = opened.backend.on('terminal.output', ({ sessionId, data }) => {
      bytesSeen += data.length;
      void call.ok('sessions.ack', { sessionId, bytes: data.length });
    });
    cleanups.push(async () => stop());
    const prepared = await prepareSessionCustomer(call, TARGET);
    const isOpen = new Promise<void>((resolve) => {
      const off = opened.backend.on('sessions.changed', (s) => {
        if (s.state === 'open') resolve(off());
      });
    });
    const session = await call.ok('sessions.open', localOpenInput(prepared));
    await isOpen;

    // The shell writes (recording chunks) and secrets are revealed (audit events) while the backup runs.
    await call.ok('sessions.input', {
      sessionId: session.id,
      data: 'i=0; while [ $i -lt 20000 ]; do echo "rad $i"; i=$((i+1)); done; echo klart\n',
    });
    // The shell is writing before the backup starts: on a loaded machine it could otherwise begin only after it.
    await vi.waitFor(() => expect(bytesSeen).toBeGreaterThan(0), { timeout: 15_000 });
    const out = join(await tempDir(), 'lotsen.backup');
    const env = cliEnv(opened.dataDir, { LOTSEN_PASSPHRASE: TEST_PASSPHRASE });
    let backupDone = false;
    const backup = runCli(['backup', '--out', out], env).finally(() => (backupDone = true));
    let reveals = 0;
    while (!backupDone) {
      await call.ok('registry.revealSecret', {
        accountId: prepared.account.id,
        purpose: `under kopian ${reveals}`,
      });
      reveals += 1;
    }
    const backedUp = await backup;
    expect(backedUp.code, backedUp.stderr).toBe(0);
    expect(backedUp.stderr).toMatch(/Wrote .*lotsen\.backup/);
    expect(reveals).toBeGreaterThan(0);
    expect(bytesSeen).toBeGreaterThan(0);
    await call.ok('sessions.close', { sessionId: session.id });

    // Owner-only, encrypted: no customer name or secret in it, and plain sqlite3 cannot read its database.
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    const bytes = await readFile(out);
    for (const plain of ['Kalmar kommun', SECRET, 'rad 100']) expect(bytes.includes(plain)).toBe(false);
    const extracted = join(await tempDir(), 'database-part.db');
    await writeFile(extracted, await databasePart(out));
    await expect(run('sqlite3', [extracted, 'SELECT count(*) FROM sqlite_schema'])).rejects.toThrow(
      /file is not a database/,
    );
    // The live store's log names the backup.
    const [event] = await call.ok('audit.list', { event: 'store.backed_up' });
    expect(event!.details).toMatchObject({ file: out });

    const restoredDir = join(await tempDir(), 'restored');
    const restoredEnv = cliEnv(restoredDir, { LOTSEN_PASSPHRASE: TEST_PASSPHRASE });
    const restored = await runCli(['restore', out, '--json'], restoredEnv);
    expect(restored).toMatchObject({ code: 0 });
    expect(JSON.parse(restored.stdout)).toMatchObject({ keyStore: 'passphrase', dataDir: restoredDir });
    const verified = await runCli(['audit', 'verify'], restoredEnv);
    expect(verified).toMatchObject({ code: 0, stdout: expect.stringMatching(/intact/) });
    // And the restored folder passes every check of lotsen doctor: modes, SQLite's integrity, pages, audit.
    const doctor = await runCli(['doctor', '--json'], restoredEnv);
    expect(doctor.code, doctor.stdout).toBe(0);

    const back = await Backend.open({ dataDir: restoredDir });
    cleanups.push(() => back.close());
    await back.unlock(TEST_PASSPHRASE);
    const db = back.registryContext().db;
    const row = await db.selectFrom('sessions').selectAll().where('id', '=', session.id).executeTakeFirst();
    expect(row).toBeDefined();
    // Its recording as far as the backup's copy reached: the output the live store has, up to that point.
    const restoredCast = await castOf(db, row!.recording_id!);
    expect(restoredCast).toContain('rad 0');
    const liveCast = await castOf(opened.backend.registryContext().db, row!.recording_id!);
    expect(liveCast.startsWith(restoredCast)).toBe(true);
    const events = await apiCaller(createApi(back)).ok('audit.list', { subjectId: session.id });
    expect(events.map((e) => e.event)).toContain('session.opened');
  }, 120_000);
});

describe('a keychain store', () => {
  test('restores on a machine whose keychain lost its key, into the keychain or a passphrase key file', async () => {
    const root = await tempDir();
    const dataDir = join(root, 'data');
    const backend = await Backend.open({ dataDir });
    cleanups.push(() => backend.close());
    await backend.initialize({ user: TEST_USER, passphrase: null, preference: 'keychain' });
    const call = apiCaller(createApi(backend));
    await call.ok('registry.createCustomer', {
      name: 'Växjö kommun',
      orgNumber: '212000-0704',
      kind: 'municipality',
    });
    await backend
      .audit()
      .append({ event: 'secret.revealed', subject: { type: 'support_account', id: 'a1' } });
    const out = join(root, 'keychain.backup');
    // The customer's creation is an event too (registry.record_added), then the reveal.
    expect(await createBackup(backend, out, { passphrase: BACKUP_PASSPHRASE, replace: false })).toMatchObject(
      {
        events: 2,
      },
    );
    await backend.close();
    // The keychain is gone: neither the key nor the anchor is there any more.
    await keychain.delete(keychainAccount(dataDir));
    await keychain.delete(auditAnchorAccount(dataDir));

    for (const preference of ['auto', 'passphrase'] as const) {
      const target = join(root, `restored-${preference}`);
      cleanups.push(async () => {
        await keychain.delete(keychainAccount(target)).catch(() => false);
        await keychain.delete(auditAnchorAccount(target)).catch(() => false);
      });
      const result = await restoreBackup(out, target, {
        passphrase: BACKUP_PASSPHRASE,
        preference,
        keychain,
        now: Date.now,
      });
      // The backup holds the log as it was copied: its own event comes after, in the live store.
      expect(result).toEqual({ keyStore: preference === 'auto' ? 'keychain' : 'passphrase', events: 2 });
      const back = await Backend.open({ dataDir: target });
      cleanups.push(() => back.close());
      await back.unlock(preference === 'auto' ? null : BACKUP_PASSPHRASE);
      const backCall = apiCaller(createApi(back));
      expect(await backCall.ok('audit.verify', {})).toMatchObject({ intact: true, events: 2 });
      expect((await backCall.ok('registry.listCustomers', {})).map((c) => c.name)).toEqual(['Växjö kommun']);
    }
  });
});

describe('a backup that is damaged, foreign or for another folder', () => {
  let backupFile: string;
  let root: string;
  beforeAll(async () => {
    const opened = await openPassphraseBackend();
    root = await makeTempDataDir('lotsen-backup-bad-').then((t) => t.dir);
    backupFile = join(root, 'good.backup');
    await opened.backend
      .audit()
      .append({ event: 'secret.revealed', subject: { type: 'support_account', id: 'a1' } });
    await createBackup(opened.backend, backupFile, { passphrase: TEST_PASSPHRASE, replace: false });
    await opened.cleanup();
  });

  const restoreInto = (file: string, target: string, passphrase = TEST_PASSPHRASE) =>
    restoreBackup(file, target, { passphrase, preference: 'passphrase', keychain, now: Date.now });

  async function variant(name: string, change: (bytes: Buffer) => Buffer): Promise<string> {
    const file = join(root, name);
    await writeFile(file, change(await readFile(backupFile)));
    return file;
  }

  test.each([
    ['cut short', (b: Buffer) => b.subarray(0, b.length - 4096), /damaged: .*cut short/],
    [
      'a changed byte',
      (b: Buffer) => {
        const copy = Buffer.from(b);
        copy[copy.length - 5000] = copy[copy.length - 5000]! ^ 0xff;
        return copy;
      },
      /damaged: its database does not match the checksum/,
    ],
    [
      'a changed byte in its database, before the recordings',
      (b: Buffer) => {
        const copy = Buffer.from(b);
        const at = copy.indexOf(0x0a) + 5000;
        copy[at] = copy[at]! ^ 0xff;
        return copy;
      },
      /damaged: its database does not match the checksum/,
    ],
    ['not a backup', () => Buffer.from('SQLite format 3\0 and then some'), /is not a Lotsen backup/],
    [
      'an edited anchor',
      (b: Buffer) => Buffer.from(b.toString('latin1').replace('"seq":1,', '"seq":0,'), 'latin1'),
      /was altered after it was made/,
    ],
  ])('%s is refused and leaves the folder empty', async (name, change, message) => {
    const file = await variant(`${name}.backup`, change);
    const empty = join(root, `target-${name}`);
    await mkdir(empty);
    await expect(restoreInto(file, empty)).rejects.toThrow(message);
    expect(await readdir(empty)).toEqual([]);
    const missing = join(root, `missing-${name}`);
    await expect(restoreInto(file, missing)).rejects.toThrow(message);
    await expect(stat(missing)).rejects.toThrow(/ENOENT/);
  });

  test('a version 1 backup, from before the recordings file, still restores', async () => {
    const bytes = await readFile(backupFile);
    const end = bytes.indexOf(0x0a);
    const {
      recordings,
      seal: _,
      ...fields
    } = JSON.parse(bytes.subarray(0, end).toString('utf8')) as BackupManifest & {
      recordings: BackupPart;
    };
    const key = (await unwrapKey(fields.key, TEST_PASSPHRASE, BACKUP_KEY_PURPOSE))!;
    const core = { ...fields, version: 1 as const };
    const v1 = { ...core, seal: seal(sealingKey(key), BACKUP_SEAL_PURPOSE, sealedPart(core)) };
    const file = join(root, 'version-1.backup');
    const database = bytes.subarray(end + 1, end + 1 + fields.database.bytes);
    expect(end + 1 + fields.database.bytes + recordings.bytes).toBe(bytes.length);
    await writeFile(file, Buffer.concat([Buffer.from(JSON.stringify(v1) + '\n'), database]));
    const target = join(root, 'target-version-1');
    await expect(restoreInto(file, target)).resolves.toMatchObject({ keyStore: 'passphrase' });
    // The store's open made its recordings' file.
    expect(await readdir(target)).toEqual(expect.arrayContaining(['lotsen.db', 'lotsen.db-recordings']));
  });

  test('a wrong passphrase is refused (real CLI), and the folder stays empty', async () => {
    const target = join(root, 'target-wrong');
    await mkdir(target);
    const failed = await runCli(['restore', backupFile], cliEnv(target, { LOTSEN_PASSPHRASE: 'fel lösen' }));
    expect(failed).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^lotsen: Wrong passphrase for /),
    });
    expect(await readdir(target)).toEqual([]);
  });

  test('a folder that holds anything is refused and left as it was', async () => {
    const target = join(root, 'target-busy');
    await mkdir(target);
    await writeFile(join(target, 'anteckning.txt'), 'min');
    await expect(restoreInto(backupFile, target)).rejects.toThrow(/is not empty/);
    expect(await readdir(target)).toEqual(['anteckning.txt']);
    // And the good file restores into an empty one.
    const fresh = join(root, 'target-fresh');
    expect(await restoreInto(backupFile, fresh)).toEqual({ keyStore: 'passphrase', events: 1 });
  });
});
