import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Backend } from '../../../main/app/backend.node.ts';
import { cliEnv, runCli } from '../../support/runCli.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

let home: Awaited<ReturnType<typeof makeTempDataDir>>;
beforeEach(async () => {
  home = await makeTempDataDir('lotsen-audit-cli-');
});
afterEach(async () => home.cleanup());

describe('lotsen audit', () => {
  test('verify exits 0 on an intact log and 1 naming the first bad event; export with secrets is audited', async () => {
    const env = cliEnv(home.dir);
    expect(
      (await runCli(['init', '--name', 'Tekla', '--email', 't@l.se', '--role', 'technician'], env)).code,
    ).toBe(0);
    expect(
      (await runCli(['registry', 'export', '--include-secrets', '--out', `${home.dir}/x.json`], env)).code,
    ).toBe(0);
    expect(
      (await runCli(['registry', 'export', '--include-secrets', '--out', `${home.dir}/y.json`], env)).code,
    ).toBe(0);

    const listed = JSON.parse((await runCli(['audit', 'list', '--json'], env)).stdout);
    expect(listed.map((e: { event: string }) => e.event)).toEqual([
      'registry.exported_with_secrets',
      'registry.exported_with_secrets',
    ]);
    const intact = await runCli(['audit', 'verify'], env);
    expect(intact).toMatchObject({ code: 0, stdout: 'The audit log is intact: 2 events.\n' });

    // Tamper through the store, opened with its key, as the CLI itself opens it.
    const backend = await Backend.open({ dataDir: home.dir });
    await backend.unlock(env.LOTSEN_PASSPHRASE!);
    const tamperDb = backend.registryContext().db;
    await sql`DROP TRIGGER audit_events_no_update`.execute(tamperDb);
    await sql`UPDATE audit_events SET details = '{"customers":0,"to":"nowhere"}' WHERE seq = 1`.execute(
      tamperDb,
    );
    await backend.close();

    const broken = await runCli(['audit', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toBe(
      'lotsen: the audit log is broken at event 1: event 1 is not as it was written: it was edited\n',
    );
  });
});
