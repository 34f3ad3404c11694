import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Backend } from '../../../main/app/backend.node.ts';
import { dataFiles } from '../../../main/app/dataDir.node.ts';
import { startRecording } from '../../../main/sessions/recording/recorder.ts';
import { asciinemaCat } from '../../support/asciinema.ts';
import { cliEnv, runCli } from '../../support/runCli.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

// One store with one recording for the whole file: each CLI run already pays the passphrase's KDF once.
let home: Awaited<ReturnType<typeof makeTempDataDir>>;
let env: NodeJS.ProcessEnv;
let recordingId: string;
beforeAll(async () => {
  home = await makeTempDataDir('lotsen-recordings-cli-');
  const dataDir = join(home.dir, 'data');
  env = cliEnv(dataDir);
  expect(
    (await runCli(['init', '--name', 'Tekla', '--email', 't@l.se', '--role', 'technician'], env)).code,
  ).toBe(0);
  const backend = await Backend.open({ dataDir });
  await backend.unlock(env.LOTSEN_PASSPHRASE!);
  const recorder = await startRecording(backend.registryContext().db, {
    owner: { kind: 'ticket', id: 'ticket-1' },
    width: 80,
    height: 24,
  });
  recorder.output(
    new TextEncoder().encode('Get-Service adfssrv\r\nRunning  adfssrv  Tjänsten för AD FS\r\n'),
  );
  await recorder.finish();
  await backend.close();
  recordingId = recorder.id;
});
afterAll(async () => home?.cleanup());

let folders = 0;
/** An empty folder of the test's own for the files it writes, so it can see everything an export leaves behind. */
async function outFolder(): Promise<string> {
  const dir = join(home.dir, `out-${++folders}`);
  await mkdir(dir);
  return dir;
}

/** How many events the audit log holds, from the head file beside the store (no CLI run, so no KDF). */
const auditedSoFar = async () =>
  (JSON.parse(await readFile(dataFiles.auditHead(env.LOTSEN_HOME!), 'utf8')) as { seq: number }).seq;

const TEKLAS_FILE = 'Teklas egna anteckningar, inte en inspelning\n';

// Seven runs of the real CLI, each unlocking a passphrase store (a deliberate scrypt): over 30 s on a busy CI machine.
test(
  'lotsen recordings export writes a .cast that asciinema plays, and audits it; an unknown id writes nothing',
  { timeout: 90_000 },
  async () => {
    const listed = JSON.parse((await runCli(['recordings', 'list', '--json'], env)).stdout);
    expect(listed).toEqual([expect.objectContaining({ id: recordingId, bytes: expect.any(Number) })]);

    const folder = await outFolder();
    const file = join(folder, 'session.cast');
    const exported = await runCli(['recordings', 'export', recordingId, '--out', file], env);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toMatch(/audit log/);
    expect(await asciinemaCat(file)).toContain('Tjänsten för AD FS');
    expect(await readdir(folder)).toEqual(['session.cast']);

    const events = JSON.parse((await runCli(['audit', 'list', '--json'], env)).stdout);
    expect(events[0]).toMatchObject({
      event: 'recording.exported',
      subjectId: recordingId,
      details: { file },
    });
    const audited = await auditedSoFar();
    expect(audited).toBe(events.length);

    const missing = join(folder, 'none.cast');
    const unknown = await runCli(
      ['recordings', 'export', '00000000-0000-4000-8000-000000000000', '--out', missing],
      env,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no recording/i);
    expect(existsSync(missing)).toBe(false);
    expect(await readdir(folder)).toEqual(['session.cast']);
    expect(await auditedSoFar()).toBe(audited);

    // A relative --out is logged as the absolute file it wrote.
    const relative = await runCli(['recordings', 'export', recordingId, '--out', 'relative.cast'], env, {
      cwd: folder,
    });
    expect(relative.code).toBe(0);
    const [latest] = JSON.parse((await runCli(['audit', 'list', '--json', '--limit', '1'], env)).stdout);
    expect(latest).toMatchObject({
      event: 'recording.exported',
      details: { file: join(folder, 'relative.cast') },
    });
  },
);

describe('an existing --out file', () => {
  test('is refused without --force, naming the flag, and left as it was; --force replaces it', async () => {
    const folder = await outFolder();
    const file = join(folder, 'session.cast');
    await writeFile(file, TEKLAS_FILE);
    const before = await auditedSoFar();

    const refused = await runCli(['recordings', 'export', recordingId, '--out', file], env);
    expect(refused).toEqual({
      code: 1,
      stdout: '',
      stderr: `lotsen: ${file} exists already; nothing was exported. Replace it with --force.\n`,
    });
    expect(await readFile(file, 'utf8')).toBe(TEKLAS_FILE);
    expect(await readdir(folder)).toEqual(['session.cast']);
    expect(await auditedSoFar()).toBe(before);

    const forced = await runCli(['recordings', 'export', recordingId, '--out', file, '--force'], env);
    expect(forced.code).toBe(0);
    expect(await asciinemaCat(file)).toContain('Tjänsten för AD FS');
    expect(await readdir(folder)).toEqual(['session.cast']);
    expect(await auditedSoFar()).toBe(before + 1);
  });

  test('is never deleted by a failed export, even with --force', async () => {
    // A store of its own, whose audit log cannot be written: the head file beside it is now a folder, so every
    // append fails after the store has taken the event (a full disk or a broken file would do the same).
    const dataDir = join(home.dir, 'broken-audit');
    await cp(join(home.dir, 'data'), dataDir, { recursive: true });
    await rm(dataFiles.auditHead(dataDir), { force: true });
    await mkdir(dataFiles.auditHead(dataDir));
    const brokenEnv = cliEnv(dataDir);

    const folder = await outFolder();
    const file = join(folder, 'session.cast');
    await writeFile(file, TEKLAS_FILE);

    const failed = await runCli(['recordings', 'export', recordingId, '--out', file, '--force'], brokenEnv);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^lotsen: .*audit-head\.json/);
    expect(await readFile(file, 'utf8')).toBe(TEKLAS_FILE);
    expect(await readdir(folder)).toEqual(['session.cast']);

    const unknown = await runCli(
      ['recordings', 'export', '00000000-0000-4000-8000-000000000000', '--out', file, '--force'],
      env,
    );
    expect(unknown.code).toBe(1);
    expect(await readFile(file, 'utf8')).toBe(TEKLAS_FILE);
    expect(await readdir(folder)).toEqual(['session.cast']);
  });
});

test('a folder that does not exist is named, and nothing is written', async () => {
  const folder = join(home.dir, 'saknas');
  const refused = await runCli(
    ['recordings', 'export', recordingId, '--out', join(folder, 'session.cast')],
    env,
  );
  expect(refused).toEqual({
    code: 1,
    stdout: '',
    stderr: `lotsen: The folder ${folder} does not exist; nothing was exported.\n`,
  });
  expect(existsSync(folder)).toBe(false);
});

test('--help names --force', async () => {
  const help = await runCli(['recordings', 'export', '--help'], env);
  expect(help.code).toBe(0);
  expect(help.stdout).toMatch(/--force\s+replace the --out file if it exists/);
});
