import { chmod, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { Backend } from '../../../main/app/backend.node.ts';
import { dataFiles } from '../../../main/app/dataDir.node.ts';
import { makeRegistryFile } from '../../support/registryFixture.ts';
import { openPassphraseBackend, TEST_PASSPHRASE, TEST_USER } from '../../support/passphraseBackend.ts';
import { cliEnv, runCli } from '../../support/runCli.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

// A machine with no keychain: lotsen.key is in the folder too.
process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/lotsen-no-bus';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

/** The folder's mode and each file's, by name. */
async function modes(dir: string): Promise<Record<string, number>> {
  const result: Record<string, number> = { '.': await modeOf(dir) };
  for (const name of await readdir(dir)) result[name] = await modeOf(join(dir, name));
  return result;
}

const ownerOnly = (found: Record<string, number>) =>
  Object.fromEntries(Object.keys(found).map((name) => [name, name === '.' ? 0o700 : 0o600]));

describe.skipIf(process.platform === 'win32')('owner-only modes', () => {
  test('after init and after a session of writes, the folder is 0700 and every file 0600, -wal and -shm too', async () => {
    const opened = await openPassphraseBackend();
    cleanups.push(opened.cleanup);
    const afterInit = await modes(opened.dataDir);
    expect(Object.keys(afterInit)).toEqual(
      expect.arrayContaining(['lotsen.json', 'lotsen.key', 'lotsen.db', 'lotsen.db-wal', 'lotsen.db-shm']),
    );
    expect(afterInit).toEqual(ownerOnly(afterInit));

    const imported = await createApi(opened.backend).dispatch('registry.import', {
      file: makeRegistryFile(20),
    });
    expect(imported.ok).toBe(true);
    const afterWrites = await modes(opened.dataDir);
    expect(afterWrites).toEqual(ownerOnly(afterWrites));
  });

  test('init takes over an existing 0755 folder as 0700', async () => {
    const temp = await makeTempDataDir();
    cleanups.push(temp.cleanup);
    await chmod(temp.dir, 0o755);
    const backend = await Backend.open({ dataDir: temp.dir });
    cleanups.push(() => backend.close());
    await backend.initialize({ user: TEST_USER, passphrase: TEST_PASSPHRASE, preference: 'passphrase' });
    expect(await modeOf(temp.dir)).toBe(0o700);
  });

  test('unlock tightens a store left loose by an earlier Lotsen: the folder, lotsen.db and the -wal and -shm SQLite then makes', async () => {
    const opened = await openPassphraseBackend();
    cleanups.push(opened.cleanup);
    await opened.backend.close();
    await chmod(opened.dataDir, 0o755);
    await chmod(dataFiles.database(opened.dataDir), 0o644);

    const backend = await Backend.open({ dataDir: opened.dataDir });
    cleanups.push(() => backend.close());
    await backend.unlock(TEST_PASSPHRASE);
    await createApi(backend).dispatch('registry.import', { file: makeRegistryFile(2) });
    const found = await modes(opened.dataDir);
    expect(found).toMatchObject({ 'lotsen.db-wal': 0o600, 'lotsen.db-shm': 0o600 });
    expect(found).toEqual(ownerOnly(found));
  });

  test('`registry export --out` writes 0600 (it names customers, contacts and hosts), and init makes a missing folder 0700', async () => {
    const temp = await makeTempDataDir();
    cleanups.push(temp.cleanup);
    const home = join(temp.dir, 'nested', 'Lotsen');
    const env = cliEnv(home);
    const init = await runCli(['init', '--name', 'Tekla', '--email', 't@l.se', '--role', 'technician'], env);
    expect(init.code).toBe(0);
    expect(await modeOf(home)).toBe(0o700);
    const out = join(temp.dir, 'export.json');
    const exported = await runCli(['registry', 'export', '--out', out], env);
    expect(exported.code).toBe(0);
    expect(await modeOf(out)).toBe(0o600);
    const after = await modes(home);
    expect(after).toEqual(ownerOnly(after));
  });
});
