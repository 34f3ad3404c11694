import { Backend } from '../../main/app/backend.node.ts';
import { makeTempDataDir } from './tempDataDir.ts';

export const TEST_PASSPHRASE = 'correct horse battery staple';
export const TEST_USER = {
  name: 'Tekla Tekniker',
  email: 'tekla@leverantor.se',
  role: 'technician',
} as const;

/**
 * An initialised, unlocked backend on a temporary folder, keyed by a passphrase so the test needs no keychain.
 * The store is the real encrypted SQLite file.
 */
export async function openPassphraseBackend(options: { now?: () => number } = {}) {
  const temp = await makeTempDataDir();
  const backend = await Backend.open({ dataDir: temp.dir, ...options });
  await backend.initialize({ user: TEST_USER, passphrase: TEST_PASSPHRASE, preference: 'passphrase' });
  return {
    backend,
    dataDir: temp.dir,
    async cleanup() {
      await backend.close();
      await temp.cleanup();
    },
  };
}
