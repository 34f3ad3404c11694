import { chmod, cp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { Backend } from '../../../main/app/backend.node.ts';
import { dataFiles } from '../../../main/app/dataDir.node.ts';
import { startRecording } from '../../../main/sessions/recording/recorder.ts';
import { recordingChunksFiles } from '../../../main/store/recordingChunksFile.node.ts';
import { makeRegistryFile } from '../../support/registryFixture.ts';
import { cliEnv, runCli } from '../../support/runCli.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe.skipIf(process.platform === 'win32')('lotsen doctor', () => {
  // One set-up store (each CLI run pays scrypt), copied afresh for each test.
  let template: Awaited<ReturnType<typeof makeTempDataDir>>;
  let temp: Awaited<ReturnType<typeof makeTempDataDir>>;
  let home: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    template = await makeTempDataDir('lotsen-doctor-template-');
    const templateEnv = cliEnv(join(template.dir, 'data'));
    const init = await runCli(
      ['init', '--name', 'Tekla', '--email', 't@l.se', '--role', 'technician'],
      templateEnv,
    );
    expect(init.code).toBe(0);
    const registry = join(template.dir, 'kunder.json');
    await writeFile(registry, JSON.stringify(makeRegistryFile(30)));
    expect((await runCli(['registry', 'import', registry], templateEnv)).code).toBe(0);
  });
  afterAll(async () => template.cleanup());
  beforeEach(async () => {
    temp = await makeTempDataDir('lotsen-doctor-');
    home = join(temp.dir, 'data');
    await cp(join(template.dir, 'data'), home, { recursive: true });
    env = cliEnv(home);
  });
  afterEach(async () => temp.cleanup());

  test('a sound folder checks out: exit 0, each check ok, in text and in JSON', async () => {
    const run = await runCli(['doctor'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ok +File modes +1 folder and \d+ files, all owner-only/);
    expect(run.stdout).toMatch(/ok +Store structure +SQLite’s integrity check passed/);
    expect(run.stdout).toMatch(/ok +Store pages +all \d+ pages are as SQLite wrote them/);
    expect(run.stdout).toMatch(/ok +Recordings +every recording’s output is stored/);
    // The template's one event: its registry import.
    expect(run.stdout).toMatch(/ok +Audit log +intact: 1 event$/m);
    expect(run.stdout).toContain('Everything checks out.');

    const json = JSON.parse((await runCli(['doctor', '--json'], env)).stdout);
    expect(json).toMatchObject({ dataDir: home, healthy: true });
    expect(json.checks.map((c: { check: string; status: string }) => `${c.check} ${c.status}`)).toEqual([
      'modes ok',
      'structure ok',
      'pages ok',
      'recordings ok',
      'audit ok',
    ]);
  });

  test('loose modes are tightened and listed, and the run still exits 0', async () => {
    await chmod(home, 0o755);
    await chmod(dataFiles.database(home), 0o644);
    await mkdir(join(home, 'extra'), { mode: 0o755 });
    await writeFile(join(home, 'extra', 'notes.txt'), 'x', { mode: 0o640 });

    const run = await runCli(['doctor'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/REPAIRED +File modes +4 paths others could reach, now owner-only/);
    expect(run.stdout).toContain('.: was 0755, now 0700');
    expect(run.stdout).toContain('lotsen.db: was 0644, now 0600');
    expect(run.stdout).toContain('extra/notes.txt: was 0640, now 0600');
    expect(await modeOf(home)).toBe(0o700);
    expect(await modeOf(dataFiles.database(home))).toBe(0o600);
    expect(await modeOf(join(home, 'extra'))).toBe(0o700);
    expect(await modeOf(join(home, 'extra', 'notes.txt'))).toBe(0o600);
  });

  test('bytes flipped in the last page are reported as damage, and doctor exits 1', async () => {
    const file = dataFiles.database(home);
    const bytes = await readFile(file);
    const lastPage = bytes.length / 4096;
    const at = bytes.length - 4096 + 200;
    bytes.writeUInt16BE(bytes.readUInt16BE(at) ^ 0xffff, at);
    await writeFile(file, bytes);

    const run = await runCli(['doctor'], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`FAILED +Store pages +1 of ${lastPage} pages damaged`));
    expect(run.stdout).toContain(`page ${lastPage} is not as SQLite wrote it`);
    expect(run.stdout).toContain('The store is damaged: restore a backup with `lotsen restore FILE`');
  });

  test('a lost recordings file is a failed check naming the recordings whose output is gone', async () => {
    const backend = await Backend.open({ dataDir: home });
    let recordingId: string;
    try {
      await backend.unlock(env.LOTSEN_PASSPHRASE!);
      const recorder = await startRecording(backend.registryContext().db, {
        owner: { kind: 'ticket', id: 't1' },
        width: 80,
        height: 24,
      });
      recorder.output(new TextEncoder().encode('Get-Service adfssrv\r\n'));
      recordingId = (await recorder.finish()).id;
    } finally {
      await backend.close();
    }
    expect((await runCli(['doctor'], env)).stdout).toMatch(/ok +Recordings/);

    for (const file of recordingChunksFiles(dataFiles.database(home))) await rm(file, { force: true });
    const run = await runCli(['doctor'], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /FAILED +Recordings +1 recording recorded output that is not stored: lotsen\.db-recordings was lost or replaced/,
    );
    expect(run.stdout).toContain(`recording ${recordingId}`);
    expect(run.stdout).toMatch(/ok +Store structure/);
  });

  test('a missing store is a failed check with what to do; the modes are still checked', async () => {
    await rm(dataFiles.database(home));
    const run = await runCli(['doctor'], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/ok +File modes/);
    expect(run.stdout).toMatch(/FAILED +Store +the store cannot be opened/);
    expect(run.stdout).toContain('is missing. Lotsen did not make a new, empty one');
    expect(run.stdout).toMatch(/SKIPPED +Audit log/);
    await expect(stat(dataFiles.database(home))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
