import { spawn } from 'node:child_process';
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  cleanRdpLeftovers,
  launchPlatformRdp,
  rdpLedgerFolder,
  type PlatformRdpOptions,
} from '../../../../main/sessions/rdp/platformRdp.node.ts';
import { spawnPty } from '../../../../main/sessions/terminal/ptySource.node.ts';
import type { TerminalExit, TerminalSource } from '../../../../main/sessions/terminal/terminalSource.ts';

/*
 * RDP through the platform's own client on Windows (mstsc, with a cmdkey credential for the session's life) and
 * macOS (Microsoft's Remote Desktop app through `open -W -a`). Windows and macOS cannot run here, so the platform's
 * commands are injected: real child processes (platformStandIns/*.mjs, started in real ptys as the launcher starts
 * the real ones) stand in for cmdkey.exe, mstsc.exe and open, recording their argv, what they were typed and what
 * they found. What this shows is Lotsen's sequencing and cleanup, not the real programs' behaviour: that is on the
 * checklist in docs/acceptance-windows-macos.md.
 */

const PASSWORD = 'Vinter-lösen-2026!';
const standIns = join(import.meta.dirname, 'platformStandIns');

interface Call {
  program: string;
  args: string[];
  at: number;
  pid?: number;
  rdpFile?: { bom: string; text: string } | null;
  credentials?: string[];
}

