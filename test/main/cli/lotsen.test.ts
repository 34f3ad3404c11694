import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cliEnv, runCli } from '../../support/runCli.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

let home: string;
let cleanup: () => Promise<void>;
let env: NodeJS.ProcessEnv;
beforeEach(async () => {
  ({ dir: home, cleanup } = await makeTempDataDir('lotsen-cli-'));
  env = cliEnv(home);
});
afterEach(async () => cleanup());

const init = () =>
  runCli(['init', '--name', 'Tekla Tekniker', '--email', 'tekla@leverantor.se', '--role', 'technician'], env);

describe('lotsen init', () => {
  test('with no keychain it wraps the key with the passphrase; a second init is refused', async () => {
    const first = await init();
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toContain('wrapped by your passphrase');
    const second = await init();
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('already holds a Lotsen store');
  });

  test('no keychain and no passphrase in a non-interactive run says what to do and creates nothing', async () => {
    const run = await runCli(['init', '--name', 'T', '--email', 't@l.se', '--role', 'finance'], {
      ...env,
      LOTSEN_PASSPHRASE: '',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/No OS keychain answered .* and no passphrase was given/);
    expect(run.stderr).toContain('LOTSEN_PASSPHRASE');
  });

  test('usage errors exit 2 and name the problem', async () => {
    const run = await runCli(['init', '--name', 'T', '--email', 't@l.se', '--role', 'chef'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "argument 'chef' is invalid. Allowed choices are technician, support_lead, finance",
    );
    expect((await runCli(['customers', 'frobnicate'], env)).code).toBe(2);
  });

  test('LOTSEN_PASSPHRASE_FILE works in place of LOTSEN_PASSPHRASE', async () => {
    // Beside the data folder, not in it: a passphrase file is not part of the store.
    const passDir = await makeTempDataDir('lotsen-pass-');
    const file = join(passDir.dir, 'pass.txt');
    await writeFile(file, 'från fil\n');
    const previousCleanup = cleanup;
    cleanup = async () => {
      await previousCleanup();
      await passDir.cleanup();
    };
    const fileEnv = { ...env, LOTSEN_PASSPHRASE: '', LOTSEN_PASSPHRASE_FILE: file };
    expect(
      (
        await runCli(
          ['init', '--name', 'T', '--email', 't@l.se', '--role', 'finance', '--key-store', 'passphrase'],
          fileEnv,
        )
      ).code,
    ).toBe(0);
    expect((await runCli(['customers', 'list'], fileEnv)).code).toBe(0);
    expect((await runCli(['customers', 'list'], { ...env, LOTSEN_PASSPHRASE: 'från fil' })).code).toBe(0);
  });
});

describe('lotsen --help', () => {
  test.each([
    [[], ['init', 'serve', 'customers', 'registry', 'eligibility', 'tickets', 'sla', 'audit']],
    [['init'], ['--name', '--email', '--role', '--key-store', '--json', 'Example']],
    [['serve'], ['--port', '--json']],
    [
      ['customers', 'list'],
      ['--search', '--json'],
    ],
    [
      ['customers', 'add'],
      ['--name', '--org-number', '--kind', '--json'],
    ],
    [
      ['registry', 'import'],
      ['<file>', '--json'],
    ],
    [
      ['registry', 'export'],
      ['--out', '--include-secrets'],
    ],
    [['eligibility'], ['--customer', '--at', '--json']],
    [
      ['tickets', 'list'],
      ['--all', '--json'],
    ],
    [
      ['sla', 'due'],
      ['--received', '--hours', '--acute', '--json'],
    ],
    [['audit', 'verify'], ['--json']],
    [
      ['audit', 'list'],
      ['--event', '--limit', '--json'],
    ],
  ])('lotsen %s --help lists its options', async (args, expected) => {
    const run = await runCli([...args, '--help'], env);
    expect(run.code).toBe(0);
    for (const word of expected) expect(run.stdout).toContain(word);
  });
});

describe('customers', () => {
  beforeEach(async () => {
    expect((await init()).code).toBe(0);
  });

  test('add, list and search by name (accent-folded), number without dash; --json parses', async () => {
    expect(
      (
        await runCli(
          [
            'customers',
            'add',
            '--name',
            'Göteborgs Stad',
            '--org-number',
            '212000-1355',
            '--kind',
            'municipality',
          ],
          env,
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await runCli(
          [
            'customers',
            'add',
            '--name',
            'Lunds kommun',
            '--org-number',
            '2120001215',
            '--kind',
            'municipality',
          ],
          env,
        )
      ).code,
    ).toBe(0);
    const table = await runCli(['customers', 'list'], env);
    expect(table.stdout.split('\n')[0]).toMatch(/^NAME\s+ORG\. NO\./);
    expect(table.stdout).toContain('Göteborgs Stad');
    expect(table.stdout).toContain('212000-1215');

    const byAccent = JSON.parse(
      (await runCli(['customers', 'list', '--search', 'goteborg', '--json'], env)).stdout,
    );
    expect(byAccent.map((c: { name: string }) => c.name)).toEqual(['Göteborgs Stad']);
    const byNumber = JSON.parse(
      (await runCli(['customers', 'list', '--search', '2120001215', '--json'], env)).stdout,
    );
    expect(byNumber.map((c: { name: string }) => c.name)).toEqual(['Lunds kommun']);
  });

  test('an invalid organisation number is refused with the field named, and nothing is added', async () => {
    const run = await runCli(
      ['customers', 'add', '--name', 'X', '--org-number', '212000-1356', '--kind', 'other'],
      env,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('orgNumber: "212000-1356" is not a valid Swedish organisation number');
    expect((await runCli(['customers', 'list'], env)).stdout).toContain('No customers yet');
  });

  test('a wrong passphrase fails clearly and changes nothing; no passphrase at all says how to give one', async () => {
    const wrong = await runCli(['customers', 'list'], { ...env, LOTSEN_PASSPHRASE: 'fel' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe(
      'lotsen: Wrong passphrase: the key file did not open with it. Nothing was changed.\n',
    );
    const none = await runCli(['customers', 'list'], { ...env, LOTSEN_PASSPHRASE: '' });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('Set LOTSEN_PASSPHRASE or LOTSEN_PASSPHRASE_FILE');
  });
});

describe('lotsen sla due', () => {
  test('prints the due instant with its Stockholm offset', async () => {
    expect((await runCli(['sla', 'due', '--received', '2026-11-20T14:00:00+01:00'], env)).stdout).toBe(
      '2026-11-23T13:00:00+01:00\n',
    );
    expect(
      (await runCli(['sla', 'due', '--received', '2026-04-02T15:00:00+02:00', '--hours', '8'], env)).stdout,
    ).toBe('2026-04-07T14:00:00+02:00\n');
    expect(
      (await runCli(['sla', 'due', '--received', '2026-11-20T23:30:00+01:00', '--acute'], env)).stdout,
    ).toBe('2026-11-21T01:30:00+01:00\n');
    const json = JSON.parse(
      (await runCli(['sla', 'due', '--received', '2026-06-18T10:00:00+02:00', '--no-eves', '--json'], env))
        .stdout,
    );
    expect(json).toEqual({
      received: '2026-06-18T10:00:00+02:00',
      hours: 8,
      acute: false,
      due: '2026-06-19T09:00:00+02:00',
    });
  });

  test('an instant without an offset is a usage error', async () => {
    const run = await runCli(['sla', 'due', '--received', '2026-11-20T14:00'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('ISO 8601 instant with an offset');
  });
});

describe('lotsen serve', () => {
  test('prints the URL line and answers on 127.0.0.1; SIGTERM stops it cleanly', async () => {
    expect((await init()).code).toBe(0);
    const bin = fileURLToPath(new URL('../../../bin/lotsen.js', import.meta.url));
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], { env });
    const url = await new Promise<string>((resolve, reject) => {
      let seen = '';
      child.stdout.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        const match = /^Lotsen is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)\n/m.exec(seen);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
    });
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
