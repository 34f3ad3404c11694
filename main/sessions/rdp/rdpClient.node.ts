import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { keyedError } from '../../../common/api/errors.ts';
import type { PtyOptions } from '../terminal/ptySource.node.ts';
import type { TerminalSource } from '../terminal/terminalSource.ts';
import { FREERDP_PROMPTS, freerdpArgs, freerdpEnvironment } from './freerdpCommand.ts';
import type { PlatformRdpPrograms } from './platformRdp.node.ts';

export interface RdpClientOptions {
  /** The FreeRDP client program; `xfreerdp` from PATH by default. */
  client?: string;
  /** The X display its window opens on; Lotsen's DISPLAY by default. */
  display?: string;
  /** Which platform's client runs; this machine's by default (a test stands in for Windows or macOS). */
  platform?: NodeJS.Platform;
  /** cmdkey, mstsc and open on Windows and macOS (platformRdp.node.ts); the platform's own by default. */
  platformPrograms?: Partial<PlatformRdpPrograms>;
}

export interface RdpLaunchSpec {
  host: string;
  port: number;
  username: string;
  /** The account's password, typed at the client's prompt and nowhere else. */
  password: string;
  /** The pinned certificate's `SHA256:` fingerprint: the one certificate the client accepts. */
  fingerprint: string;
  title: string;
  cols: number;
  rows: number;
}

/**
 * Starts the platform's RDP client for a session: on Linux (and other X11 systems) FreeRDP's `xfreerdp` in a pty of
 * its own, whose output is the session's terminal and whose end is the session's end. The password is typed at the
 * client's own prompt (`/from-stdin:force`), so it is in no argv, no environment and no file; the pty carries it
 * from Lotsen to the client and nowhere else.
 *
 * Windows (mstsc with a generated .rdp file and a `cmdkey` credential for the session's life) and macOS (Microsoft's
 * Remote Desktop app) are launched by platformRdp.node.ts instead (rdpSession.node.ts chooses).
 */
export async function launchRdpClient(
  spawnPty: (options: PtyOptions) => TerminalSource,
  spec: RdpLaunchSpec,
  options: RdpClientOptions = {},
): Promise<TerminalSource> {
  const client = options.client ?? onPath('xfreerdp');
  if (client === null) {
    throw keyedError('RDP_CLIENT_UNAVAILABLE', 'sessions.freerdpMissing');
  }
  const display = options.display ?? process.env.DISPLAY;
  if (!display) {
    throw keyedError('RDP_CLIENT_UNAVAILABLE', 'sessions.noDisplay');
  }
  // A fresh folder for the client's config, so no certificate an earlier session saw is trusted by the client.
  const configDir = await mkdtemp(join(tmpdir(), 'lotsen-rdp-'));
  const freerdp = {
    host: spec.host,
    port: spec.port,
    username: spec.username,
    fingerprint: spec.fingerprint,
    title: spec.title,
    configDir,
    display,
  };
  let source: TerminalSource;
  try {
    source = spawnPty({
      file: client,
      args: freerdpArgs(freerdp),
      ownEnv: freerdpEnvironment(freerdp, process.env),
      cwd: configDir,
      cols: spec.cols,
      rows: spec.rows,
    });
  } catch (error) {
    await rm(configDir, { recursive: true, force: true });
    console.error('lotsen: the RDP client could not be started:', String(error));
    throw keyedError('RDP_CLIENT_UNAVAILABLE', 'sessions.rdpClientNotStarted');
  }
  source.onExit(() => void rm(configDir, { recursive: true, force: true }).catch(() => undefined));
  return answeringPrompts(source, spec);
}

/**
 * Answers FreeRDP's credential prompts as they appear in its output: the domain (when the account names one) and the
 * password, once each. Echo is off by then (freerdpCommand.ts), so the recording sees the prompt, never the answer.
 * A second password prompt (a refused password) is not answered: the client gives up and the session ends.
 */
export function answeringPrompts(
  source: TerminalSource,
  credentials: { username: string; password: string | null },
): TerminalSource {
  let password = credentials.password;
  let tail = '';
  const watch = (bytes: Uint8Array) => {
    if (password === null) return;
    tail = (tail + Buffer.from(bytes).toString('latin1')).slice(-256);
    if (FREERDP_PROMPTS.password.test(tail)) {
      source.write(`${password}\r`);
      password = null;
      tail = '';
    } else if (FREERDP_PROMPTS.domain.test(tail)) {
      source.write('\r');
      tail = '';
    } else if (FREERDP_PROMPTS.username.test(tail)) {
      source.write(`${credentials.username}\r`);
      tail = '';
    }
  };
  return {
    ...source,
    onData: (listener) =>
      source.onData((bytes) => {
        listener(bytes);
        watch(bytes);
      }),
  };
}

function onPath(program: string): string | null {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    if (!folder) continue;
    const candidate = join(folder, program);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this folder.
    }
  }
  return null;
}
