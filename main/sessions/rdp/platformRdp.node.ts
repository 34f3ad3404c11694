import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyedError, LotsenError } from '../../../common/api/errors.ts';
import type { PtyOptions } from '../terminal/ptySource.node.ts';
import type { TerminalExit, TerminalSource } from '../terminal/terminalSource.ts';
import { CMDKEY_PASSWORD_PROMPT, credentialTarget, mstscCommands, mstscRdpFile } from './mstscPlan.ts';

/**
 * RDP through the platform's own client where FreeRDP is not the client (issue 16, item 1):
 * - Windows: `mstsc <file>.rdp` with the password in the Credential Manager for the session's life. Order:
 *   1. a ledger entry in the data folder names the credential and the file (so a crash at any later step leaves
 *      something that says what to clean);
 *   2. the `.rdp` file in a private temporary folder (mstscPlan.ts: no password in it);
 *   3. `cmdkey /generic:TERMSRV/<host> /user:<user> /pass` in a console of its own, which asks for the password; Lotsen
 *      types it at that prompt, so it is in no argv, environment or file (cmdkey reads a `/pass` without a value from
 *      its console, not from a redirected stdin: hence a pty, ConPTY on Windows);
 *   4. `mstsc <file>`, whose exit is the session's end;
 *   5. `cmdkey /delete:TERMSRV/<host>`, the folder removed, the ledger entry removed: only then is the exit reported,
 *      so the session's end (and its time entry) comes after the cleanup.
 *   The trade-off: a `/pass:<password>` argument would be simpler and is what most launchers do, but any process may
 *   read another's command line (and EDR tools log them); CredWriteW through a native module would avoid the console
 *   but this build ships none. While the session runs, the credential is in the Credential Manager, readable by the
 *   technician's own Windows account (as any saved RDP credential is); two sessions to one host share it, and the
 *   first to end removes it (mstsc has read it at its connection by then).
 * - macOS: `open -W -a "Microsoft Remote Desktop" <file>.rdp` (the app since renamed "Windows App" takes the same
 *   file). The app takes no password from outside: it asks for it itself. Same ledger and file cleanup; no credential.
 *   `-W` waits for the app to quit, not for the connection's window: the session lasts until the app is quit.
 *
 * Windows and macOS cannot run here: the sequencing is tested with the platform commands injected (real child
 * processes standing in for cmdkey, mstsc and open, test/main/sessions/rdp/platformRdp.test.ts), and what only those
 * platforms can show is in docs/acceptance-windows-macos.md.
 */
export type RdpPlatform = 'win32' | 'darwin';

export interface PlatformRdpPrograms {
  /** `cmdkey.exe` on Windows. */
  cmdkey: string;
  /** `mstsc.exe` on Windows. */
  mstsc: string;
  /** `/usr/bin/open` on macOS. */
  open: string;
  /** The app `open -a` names on macOS. */
  macApp: string;
}

export const platformRdpPrograms: PlatformRdpPrograms = {
  cmdkey: 'cmdkey.exe',
  mstsc: 'mstsc.exe',
  open: '/usr/bin/open',
  macApp: 'Microsoft Remote Desktop',
};

export interface PlatformRdpSpec {
  sessionId: string;
  host: string;
  port: number;
  username: string;
  /** Stored in the Credential Manager on Windows; macOS's app asks for it itself. */
  password: string;
  cols: number;
  rows: number;
}

export interface PlatformRdpOptions {
  platform: RdpPlatform;
  /** Lotsen's data folder: the ledger of what to clean after a crash is kept there. */
  dataDir: string;
  spawnPty: (options: PtyOptions) => TerminalSource;
  programs?: Partial<PlatformRdpPrograms> | undefined;
  /** Where the private folders of `.rdp` files are made; the system's temporary folder by default. */
  tempDir?: string | undefined;
  /** How long cmdkey may take to ask for the password and store it. */
  credentialTimeoutMs?: number | undefined;
}

