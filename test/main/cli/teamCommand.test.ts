import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cliEnv, runCli, runTeamCreate, type CliRun } from '../../support/runCli.ts';
import { createTestDatabase, runPostgres, type TestDatabase } from '../../support/postgres/testDatabases.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

/** Everything a run printed and every file it left in its data folder, for looking for a password in. */
async function traces(runs: CliRun[], dir: string): Promise<string> {
  const files = await readdir(dir);
  const contents = await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8').catch(() => '')));
  return [...runs.flatMap((r) => [r.stdout, r.stderr]), ...contents].join('\n');
}

const codeIn = (run: CliRun) => /LOTSEN-[0-9a-f]{8}-[0-9A-Z-]+/.exec(run.stdout)?.[0] ?? '';

describe('lotsen team', { timeout: 180_000 }, () => {
  let database: TestDatabase;
  let url: string;
  const homes: { dir: string; cleanup: () => Promise<void> }[] = [];
  let adminEnv: NodeJS.ProcessEnv;
  let adminCode: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    const home = await makeTempDataDir();
    homes.push(home);
    adminEnv = cliEnv(home.dir);
    // The administrator's password comes from PGPASSWORD, so the URL shown in any message holds none.
    const { superuser } = runPostgres();
    const created = await runTeamCreate(
      database.name,
      { name: 'Ada Admin', email: 'ada@leverantor.se', role: 'support_lead' },
      adminEnv,
    );
    expect(created.stderr).toBe('');
    const answer = JSON.parse(created.stdout) as {
      closedTables: string[];
      firstMember: { code: string };
      recoveryKit: { text: string; fingerprint: string };
    };
    expect(answer.closedTables).toEqual([]);
    // The vault's recovery kit, given this once.
    expect(answer.recoveryKit.text).toMatch(new RegExp(`^LOTSEN-RECOVERY-${database.name}-[\\w:-]+$`));
    expect(answer.recoveryKit.fingerprint).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){3}$/);
    expect(created.stdout).not.toContain(superuser.password);
    adminCode = answer.firstMember.code;
    url = `postgresql://127.0.0.1:${runPostgres().port}/${database.name}`;
  });
  afterAll(async () => {
    await Promise.all(homes.map((h) => h.cleanup()));
    await database?.drop();
  });

  const memberEnv = async (extra: NodeJS.ProcessEnv = {}) => {
    const home = await makeTempDataDir();
    homes.push(home);
    return { env: cliEnv(home.dir, extra), dir: home.dir };
  };

  test('the first member enrols, invites a technician who enrols; members lists both, and each Lotsen works in the team database', async () => {
    const enrolled = await runCli(['init', '--team', url, '--enrol', adminCode], adminEnv);
    expect(enrolled.stderr).toBe('');
    expect(enrolled.stdout).toContain('Ada Admin is enrolled in');
    expect(enrolled.stdout).toContain('with the admin right');
    expect(enrolled.stdout).toContain('wrapped by your passphrase');
    // The data folder names the team database, and Lotsen works in it: the admin's own customers list is the team's.
    const config = JSON.parse(await readFile(join(homes[0]!.dir, 'lotsen.json'), 'utf8')) as {
      dataSource?: { kind: string; database: string };
    };
    expect(config.dataSource).toMatchObject({ kind: 'team', database: database.name });

    const invited = await runCli(
      [
        'team',
        'add-member',
        '--name',
        'Tekla Tekniker',
        '--email',
        'tekla@leverantor.se',
        '--role',
        'technician',
      ],
      adminEnv,
    );
    expect(invited.code).toBe(0);
    const code = codeIn(invited);
    expect(code).not.toBe('');

    const tekla = await memberEnv();
    const joined = await runCli(['init', '--team', url, '--enrol', code, '--json'], tekla.env);
    expect(joined.code).toBe(0);
    expect(JSON.parse(joined.stdout)).toMatchObject({
      role: 'technician',
      isAdmin: false,
      keyStore: 'passphrase',
    });
    // A second machine with the same code: refused.
    const again = await memberEnv();
    const reused = await runCli(['init', '--team', url, '--enrol', code], again.env);
    expect(reused.code).toBe(1);
    expect(reused.stderr).toContain('did not take this enrolment code');

    const members = await runCli(['team', 'members', '--json'], tekla.env);
    expect(members.code).toBe(0);
    expect(
      (JSON.parse(members.stdout) as { name: string; role: string; state: string }[]).map((m) => [
        m.name,
        m.role,
        m.state,
      ]),
    ).toEqual([
      ['Ada Admin', 'support_lead', 'enrolled'],
      ['Tekla Tekniker', 'technician', 'enrolled'],
    ]);
    // The spent code is in nothing printed after the invitation, nor in the member's data folder.
    expect(await traces([joined, members], tekla.dir)).not.toContain(code);

    // A technician may not invite anyone: the database refuses, FORBIDDEN.
    const refused = await runCli(
      ['team', 'add-member', '--name', 'X', '--email', 'x@leverantor.se', '--role', 'finance', '--admin'],
      tekla.env,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Only a member with the admin right manages members');

    const changed = await runCli(
      ['team', 'change-role', '--member', 'tekla@leverantor.se', '--role', 'finance'],
      adminEnv,
    );
    expect(changed.stdout).toContain('Tekla Tekniker is now finance.');

    const removed = await runCli(
      ['team', 'remove-member', '--member', 'tekla@leverantor.se', '--yes'],
      adminEnv,
    );
    expect(removed.stdout).toContain('Tekla Tekniker is removed');
    const gone = await runCli(['team', 'members'], tekla.env);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('refused the login');
  });

  test('bad input is refused clearly and changes nothing', async () => {
    const home = await memberEnv();
    const withPassword = await runCli(
      [
        'init',
        '--team',
        `postgresql://someone:hemligt@127.0.0.1:${runPostgres().port}/${database.name}`,
        '--enrol',
        adminCode,
      ],
      home.env,
    );
    expect(withPassword.code).toBe(1);
    expect(withPassword.stderr).not.toContain('hemligt');
    const remote = await runCli(
      ['init', '--team', 'postgresql://db.example.se/lotsen_team', '--enrol', adminCode],
      home.env,
    );
    expect(remote.stderr).toContain('sslmode=verify-full');
    const notACode = await runCli(['init', '--team', url, '--enrol', 'hello'], home.env);
    expect(notACode.stderr).toContain('That is not an enrolment code');
    expect(await readdir(home.dir)).toEqual([]);
    const onlyTeam = await runCli(['init', '--team', url], home.env);
    expect(onlyTeam.stderr).toContain('Give both --team <url> and --enrol <code>');
    const noRole = await runCli(['init', '--name', 'T', '--email', 't@l.se'], home.env);
    expect(noRole.code).toBe(2);
    expect(noRole.stderr).toContain("required option '--role <role>' not specified");
    const notInTeam = await runCli(['team', 'members'], home.env);
    expect(notInTeam.stderr).toContain('is in no team');
  });

  test('the DBA reissues a code with the same --database as team create, when no admin can log in', async () => {
    const { port, superuser } = runPostgres();
    const adminUrl = `postgresql://${superuser.user}@127.0.0.1:${port}/${database.name}`;
    // The flag's earlier name, never released, is not a second spelling of it.
    const oldName = await runCli(
      ['team', 'reissue-code', '--member', 'ada@leverantor.se', '--admin-url', adminUrl, '--yes'],
      { ...adminEnv, PGPASSWORD: superuser.password },
    );
    expect(oldName.code).toBe(2);
    expect(oldName.stderr).toContain("unknown option '--admin-url'");

    const reissued = await runCli(
      ['team', 'reissue-code', '--member', 'ada@leverantor.se', '--database', adminUrl, '--yes', '--json'],
      { ...adminEnv, PGPASSWORD: superuser.password },
    );
    expect(reissued.stderr).toBe('');
    expect(codeIn(reissued)).not.toBe('');
    expect(reissued.stdout).not.toContain(superuser.password);
    // Ada's old login is dropped: her Lotsen is refused until she enrols with the new code.
    const oldLogin = await runCli(['team', 'members'], adminEnv);
    expect(oldLogin.code).toBe(1);
    expect(oldLogin.stderr).toContain('refused the login');
  });
});