let dir: string;
let dataDir: string;
let options: PlatformRdpOptions;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lotsen-platform-rdp-'));
  dataDir = join(dir, 'data');
  await mkdir(dataDir);
  // Each stand-in keeps its state beside itself: copied per test, so no test sees another's.
  for (const [from, to] of [
    ['cmdkey.mjs', 'cmdkey'],
    ['mstsc.mjs', 'mstsc'],
    ['mstsc.mjs', 'open'],
  ] as const) {
    await copyFile(join(standIns, from), join(dir, `${to}.mjs`));
    await chmod(join(dir, `${to}.mjs`), 0o755);
  }
  options = {
    platform: 'win32',
    dataDir,
    spawnPty,
    tempDir: dir,
    programs: { cmdkey: join(dir, 'cmdkey.mjs'), mstsc: join(dir, 'mstsc.mjs'), open: join(dir, 'open.mjs') },
  };
});
afterEach(async () => {
  await closeClient(0).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

/**
 * Closes the stand-in client's window with `exitCode`. The `quit` file appears whole, by a rename: written in place,
 * the stand-in's poll could find it created but still empty, and exit with Number('') = 0 instead.
 */
async function closeClient(exitCode: number): Promise<void> {
  await writeFile(join(dir, 'quit.next'), String(exitCode));
  await rename(join(dir, 'quit.next'), join(dir, 'quit'));
}

async function calls(): Promise<Call[]> {
  const text = await readFile(join(dir, 'calls.jsonl'), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Call);
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`no ${what} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const clientStarted = (program: string) =>
  until(`${program} start`, async () => (await calls()).find((c) => c.program === program));

const exitOf = (source: TerminalSource) =>
  new Promise<TerminalExit>((resolve) => {
    source.onData(() => undefined);
    source.onExit(resolve);
  });

const credentialFiles = () => readdir(join(dir, 'credentials')).catch(() => [] as string[]);
const ledger = () => readdir(rdpLedgerFolder(dataDir)).catch(() => [] as string[]);
const rdpFolders = async () => (await readdir(dir)).filter((n) => n.startsWith('lotsen-rdp-'));

const spec = {
  sessionId: '0b8f1c3e-6d2a-4f57-9a1e-5c7d8e9f0a1b',
  host: 'wap01.kalmar.se',
  port: 13389,
  username: 'KALMAR\\svc_support',
  password: PASSWORD,
  cols: 80,
  rows: 24,
};

describe('mstsc on Windows (cmdkey and mstsc injected)', () => {
  test('the credential is stored by typing at cmdkey’s prompt, mstsc runs on the file, and all is cleaned at its exit', async () => {
    const session = await launchPlatformRdp(spec, options);
    const ended = exitOf(session);
    const mstsc = await clientStarted('mstsc');

    // While mstsc runs: the credential is in the (stand-in) Credential Manager, the ledger names what to clean.
    expect(mstsc.credentials).toEqual(['TERMSRV/wap01.kalmar.se']);
    const [stored] = await credentialFiles();
    expect(JSON.parse(await readFile(join(dir, 'credentials', stored!), 'utf8'))).toEqual({
      user: 'KALMAR\\svc_support',
      password: PASSWORD,
    });
    const [entryName] = await ledger();
    const entry = JSON.parse(await readFile(join(rdpLedgerFolder(dataDir), entryName!), 'utf8'));
    expect(entry).toMatchObject({ sessionId: spec.sessionId, credentialTarget: 'TERMSRV/wap01.kalmar.se' });
    // The .rdp file, UTF-16LE with its BOM, names the server, its port and the user; never the password.
    expect(mstsc.args).toEqual([join(entry.folder, 'session.rdp')]);
    expect(mstsc.rdpFile!.bom).toBe('fffe');
    expect(mstsc.rdpFile!.text).toContain('full address:s:wap01.kalmar.se:13389\r\n');
    expect(mstsc.rdpFile!.text).toContain('username:s:KALMAR\\svc_support\r\n');
    expect(mstsc.rdpFile!.text).not.toContain(PASSWORD);
    // The password is in no program's argv: cmdkey was given `/pass` without a value.
    const all = await calls();
    expect(JSON.stringify(all.map((c) => c.args))).not.toContain(PASSWORD);
    expect(all[0]).toMatchObject({
      program: 'cmdkey',
      args: ['/generic:TERMSRV/wap01.kalmar.se', '/user:KALMAR\\svc_support', '/pass'],
    });
    // Nor in the client's terminal (cmdkey's echo was off).
    let shown = '';
    session.onData((bytes) => (shown += Buffer.from(bytes).toString('utf8')));

    // The person closes mstsc: the session's end comes after the credential, the file and the ledger are gone.
    await closeClient(3);
    expect(await ended).toMatchObject({ exitCode: 3 });
    expect(await credentialFiles()).toEqual([]);
    expect(await rdpFolders()).toEqual([]);
    expect(await ledger()).toEqual([]);
    const last = (await calls()).at(-1)!;
    expect(last).toMatchObject({ program: 'cmdkey', args: ['/delete:TERMSRV/wap01.kalmar.se'] });
    expect(shown).not.toContain(PASSWORD);
  });

  test('a cmdkey that fails leaves nothing behind and starts no mstsc', async () => {
    // A cmdkey that exits without asking (as a policy refusing saved credentials would make it).
    await writeFile(join(dir, 'cmdkey.mjs'), '#!/bin/sh\nexit 5\n');
    await expect(launchPlatformRdp(spec, options)).rejects.toMatchObject({ code: 'RDP_CLIENT_UNAVAILABLE' });
    expect((await calls()).map((c) => c.program)).not.toContain('mstsc');
    expect(await rdpFolders()).toEqual([]);
    expect(await ledger()).toEqual([]);
  });

  test('after a crash, the next start removes the credential and the file the crashed Lotsen left', async () => {
    // A Lotsen of its own in a child process, killed with SIGKILL once mstsc runs: no cleanup code of it runs.
    const script = join(dir, 'crashing.ts');
    await writeFile(
      script,
      `import { launchPlatformRdp } from ${JSON.stringify(join(process.cwd(), 'main/sessions/rdp/platformRdp.node.ts'))};
import { spawnPty } from ${JSON.stringify(join(process.cwd(), 'main/sessions/terminal/ptySource.node.ts'))};
await launchPlatformRdp(${JSON.stringify(spec)}, { ...${JSON.stringify({ ...options, spawnPty: undefined })}, spawnPty });
`,
    );
    const child = spawn(join(process.cwd(), 'node_modules/.bin/jiti'), [script], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await clientStarted('mstsc');
    child.kill('SIGKILL');
    await exited;
    // What the crash left: the credential stored, the .rdp folder, the ledger entry naming both.
    expect(await credentialFiles()).toHaveLength(1);
    expect(await rdpFolders()).toHaveLength(1);
    expect(await ledger()).toEqual([`${spec.sessionId}.json`]);

    const cleaned = await cleanRdpLeftovers(options);
    expect(cleaned).toMatchObject([
      { sessionId: spec.sessionId, credentialTarget: 'TERMSRV/wap01.kalmar.se' },
    ]);
    expect(await credentialFiles()).toEqual([]);
    expect(await rdpFolders()).toEqual([]);
    expect(await ledger()).toEqual([]);
    expect((await calls()).at(-1)).toMatchObject({
      program: 'cmdkey',
      args: ['/delete:TERMSRV/wap01.kalmar.se'],
    });
    // Nothing left: a second start has nothing to do.
    expect(await cleanRdpLeftovers(options)).toEqual([]);
  }, 60_000);
});

describe('Microsoft Remote Desktop on macOS (open injected)', () => {
  test('the app opens the file and is waited for; no credential is stored; the file is removed at its exit', async () => {
    const session = await launchPlatformRdp(spec, { ...options, platform: 'darwin' });
    const ended = exitOf(session);
    const open = await clientStarted('open');
    expect(open.args.slice(0, 3)).toEqual(['-W', '-a', 'Microsoft Remote Desktop']);
    expect(open.rdpFile!.text).toContain('full address:s:wap01.kalmar.se:13389\r\n');
    expect(open.rdpFile!.text).not.toContain(PASSWORD);
    expect((await calls()).map((c) => c.program)).toEqual(['open']);
    expect(await ledger()).toHaveLength(1);

    await closeClient(0);
    expect(await ended).toMatchObject({ exitCode: 0 });
    expect(await rdpFolders()).toEqual([]);
    expect(await ledger()).toEqual([]);
    expect((await calls()).map((c) => c.program)).toEqual(['open']);
  });
});
