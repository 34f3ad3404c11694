import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { Backend } from '../../../main/app/backend.node.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { localOpenInput, prepareSessionCustomer } from '../../support/sessionCustomer.ts';
import { openBrowserSession, type BrowserSessionClient } from '../../support/browserSession.ts';
import { makeRegistryFile } from '../../support/registryFixture.ts';
import { cliEnv, runCli } from '../../support/runCli.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

/** Every file in the data folder with a hash of its bytes: what "nothing changed" means. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    files[name] = createHash('sha256')
      .update(await readFile(join(dir, name)))
      .digest('hex');
  }
  return files;
}

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
    const noRole = await runCli(['init', '--name', 'T', '--email', 't@l.se'], env);
    expect(noRole.code).toBe(2);
    expect(noRole.stderr).toContain("required option '--role <role>' not specified");
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
    [['customers'], ['list', 'add']],
    [['registry'], ['import', 'export']],
    [['tickets'], ['list']],
    [['sla'], ['due']],
    [['audit'], ['verify', 'list']],
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
  ])('lotsen %s --help describes it, lists its options and gives an example', async (args, expected) => {
    const run = await runCli([...args, '--help'], env);
    expect(run.code).toBe(0);
    for (const word of expected) expect(run.stdout).toContain(word);
    expect(run.stdout).toMatch(/\nExample:\n {2}lotsen /);
  });
});

test('a reader that stops early (lotsen --help | head) ends it quietly, not with a stack trace', async () => {
  // The read end is closed before the command writes anything, so its first write meets a closed pipe every time.
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('../../../bin/lotsen.js', import.meta.url)), '--help'],
    {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(stderr).toBe('');
  expect(code).toBe(0);
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

  test('search finds customers by host and by contact e-mail, and says what matched', async () => {
    const file = join(home, 'kunder.json');
    await writeFile(file, JSON.stringify(makeRegistryFile(3)));
    expect((await runCli(['registry', 'import', file], env)).code).toBe(0);

    const byHost = await runCli(['customers', 'list', '--search', 'WAP1.k1.se'], env);
    expect(byHost.stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(byHost.stdout).toMatch(/^Skolkoncernen Örebro 1 AB .*host wap1\.k1\.se$/m);

    const byContact = JSON.parse(
      (await runCli(['customers', 'list', '--search', 'kontakt1.k2@lulea.se', '--json'], env)).stdout,
    );
    expect(byContact).toEqual([
      expect.objectContaining({
        name: 'Skolkoncernen Luleå 2 AB',
        matchedOn: ['contact kontakt1.k2@lulea.se'],
      }),
    ]);
  });

  test('a wrong passphrase fails clearly and changes nothing; no passphrase at all says how to give one', async () => {
    const before = await snapshot(home);
    const wrong = await runCli(['customers', 'list'], { ...env, LOTSEN_PASSPHRASE: 'fel' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe(
      'lotsen: Wrong passphrase: the key file did not open with it. Nothing was changed.\n',
    );
    const none = await runCli(['customers', 'list'], { ...env, LOTSEN_PASSPHRASE: '' });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('Set LOTSEN_PASSPHRASE or LOTSEN_PASSPHRASE_FILE');
    expect(await snapshot(home)).toEqual(before);
    expect((await runCli(['customers', 'list'], env)).code).toBe(0);
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

/** Runs `work` on a backend of this test's folder, unlocked with its passphrase, and closes it. */
async function withBackend<T>(work: (backend: Backend) => Promise<T>): Promise<T> {
  const backend = await Backend.open({ dataDir: home });
  try {
    await backend.unlock(env.LOTSEN_PASSPHRASE!);
    return await work(backend);
  } finally {
    await backend.close();
  }
}

/** Starts `lotsen serve` as a child process and resolves with the first line it prints on stdout. */
function startServe(args: string[], serveEnv: NodeJS.ProcessEnv) {
  const bin = fileURLToPath(new URL('../../../bin/lotsen.js', import.meta.url));
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', ...args], { env: serveEnv });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let seen = '';
  child.stdout.on('data', (chunk: Buffer) => (seen += chunk.toString()));
  /** Resolves with the stdout line numbered `index` (from 0), once it is complete. */
  const line = (index: number) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const lines = seen.split('\n');
        if (lines.length > index + 1) {
          child.stdout.off('data', check);
          resolve(`${lines[index]}\n`);
        }
      };
      child.stdout.on('data', check);
      check();
      void exited.then((code) => reject(new Error(`serve exited ${code}`)));
    });
  return { child, exited, firstLine: line(0), line };
}

