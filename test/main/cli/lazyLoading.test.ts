import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cliEnv, runCli } from '../../support/runCli.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

/*
 * Issue 17, a CLI that starts at once: a command loads what it uses and nothing else. The built `lotsen` runs with
 * a preload that lists, as it exits, the packages the process loaded (test/support/recordLoadedPackages.mjs).
 */
const recorder = fileURLToPath(new URL('../../support/recordLoadedPackages.mjs', import.meta.url));
const formatters = fileURLToPath(new URL('../../support/recordIntlFormatters.mjs', import.meta.url));
const BACKEND_PACKAGES = [
  'better-sqlite3-multiple-ciphers',
  'keytar',
  'ssh2',
  'node-pty',
  'pg',
  'ws',
  'exceljs',
];

let home: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir: home, cleanup } = await makeTempDataDir('lotsen-lazy-'));
});
afterEach(async () => cleanup());

async function loadedBy(args: string[]): Promise<{ stdout: string; packages: string[] }> {
  const list = join(home, 'loaded.txt');
  const run = await runCli(
    args,
    cliEnv(home, { NODE_OPTIONS: `--import ${recorder}`, LOTSEN_TEST_LOADED_FILE: list }),
  );
  expect(run).toMatchObject({ code: 0, stderr: '' });
  return { stdout: run.stdout, packages: (await readFile(list, 'utf8')).split('\n').filter(Boolean) };
}

async function initPassphraseStore(): Promise<void> {
  const init = await runCli(
    ['init', '--name', 'Tekla Tekniker', '--email', 'tekla@leverantor.se', '--role', 'technician'].concat([
      '--key-store',
      'passphrase',
    ]),
    cliEnv(home),
  );
  expect(init).toMatchObject({ code: 0, stderr: '' });
}

describe('what a lotsen command loads', () => {
  test('--help lists every command and loads no backend package', async () => {
    const { stdout, packages } = await loadedBy(['--help']);
    expect(stdout).toContain('sla');
    expect(stdout).toContain('team');
    expect(packages.filter((p) => BACKEND_PACKAGES.includes(p) || p === 'date-holidays')).toEqual([]);
  });

  test('sla due answers from the generated holiday data: no backend package, no date-holidays', async () => {
    // Midsommarafton 2026 is on Friday 19 June: from Thursday 16:00, eight office hours end on Monday at 15:00.
    const { stdout, packages } = await loadedBy(['sla', 'due', '--received', '2026-06-18T16:00:00+02:00']);
    expect(stdout).toBe('2026-06-22T15:00:00+02:00\n');
    expect(packages.filter((p) => BACKEND_PACKAGES.includes(p) || p === 'date-holidays')).toEqual([]);
  });

  test('a command on the store does load the database driver (the recorder sees what is loaded)', async () => {
    const { packages } = await loadedBy(['doctor', '--help']);
    expect(packages).not.toContain('better-sqlite3-multiple-ciphers');
    const run = await runCli(['customers', 'list'], {
      ...cliEnv(home, { NODE_OPTIONS: `--import ${recorder}`, LOTSEN_TEST_LOADED_FILE: join(home, 'c.txt') }),
    });
    expect(run.code).toBe(1);
    expect(await readFile(join(home, 'c.txt'), 'utf8')).toContain('better-sqlite3-multiple-ciphers');
  });

  test('a command on an embedded store loads neither the sessions (ssh2, node-pty) nor the team database (pg)', async () => {
    await initPassphraseStore();
    const { stdout, packages } = await loadedBy(['customers', 'list', '--json']);
    expect(JSON.parse(stdout)).toEqual([]);
    // The store's driver is loaded, so the API was made: its session manager and team handlers came without these.
    expect(packages).toContain('better-sqlite3-multiple-ciphers');
    expect(packages.filter((p) => ['ssh2', 'node-pty', 'pg', 'ws', 'exceljs'].includes(p))).toEqual([]);
  });

  test('--help and a listing on an empty store make no date or number formatter and no collator: ICU starts each in ms', async () => {
    const made = async (args: string[]) => {
      const file = join(home, 'formatters.txt');
      const run = await runCli(
        args,
        cliEnv(home, { NODE_OPTIONS: `--import ${formatters}`, LOTSEN_TEST_INTL_FILE: file }),
      );
      expect(run).toMatchObject({ code: 0, stderr: '' });
      return (await readFile(file, 'utf8')).split('\n').filter(Boolean);
    };
    expect(await made(['--help'])).toEqual([]);
    await initPassphraseStore();
    expect(await made(['customers', 'list', '--json'])).toEqual([]);
  });
});