/** What a launch leaves to clean, written before anything is made, removed after everything is cleaned. */
export interface RdpLedgerEntry {
  sessionId: string;
  /** `TERMSRV/<host>` on Windows; null on macOS. */
  credentialTarget: string | null;
  /** The private folder holding the `.rdp` file. */
  folder: string;
  at: number;
}

const LEDGER_FOLDER = 'rdp-cleanup';
export const rdpLedgerFolder = (dataDir: string) => join(dataDir, LEDGER_FOLDER);

/** Starts the platform's RDP client for a session; its end (reported after the cleanup) is the session's end. */
export async function launchPlatformRdp(
  spec: PlatformRdpSpec,
  options: PlatformRdpOptions,
): Promise<TerminalSource> {
  const programs = { ...platformRdpPrograms, ...options.programs };
  const windows = options.platform === 'win32';
  const folder = await mkdtemp(join(options.tempDir ?? tmpdir(), 'lotsen-rdp-'));
  const entry: RdpLedgerEntry = {
    sessionId: spec.sessionId,
    credentialTarget: windows ? credentialTarget(spec.host) : null,
    folder,
    at: Date.now(),
  };
  const cleanup = () => cleanEntry(entry, options.dataDir, programs, options.spawnPty);
  try {
    await writeLedgerEntry(options.dataDir, entry);
    const file = join(folder, 'session.rdp');
    // UTF-16LE with a BOM, as mstsc writes its own files; the Mac app reads it too.
    const text = mstscRdpFile({ host: spec.host, port: spec.port, username: spec.username });
    await writeFile(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), {
      mode: 0o600,
    });
    const size = { cols: spec.cols, rows: spec.rows };
    let client: TerminalSource;
    if (windows) {
      const commands = mstscCommands(spec, file);
      await storeCredential(
        options.spawnPty({ ...size, file: programs.cmdkey, args: commands.storeCredential.args }),
        spec.password,
        options.credentialTimeoutMs ?? 30_000,
      );
      client = options.spawnPty({ ...size, file: programs.mstsc, args: commands.client.args });
    } else {
      client = options.spawnPty({ ...size, file: programs.open, args: ['-W', '-a', programs.macApp, file] });
    }
    return exitAfter(client, cleanup);
  } catch (error) {
    await cleanup().catch(() => undefined);
    if (error instanceof LotsenError) throw error;
    console.error('lotsen: the RDP client could not be started:', String(error));
    throw keyedError('RDP_CLIENT_UNAVAILABLE', 'sessions.rdpClientNotStarted');
  }
}

/**
 * At start-up (unlock): cleans whatever a Lotsen that ended without its cleanup (a crash, a power cut) left: the
 * credentials and `.rdp` folders its ledger names. A credential already gone makes cmdkey fail, which is fine here.
 * Returns the entries it cleaned.
 */
export async function cleanRdpLeftovers(
  options: Pick<PlatformRdpOptions, 'dataDir' | 'spawnPty' | 'programs'>,
): Promise<RdpLedgerEntry[]> {
  const programs = { ...platformRdpPrograms, ...options.programs };
  const folder = rdpLedgerFolder(options.dataDir);
  const names = await readdir(folder).catch(() => [] as string[]);
  const cleaned: RdpLedgerEntry[] = [];
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    let entry: RdpLedgerEntry;
    try {
      entry = JSON.parse(await readFile(join(folder, name), 'utf8')) as RdpLedgerEntry;
    } catch {
      // A half-written entry (the crash came while writing it): nothing was made after it.
      await rm(join(folder, name), { force: true });
      continue;
    }
    await cleanEntry(entry, options.dataDir, programs, options.spawnPty);
    cleaned.push(entry);
  }
  return cleaned;
}

/**
 * The start-up cleaning, loading the pty only when the ledger names something (never on Linux, where FreeRDP leaves
 * no credential or file behind): for the session manager's constructor, which runs at every start.
 */