/** One API call over browser mode's WebSocket, authenticated as the page would be: by its session's cookie. */
async function callOverWebSocket(
  session: BrowserSessionClient,
  method: string,
  input: unknown = {},
): Promise<unknown> {
  const socket = await session.connect();
  try {
    const answer = new Promise<unknown>((resolve) => {
      socket.on('message', (data, isBinary) => {
        // A session opened here sends its terminal's output as binary frames: not answers.
        if (isBinary) return;
        const message = JSON.parse(String(data)) as { type: string; id?: number; result?: unknown };
        if (message.type === 'result' && message.id === 1) resolve(message.result);
      });
    });
    socket.send(JSON.stringify({ type: 'call', id: 1, method, input }));
    return await answer;
  } finally {
    socket.close();
  }
}

describe('lotsen serve', () => {
  test('prints a single-use link and answers on 127.0.0.1; Enter prints a new link; SIGTERM stops it cleanly', async () => {
    expect((await init()).code).toBe(0);
    const serve = startServe([], env);
    const match = /^Lotsen is running at (http:\/\/127\.0\.0\.1:\d+\/[\w-]{43}\/\?token=[\w-]{43})\n$/.exec(
      await serve.firstLine,
    );
    expect(match).not.toBeNull();
    const session = await openBrowserSession(match![1]!);
    expect(session.appUrl).toBe(match![1]!.split('?')[0]);
    // The built app itself is what the link opens (serve finds dist/renderer from wherever its code was bundled).
    const page = await fetch(session.appUrl, { headers: { Cookie: session.cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root">/);
    expect(await callOverWebSocket(session, 'app.status')).toMatchObject({
      ok: true,
      value: { state: 'unlocked' },
    });
    await expect(openBrowserSession(match![1]!)).rejects.toThrow('refused the link (401)');

    serve.child.stdin.write('\n');
    const second = /^New link \(works once\): (\S+)\n$/.exec(await serve.line(1))![1]!;
    expect(second).not.toBe(match![1]);
    expect(second.split('?')[0]).toBe(session.appUrl);
    expect(await callOverWebSocket(await openBrowserSession(second), 'app.status')).toMatchObject({
      ok: true,
    });
    serve.child.kill('SIGTERM');
    expect(await serve.exited).toBe(0);
  });

  test('a session a killed serve left open is ended as the next serve starts, before anything asks about sessions', async () => {
    expect((await init()).code).toBe(0);
    const prepared = await withBackend(async (backend) =>
      prepareSessionCustomer(apiCaller(createApi(backend)), {
        host: 'wap01.vaxjo.se',
        port: 22,
        username: 'svc_lotsen',
        secret: 'x',
      }),
    );
    const first = startServe(['--json'], { ...env, SHELL: '/bin/sh' });
    const session = await openBrowserSession((JSON.parse(await first.firstLine) as { url: string }).url);
    const opened = (await callOverWebSocket(session, 'sessions.open', localOpenInput(prepared))) as {
      ok: boolean;
      value: { id: string };
    };
    expect(opened.ok).toBe(true);
    const stateOf = () =>
      withBackend((backend) =>
        backend
          .registryContext()
          .db.selectFrom('sessions')
          .select(['state', 'end_code'])
          .where('id', '=', opened.value.id)
          .executeTakeFirstOrThrow(),
      );
    await vi.waitFor(async () => expect(await stateOf()).toMatchObject({ state: 'open' }), {
      timeout: 10_000,
      interval: 100,
    });
    // A crash: the shell's process is gone with it, its row still says open.
    first.child.kill('SIGKILL');
    await first.exited;
    expect(await stateOf()).toMatchObject({ state: 'open', end_code: null });

    const second = startServe(['--json'], env);
    await second.firstLine;
    await vi.waitFor(async () => expect(await stateOf()).toMatchObject({ end_code: 'INTERRUPTED' }), {
      timeout: 10_000,
      interval: 100,
    });
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 60_000);

  test('a passphrase store with no passphrase given is served locked, for the lock screen to open', async () => {
    expect((await init()).code).toBe(0);
    const { LOTSEN_PASSPHRASE: passphrase, ...withoutPassphrase } = env;
    const serve = startServe(['--json'], withoutPassphrase);
    const printed = JSON.parse(await serve.firstLine) as { url: string; port: number };
    expect(printed.url.startsWith(`http://127.0.0.1:${printed.port}/`)).toBe(true);
    const session = await openBrowserSession(printed.url);
    expect(await callOverWebSocket(session, 'app.status')).toMatchObject({
      ok: true,
      value: { state: 'locked', keyStore: 'passphrase' },
    });
    expect(await callOverWebSocket(session, 'app.unlock', { passphrase })).toMatchObject({
      ok: true,
      value: { state: 'unlocked', user: { name: 'Tekla Tekniker' } },
    });
    serve.child.kill('SIGINT');
    expect(await serve.exited).toBe(0);
  });
});
