import { readFile, rm, writeFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { afterEach, describe, expect, test } from 'vitest';
import type { KeyStore } from '../../../common/api/contract.ts';
import { Backend } from '../../../main/app/backend.node.ts';
import { readDataConfig, writeDataConfig } from '../../../main/app/dataConfig.node.ts';
import { dataFiles } from '../../../main/app/dataDir.node.ts';
import { keychainAccount } from '../../../main/vault/databaseKey.node.ts';
import { auditAnchorAccount } from '../../../main/vault/auditAnchorPlaces.node.ts';
import { keychain } from '../../../main/vault/keychain.node.ts';
import { TEST_PASSPHRASE, TEST_USER } from '../../support/passphraseBackend.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';
import { requireSecretService } from '../../support/secretService.ts';

/*
 * The anchors against the real places they live in: the Secret Service (scripts/with-keyring.sh) and the key file.
 * "With the key in hand" means what a key holder can do: open the store, drop the append-only triggers, delete rows.
 */
requireSecretService();

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function openStore(keyStore: KeyStore) {
  const temp = await makeTempDataDir();
  const dataDir = temp.dir;
  cleanups.push(async () => {
    await keychain.delete(keychainAccount(dataDir)).catch(() => false);
    await keychain.delete(auditAnchorAccount(dataDir)).catch(() => false);
    await temp.cleanup();
  });
  let backend = await Backend.open({ dataDir });
  cleanups.push(() => backend.close());
  await backend.initialize({ user: TEST_USER, passphrase: TEST_PASSPHRASE, preference: keyStore });
  expect(backend.status().keyStore).toBe(keyStore);
  const passphrase = keyStore === 'passphrase' ? TEST_PASSPHRASE : null;

  /** The protected anchor as stored (the keychain entry, or the whole key file), to put back later. */
  const protectedAnchor = {
    read: async () =>
      keyStore === 'keychain'
        ? keychain.get(auditAnchorAccount(dataDir))
        : readFile(dataFiles.keyFile(dataDir), 'utf8'),
    restore: async (saved: string | null) =>
      keyStore === 'keychain'
        ? keychain.set(auditAnchorAccount(dataDir), saved!)
        : writeFile(dataFiles.keyFile(dataDir), saved!),
    remove: async () => {
      if (keyStore === 'keychain') return void (await keychain.delete(auditAnchorAccount(dataDir)));
      const file = JSON.parse(await readFile(dataFiles.keyFile(dataDir), 'utf8')) as Record<string, unknown>;
      delete file.auditAnchor;
      await writeFile(dataFiles.keyFile(dataDir), JSON.stringify(file));
    },
    where: keyStore === 'keychain' ? /the anchor in the OS keychain/ : /the anchor in lotsen\.key/,
  };

  return {
    dataDir,
    protectedAnchor,
    backend: () => backend,
    async write(count: number) {
      for (let i = 0; i < count; i++) {
        await backend
          .audit()
          .append({ event: 'secret.revealed', subject: { type: 'support_account', id: `a${i}` } });
      }
    },
    verify: () => backend.audit().verify(),
    /** Deletes events from `fromSeq` on, as a key holder with a SQLite tool would. */
    async truncate(fromSeq: number) {
      const db = backend.registryContext().db;
      await sql`DROP TRIGGER IF EXISTS audit_events_no_delete`.execute(db);
      await sql`DELETE FROM audit_events WHERE seq >= ${fromSeq}`.execute(db);
    },
    /** A restarted app on the same folder. */
    async reopen() {
      await backend.close();
      backend = await Backend.open({ dataDir });
      await backend.unlock(passphrase);
    },
  };
}

const headFile = (dataDir: string) => dataFiles.auditHead(dataDir);

describe.each(['passphrase', 'keychain'] as const)('a %s store', (keyStore) => {
  test('a fresh store verifies, with every anchor at the empty log; appends move them on', async () => {
    const store = await openStore(keyStore);
    expect(await store.verify()).toEqual({ intact: true, events: 0, firstBadSeq: null, reason: null });
    await store.write(3);
    expect(JSON.parse(await readFile(headFile(store.dataDir), 'utf8'))).toMatchObject({ seq: 3 });
    expect(await store.protectedAnchor.read()).toMatch(/"seq":\s*3/);
    expect(await store.verify()).toMatchObject({ intact: true, events: 3 });
  });

  test('a deleted audit-head.json is a failure, not intact', async () => {
    const store = await openStore(keyStore);
    await store.write(4);
    await rm(headFile(store.dataDir));
    const verdict = await store.verify();
    expect(verdict).toMatchObject({ intact: false, firstBadSeq: 5 });
    expect(verdict.reason).toMatch(/audit-head\.json is missing/);
  });

  test('an older audit-head.json with the log truncated to match is caught by the protected anchor', async () => {
    const store = await openStore(keyStore);
    await store.write(2);
    const older = await readFile(headFile(store.dataDir), 'utf8');
    await store.write(3);
    await store.truncate(3);
    await writeFile(headFile(store.dataDir), older);

    const verdict = await store.verify();
    expect(verdict).toMatchObject({ intact: false, events: 2, firstBadSeq: 3 });
    expect(verdict.reason).toMatch(store.protectedAnchor.where);
    expect(verdict.reason).toMatch(/records event 5: events were deleted from the end/);
    // A restart does not make it go away.
    await store.reopen();
    expect(await store.verify()).toMatchObject({ intact: false, firstBadSeq: 3 });
  });

  test('events deleted from the end with the key in hand are reported by both anchors', async () => {
    const store = await openStore(keyStore);
    await store.write(5);
    await store.truncate(4);
    const verdict = await store.verify();
    expect(verdict).toMatchObject({ intact: false, events: 3, firstBadSeq: 4 });
    expect(verdict.reason).toMatch(/audit-head\.json records event 5: events were deleted from the end/);
    expect(verdict.reason).toMatch(store.protectedAnchor.where);
  });

  test('an older audit-head.json over an intact log is reported as rolled back', async () => {
    const store = await openStore(keyStore);
    await store.write(1);
    const older = await readFile(headFile(store.dataDir), 'utf8');
    await store.write(3);
    await writeFile(headFile(store.dataDir), older);
    const verdict = await store.verify();
    expect(verdict).toMatchObject({ intact: false, firstBadSeq: 2 });
    expect(verdict.reason).toMatch(
      /audit-head\.json records event 1 but the log goes on to 4: it was rolled back/,
    );
  });

  test('a crash between a commit and its anchors (anchors one event behind) is not tampering', async () => {
    const store = await openStore(keyStore);
    await store.write(2);
    const head = await readFile(headFile(store.dataDir), 'utf8');
    const anchor = await store.protectedAnchor.read();
    await store.write(1);
    // Both anchors behind: the crash came right after the commit.
    await writeFile(headFile(store.dataDir), head);
    await store.protectedAnchor.restore(anchor);
    expect(await store.verify()).toMatchObject({ intact: true, events: 3 });
    // The next append catches every anchor up.
    await store.write(1);
    expect(await store.verify()).toMatchObject({ intact: true, events: 4 });

    // Only the protected anchor behind: the crash came between the two anchor writes.
    const atFour = await store.protectedAnchor.read();
    await store.write(1);
    await store.protectedAnchor.restore(atFour);
    expect(await store.verify()).toMatchObject({ intact: true, events: 5 });
    // Two behind is more than a crash leaves.
    await store.protectedAnchor.restore(anchor);
    expect(await store.verify()).toMatchObject({ intact: false, firstBadSeq: 3 });
  });

  test('a missing protected anchor is a failure, and the next append does not quietly recreate it', async () => {
    const store = await openStore(keyStore);
    await store.write(2);
    await store.protectedAnchor.remove();
    const verdict = await store.verify();
    expect(verdict).toMatchObject({ intact: false, firstBadSeq: 3 });
    expect(verdict.reason).toMatch(store.protectedAnchor.where);
    expect(verdict.reason).toMatch(/is missing/);
    await store.reopen();
    await store.write(1);
    expect(await store.verify()).toMatchObject({ intact: false, firstBadSeq: 4 });
  });

  test('a protected anchor edited without the key fails its seal', async () => {
    const store = await openStore(keyStore);
    await store.write(1);
    const older = await readFile(headFile(store.dataDir), 'utf8');
    await store.write(2);
    const saved = (await store.protectedAnchor.read())!;
    // Someone cuts the log to 1 and moves both anchors to match, keeping the protected anchor's seal.
    await store.truncate(2);
    await writeFile(headFile(store.dataDir), older);
    await store.protectedAnchor.restore(saved.replace(/"seq":\s*3/, '"seq": 1'));
    const verdict = await store.verify();
    expect(verdict).toMatchObject({ intact: false, events: 1, firstBadSeq: 2 });
    expect(verdict.reason).toMatch(/its seal does not match/);
  });

  test('a store from before the anchors gets one at its present head, once; after that a missing one fails', async () => {
    const store = await openStore(keyStore);
    await store.write(2);
    await store.protectedAnchor.remove();
    const config = (await readDataConfig(store.dataDir))!;
    const { auditAnchored: _, ...older } = config;
    await writeDataConfig(store.dataDir, older);

    await store.reopen();
    expect(await store.verify()).toMatchObject({ intact: true, events: 2 });
    expect(await readDataConfig(store.dataDir)).toMatchObject({ auditAnchored: true });
    await store.protectedAnchor.remove();
    await store.reopen();
    expect(await store.verify()).toMatchObject({ intact: false, firstBadSeq: 3 });
  });
});
