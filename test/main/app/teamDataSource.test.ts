import { readdir, readFile } from 'node:fs/promises';
import { afterEach, describe, expect, test } from 'vitest';
import { Backend } from '../../../main/app/backend.node.ts';
import type { TeamDataSource } from '../../../main/app/dataConfig.node.ts';
import { dataFiles } from '../../../main/app/dataDir.node.ts';
import { createTestTeam, type TestTeam } from '../../support/postgres/testTeam.ts';
import { asSuperuser } from '../../support/postgres/testDatabases.ts';
import { TEST_PASSPHRASE, TEST_USER } from '../../support/passphraseBackend.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function teamBackend(): Promise<{
  backend: Backend;
  dir: string;
  team: TestTeam;
  source: TeamDataSource;
  password: string;
}> {
  const temp = await makeTempDataDir();
  const team = await createTestTeam({ ...TEST_USER, role: 'support_lead' });
  cleanups.push(temp.cleanup, team.drop);
  const enrolment = team.enrolment(team.firstMember);
  const backend = await Backend.open({ dataDir: temp.dir });
  cleanups.push(() => backend.close());
  await backend.initialize({ passphrase: TEST_PASSPHRASE, preference: 'passphrase', team: enrolment });
  return { backend, dir: temp.dir, team, source: enrolment.source, password: enrolment.member().password };
}

describe('a team data source', () => {
  test("lotsen.json names the database and login, never the password; unlocking reopens it as the login's member", async () => {
    const { backend, dir, team, source, password } = await teamBackend();
    expect(backend.status()).toMatchObject({ state: 'unlocked', user: { name: TEST_USER.name } });
    const config = JSON.parse(await readFile(dataFiles.config(dir), 'utf8'));
    expect(config.dataSource).toEqual(source);
    // Nothing in the folder holds the login's password in the clear, and there is no store file.
    for (const name of await readdir(dir)) {
      expect(await readFile(`${dir}/${name}`, 'utf8')).not.toContain(password);
    }
    expect((await readdir(dir)).includes('lotsen.db')).toBe(false);

    await backend.lock();
    await expect(backend.unlock('wrong passphrase')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // the wrong one's wait (unlockBackoff.ts)
    await backend.unlock(TEST_PASSPHRASE);
    expect(backend.status()).toMatchObject({ state: 'unlocked', user: { email: TEST_USER.email } });
    const { actorId } = backend.registryContext();
    const login = await asSuperuser(
      team.database.name,
      async (client) =>
        (await client.query('SELECT login FROM lotsen.team_members WHERE user_id = $1', [actorId])).rows,
    );
    expect(login).toEqual([{ login: source.login }]);
  });

  test('a removed member is refused at unlock', async () => {
    const { backend, team } = await teamBackend();
    await backend.lock();
    await asSuperuser(team.database.name, (client) =>
      client.query('UPDATE lotsen.team_members SET removed_at = $1', [Date.now()]),
    );
    await expect(backend.unlock(TEST_PASSPHRASE)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(backend.status().state).toBe('locked');
  });
});
