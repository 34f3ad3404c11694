import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { Backend } from '../../../main/app/backend.node.ts';
import { startRecording } from '../../../main/sessions/recording/recorder.ts';
import { asciinemaCat } from '../../support/asciinema.ts';
import { cliEnv, runCli } from '../../support/runCli.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

let home: Awaited<ReturnType<typeof makeTempDataDir>>;
beforeEach(async () => {
  home = await makeTempDataDir('lotsen-recordings-cli-');
});
afterEach(async () => home.cleanup());

test('lotsen recordings export writes a .cast that asciinema plays, and audits it; an unknown id writes nothing', async () => {
  const env = cliEnv(home.dir);
  expect(
    (await runCli(['init', '--name', 'Tekla', '--email', 't@l.se', '--role', 'technician'], env)).code,
  ).toBe(0);
  const backend = await Backend.open({ dataDir: home.dir });
  await backend.unlock(env.LOTSEN_PASSPHRASE!);
  const recorder = await startRecording(backend.registryContext().db, { width: 80, height: 24 });
  recorder.output(
    new TextEncoder().encode('Get-Service adfssrv\r\nRunning  adfssrv  Tjänsten för AD FS\r\n'),
  );
  await recorder.finish();
  await backend.close();

  const listed = JSON.parse((await runCli(['recordings', 'list', '--json'], env)).stdout);
  expect(listed).toEqual([expect.objectContaining({ id: recorder.id, bytes: expect.any(Number) })]);

  const file = join(home.dir, 'session.cast');
  const exported = await runCli(['recordings', 'export', recorder.id, '--out', file], env);
  expect(exported.code).toBe(0);
  expect(exported.stderr).toMatch(/audit log/);
  expect(await asciinemaCat(file)).toContain('Tjänsten för AD FS');

  const [event] = JSON.parse((await runCli(['audit', 'list', '--json'], env)).stdout);
  expect(event).toMatchObject({ event: 'recording.exported', subjectId: recorder.id, details: { file } });

  const missing = join(home.dir, 'none.cast');
  const unknown = await runCli(
    ['recordings', 'export', '00000000-0000-4000-8000-000000000000', '--out', missing],
    env,
  );
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toMatch(/no recording/i);
  expect(existsSync(missing)).toBe(false);
  expect(JSON.parse((await runCli(['audit', 'list', '--json'], env)).stdout)).toHaveLength(1);
});
