import { Backend } from '../../main/app/backend.node.ts';
import { teamFixture, testDataSource } from './postgres/teamFixture.ts';
import { makeTempDataDir } from './tempDataDir.ts';

export const TEST_PASSPHRASE = 'correct horse battery staple';
export const TEST_USER = {
  name: 'Tekla Tekniker',
  email: 'tekla@leverantor.se',
  role: 'technician',
} as const;

/**
 * An initialised, unlocked backend on a temporary folder, keyed by a passphrase so the test needs no keychain.
 * The store is the real encrypted SQLite file; or, in the run's team project (LOTSEN_TEST_DATA_SOURCE=team), a team
 * database of its own on the run's PostgreSQL, which TEST_USER is a member of.
 */
export async function openPassphraseBackend(options: { now?: () => number } = {}) {
  const temp = await makeTempDataDir();
  const backend = await Backend.open({ dataDir: temp.dir, ...options });
  const team = testDataSource() === 'team' ? await teamFixture(TEST_USER) : null;
  try {
    await backend.initialize({
      user: TEST_USER,
      passphrase: TEST_PASSPHRASE,
      preference: 'passphrase',
      ...(team ? { team: { source: team.source, enrol: team.enrol } } : {}),
    });
  } catch (error) {
    await team?.drop();
    await temp.cleanup();
    throw error;
  }
  return {
    backend,
    dataDir: temp.dir,
    async cleanup() {
      await backend.close();
      await team?.drop();
      await temp.cleanup();
    },
  };
}
