import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cliEnv, runCli, runTeamCreate, type CliRun } from '../../support/runCli.ts';
import {
  asSuperuser,
  createTestDatabase,
  runPostgres,
  superuserUrl,
  type TestDatabase,
} from '../../support/postgres/testDatabases.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

/*
 * The vault's member commands through the real built CLI (`npm run build:main`): `team recover`, `reissue-code`,
 * `rotate`, `departing`, `grant-keys` and `import-local`'s refusals, on one team (a support lead admin, a
 * technician, a finance admin) set up once. Every refusal exits 1 with a sentence a person can act on, and leaves
 * the team database as it was (its vault, logins and audit log compared before and after).
 */

const codeIn = (run: CliRun) => /LOTSEN-[0-9a-f]{8}-[0-9A-Z-]+/.exec(run.stdout)?.[0] ?? '';

describe('lotsen team: the vault commands', { timeout: 240_000 }, () => {
  let database: TestDatabase;
  let url: string;
  let kit: string;
  const homes: { dir: string; cleanup: () => Promise<void> }[] = [];
  const envs: Record<'ada' | 'tekla' | 'fia', NodeJS.ProcessEnv> = { ada: {}, tekla: {}, fia: {} };

  const home = async () => {
    const made = await makeTempDataDir();
    homes.push(made);
    return made.dir;
  };
  const ok = async (args: string[], env: NodeJS.ProcessEnv, input?: string) => {
    const run = await runCli(args, env, { input });
    expect(run.stderr + run.stdout, args.join(' ')).not.toContain('INTERNAL');
    expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
    return run;
  };
  const refused = async (args: string[], env: NodeJS.ProcessEnv, message: string, input?: string) => {
    const run = await runCli(args, env, { input });
    expect(run.code, `${args.join(' ')}: ${run.stdout}`).toBe(1);
    expect(run.stderr).toContain(message);
    return run;
  };
  /** What a refusal must leave alone: the vault's keys, the members' logins, the audit log. */
  const snapshot = () =>
    asSuperuser(database.name, async (client) => {
      const rows = async (text: string) => JSON.stringify((await client.query(text)).rows);
      return {
        trees: await rows('SELECT * FROM lotsen.vault_trees ORDER BY tree'),
        wraps: await rows(
          'SELECT tree, generation, recipient, wrapped FROM lotsen.vault_wraps ORDER BY 1, 2, 3',
        ),
        keys: await rows('SELECT user_id, public_key FROM lotsen.member_keys ORDER BY 1'),
        members: await rows('SELECT user_id, login, version, removed_at FROM lotsen.team_members ORDER BY 1'),
        audit: await rows('SELECT count(*) AS n, max(seq) AS head FROM lotsen.audit_events'),
      };
    });
  const events = (event: string) =>
    asSuperuser(database.name, async (client) => {
      const { rows } = await client.query<{ details: string }>(
        'SELECT details FROM lotsen.audit_events WHERE event = $1 ORDER BY seq',
        [event],
      );
      return rows.map((r) => r.details);
    });
  const trees = () =>
    asSuperuser(database.name, async (client) => {
      const { rows } = await client.query<{
        tree: string;
        generation: number;
        rotation_reason: string | null;
      }>('SELECT tree, generation, rotation_reason FROM lotsen.vault_trees ORDER BY tree');
      return Object.fromEntries(rows.map((r) => [r.tree, [Number(r.generation), r.rotation_reason]]));
    });

  // A team made and three members enrolled through the real CLI: a minute alone, more on a busy machine.
  beforeAll(async () => {
    database = await createTestDatabase();
    const { port } = runPostgres();
    envs.ada = cliEnv(await home());
    const created = await runTeamCreate(
      database.name,
      { name: 'Ada Admin', email: 'ada@leverantor.se', role: 'support_lead' },
      envs.ada,
    );
    expect(created.code, created.stderr).toBe(0);
    const answer = JSON.parse(created.stdout) as {
      firstMember: { code: string };
      recoveryKit: { text: string };
    };
    kit = answer.recoveryKit.text;
    url = `postgresql://127.0.0.1:${port}/${database.name}`;
    await ok(['init', '--team', url, '--enrol', answer.firstMember.code], envs.ada);
    for (const [who, name, role, admin] of [
      ['tekla', 'Tekla Tekniker', 'technician', []],
      ['fia', 'Fia Finans', 'finance', ['--admin']],
    ] as const) {
      const invited = await ok(
        ['team', 'add-member', '--name', name, '--email', `${who}@leverantor.se`, '--role', role, ...admin],
        envs.ada,
      );
      envs[who] = cliEnv(await home());
      await ok(['init', '--team', url, '--enrol', codeIn(invited)], envs[who]);
    }
  }, 240_000);
  afterAll(async () => {
    await Promise.all(homes.map((h) => h.cleanup()));
    await database?.drop();
  });

  test('team recover: a missing file, empty input, garbage, another team’s kit and a wrong key are refused and change nothing; the kit restores an admin’s keys, audited', async () => {
    const before = await snapshot();
    const dir = await home();
    await refused(
      ['team', 'recover', '--kit', join(dir, 'no-such-kit.txt')],
      envs.ada,
      'Could not read the recovery kit from',
    );
    await refused(['team', 'recover', '--kit', '-'], envs.ada, 'That holds no recovery kit', '');
    const garbage = join(dir, 'garbage.txt');
    await writeFile(garbage, 'inköpslista: mjölk, bröd\n');
    await refused(['team', 'recover', '--kit', garbage], envs.ada, 'That holds no recovery kit');
    await refused(
      ['team', 'recover', '--kit', '-'],
      envs.ada,
      'That is not a recovery kit',
      'LOTSEN-RECOVERY-abc\n',
    );
    const otherTeams = kit.replace(database.name, 'lotsen_other_team');
    await refused(
      ['team', 'recover', '--kit', '-'],
      envs.ada,
      "This recovery kit is the team database lotsen_other_team's",
      otherTeams,
    );
    // The right team's name around another key: a kit of a team made anew in a database of the same name.
    // A and B differ in a character's lowest bit; in the key's first character that bit is one X25519 clamps away.
    const keyAt = `LOTSEN-RECOVERY-${database.name}-`.length;
    const changeAt = keyAt + 12;
    const wrongKey = kit.slice(0, changeAt) + (kit[changeAt] === 'A' ? 'B' : 'A') + kit.slice(changeAt + 1);
    const wrong = await refused(
      ['team', 'recover', '--kit', '-'],
      envs.ada,
      "This is not the team's recovery kit",
      wrongKey,
    );
    // A technician may not: the admin right is needed.
    const kitFile = join(dir, 'kit.txt');
    await writeFile(kitFile, `Lotsen recovery kit, printed for the safe\n\n  ${kit}\n`);
    await refused(['team', 'recover', '--kit', kitFile], envs.tekla, 'admin right');
    expect(await snapshot()).toEqual(before);
    expect(wrong.stderr).not.toContain(wrongKey.slice(keyAt));

    const recovered = await ok(['team', 'recover', '--kit', '-'], envs.ada, `${kit}\n`);
    expect(recovered.stdout).toMatch(/fingerprint [0-9a-f-]+\) restored your keys to: personal, secrets\./);
    expect(recovered.stdout + recovered.stderr).not.toContain(kit.slice(keyAt));
    expect(await events('vault.recovered')).toHaveLength(1);
    // A finance admin's: the personal tree only.
    const fia = await ok(['team', 'recover', '--kit', kitFile, '--json'], envs.fia);
    expect(JSON.parse(fia.stdout)).toMatchObject({ trees: ['personal'] });
  });

  test('team reissue-code, departing, grant-keys: an unknown member, oneself, a bad --database are refused and change nothing', async () => {
    const before = await snapshot();
    for (const command of [
      ['reissue-code', '--member', 'nobody@leverantor.se', '--yes'],
      ['departing', '--member', 'nobody@leverantor.se'],
    ]) {
      await refused(
        ['team', ...command],
        envs.ada,
        'No current member has the id or e-mail address nobody@leverantor.se',
      );
    }
    await refused(
      ['team', 'reissue-code', '--member', 'ada@leverantor.se', '--yes'],
      envs.ada,
      'An admin cannot reissue their own code; ask another admin',
    );
    await refused(
      ['team', 'reissue-code', '--member', 'tekla@leverantor.se', '--yes'],
      envs.tekla,
      'Only a member with the admin right manages members',
    );
    const badUrl = await runCli(
      [
        'team',
        'reissue-code',
        '--member',
        'tekla@leverantor.se',
        '--yes',
        '--database',
        `postgresql://dba:hemligt@127.0.0.1:${runPostgres().port}/${database.name}`,
      ],
      envs.ada,
    );
    expect(badUrl.code).toBe(1);
    expect(badUrl.stderr).not.toBe('');
    expect(badUrl.stderr + badUrl.stdout).not.toContain('hemligt');
    await refused(
      ['team', 'reissue-code', '--member', 'tekla@leverantor.se', '--yes', '--database', 'not a url'],
      envs.ada,
      'postgresql://',
    );
    // import-local: no folder, a folder that is no Lotsen store, a database URL that is not one.
    const empty = await home();
    const importing = (from: string, adminUrl = superuserUrl(database.name)) => [
      'team',
      'import-local',
      '--from',
      from,
      '--database',
      adminUrl,
    ];
    await refused(importing(join(empty, 'gone')), envs.ada, join(empty, 'gone'));
    await refused(importing(empty), envs.ada, `${empty} holds no Lotsen store`);
    // A local store (Lotsen used alone), with its own passphrase.
    const alone = await home();
    await ok(
      [
        'init',
        '--name',
        'Ada',
        '--email',
        'ada@leverantor.se',
        '--role',
        'support_lead',
        '--key-store',
        'passphrase',
      ],
      cliEnv(alone, { LOTSEN_PASSPHRASE: 'ensam hemma' }),
    );
    const wrongPassphrase = await runCli(importing(alone), {
      ...envs.ada,
      LOTSEN_FROM_PASSPHRASE: 'fel fras',
    });
    const badDatabase = await runCli(importing(alone, 'mysql://dba:hemligt@db.example.se/x'), {
      ...envs.ada,
      LOTSEN_FROM_PASSPHRASE: 'ensam hemma',
    });
    expect(wrongPassphrase.code).toBe(1);
    expect(wrongPassphrase.stderr).toMatch(/passphrase/i);
    expect(badDatabase.code).toBe(1);
    expect(badDatabase.stderr).toContain('postgresql://');
    expect(badDatabase.stderr + badDatabase.stdout).not.toContain('hemligt');
    expect(await snapshot()).toEqual(before);

    const granted = await ok(['team', 'grant-keys'], envs.ada);
    expect(granted.stdout).toContain('Every member entitled to a key you hold has it.');
  });

  test('team rotate: nothing due; a finance admin rotates what they hold and leaves the secrets for a holder; departing lists a removed member, reissue-code refuses one', async () => {
    const nothing = await ok(['team', 'rotate'], envs.ada);
    expect(nothing.stdout).toContain('No rotation is due.');
    expect(await trees()).toEqual({ personal: [1, null], secrets: [1, null] });

    // Fia (finance, admin) gives Tekla a new code: Tekla's old key pair leaves both trees.
    const reissued = await ok(['team', 'reissue-code', '--member', 'tekla@leverantor.se', '--yes'], envs.fia);
    expect(codeIn(reissued)).not.toBe('');
    const fia = await ok(['team', 'rotate'], envs.fia);
    // Her unlock or the command rotated the personal tree; the secrets tree she holds no key of stays due.
    expect(fia.stdout).toContain(
      "The key to customers' secrets is due for rotation, but you hold no key of it",
    );
    expect(await trees()).toEqual({ personal: [2, null], secrets: [1, 'code_reissued'] });

    await ok(['team', 'rotate'], envs.ada);
    expect(await trees()).toEqual({ personal: [2, null], secrets: [2, null] });
    expect(
      (await events('vault.rotated')).map((d) => (JSON.parse(d) as { tree: string }).tree).sort(),
    ).toEqual(['personal', 'secrets']);

    await ok(['team', 'remove-member', '--member', 'tekla@leverantor.se', '--yes'], envs.ada);
    const departing = await ok(['team', 'departing', '--member', 'tekla@leverantor.se'], envs.ada);
    expect(departing.stdout).toContain(
      'Tekla Tekniker revealed no customer secret and used none in a session.',
    );
    const before = await snapshot();
    await refused(
      ['team', 'reissue-code', '--member', 'tekla@leverantor.se', '--yes'],
      envs.ada,
      'No current member has the id or e-mail address tekla@leverantor.se',
    );
    expect(await snapshot()).toEqual(before);
  });
});