export async function cleanRdpLeftoversAtStart(
  dataDir: string,
  programs?: Partial<PlatformRdpPrograms>,
): Promise<RdpLedgerEntry[]> {
  const names = await readdir(rdpLedgerFolder(dataDir)).catch(() => [] as string[]);
  if (names.length === 0) return [];
  const { spawnPty } = await import('../terminal/ptySource.node.ts');
  return cleanRdpLeftovers({ dataDir, spawnPty, programs });
}

async function writeLedgerEntry(dataDir: string, entry: RdpLedgerEntry): Promise<void> {
  const folder = rdpLedgerFolder(dataDir);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  // Written whole or not at all: a crash mid-write leaves a `.tmp`, never half an entry under its name.
  const path = join(folder, `${entry.sessionId}.json`);
  await writeFile(`${path}.tmp`, JSON.stringify(entry), { mode: 0o600 });
  await rename(`${path}.tmp`, path);
}

async function cleanEntry(
  entry: RdpLedgerEntry,
  dataDir: string,
  programs: PlatformRdpPrograms,
  spawnPty: PlatformRdpOptions['spawnPty'],
): Promise<void> {
  if (entry.credentialTarget !== null) {
    await runToExit(
      spawnPty({ file: programs.cmdkey, args: [`/delete:${entry.credentialTarget}`], cols: 80, rows: 24 }),
    );
  }
  await rm(entry.folder, { recursive: true, force: true });
  // Last: until here a crash leaves the entry, and the next start cleans again.
  await rm(join(rdpLedgerFolder(dataDir), `${entry.sessionId}.json`), { force: true });
}

/** Types the password at cmdkey's prompt (echo off there), once, and waits for cmdkey to store it. */
function storeCredential(source: TerminalSource, password: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let tail = '';
    let typed = false;
    const timer = setTimeout(() => {
      source.close();
      reject(keyedError('RDP_CLIENT_UNAVAILABLE', 'sessions.credentialNotStoredInTime'));
    }, timeoutMs);
    source.onData((bytes) => {
      if (typed) return;
      tail = (tail + Buffer.from(bytes).toString('utf8')).slice(-512);
      if (CMDKEY_PASSWORD_PROMPT.test(tail)) {
        typed = true;
        source.write(`${password}\r`);
      }
    });
    source.onExit(({ exitCode, signal }) => {
      clearTimeout(timer);
      if (typed && exitCode === 0) resolve();
      else {
        reject(
          !typed
            ? keyedError('RDP_CLIENT_UNAVAILABLE', 'sessions.credentialNotAsked')
            : signal
              ? keyedError('RDP_CLIENT_UNAVAILABLE', 'sessions.credentialNotStoredSignal', { signal })
              : keyedError('RDP_CLIENT_UNAVAILABLE', 'sessions.credentialNotStoredExit', {
                  exitCode: exitCode ?? -1,
                }),
        );
      }
    });
  });
}

function runToExit(source: TerminalSource): Promise<TerminalExit> {
  return new Promise((resolve) => {
    source.onData(() => undefined);
    source.onExit(resolve);
  });
}

/** The client as the session's terminal, its exit reported only after the cleanup has run. */
function exitAfter(client: TerminalSource, cleanup: () => Promise<void>): TerminalSource {
  const listeners: ((info: TerminalExit) => void)[] = [];
  let ended: TerminalExit | null = null;
  client.onExit((info) => {
    void cleanup()
      .catch((error: unknown) =>
        console.error('lotsen: RDP cleanup failed; it runs again at the next start:', error),
      )
      .finally(() => {
        ended = info;
        for (const listener of listeners) listener(info);
      });
  });
  return {
    onData: (listener) => client.onData(listener),
    onExit: (listener) => {
      if (ended) listener(ended);
      else listeners.push(listener);
    },
    write: (data) => client.write(data),
    resize: (cols, rows) => client.resize(cols, rows),
    pause: () => client.pause(),
    resume: () => client.resume(),
    close: () => client.close(),
  };
}
