import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import { keyedError, validationError } from '../../../common/api/errors.ts';
import {
  readSplitCheck,
  splitCheckCommand,
  vpnClientPrograms,
  vpnProfileCommands,
  type SplitTunnelFinding,
  type VpnClient,
  type VpnPlatform,
  type VpnProfileFields,
  type VpnProfileView,
} from '../../../common/sessions/vpn.ts';

/*
 * The technician's machine's side of VPN profiles: finding the client's program (so a session whose client is not
 * installed is refused before anything runs), asking the client whether the tunnel is split, and writing a
 * profile's commands with the program as found here.
 */

export function thisPlatform(): VpnPlatform {
  return process.platform === 'win32' ? 'win32' : process.platform === 'darwin' ? 'darwin' : 'linux';
}

async function executable(file: string): Promise<boolean> {
  try {
    await access(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The client's program on this machine: an absolute path of its install, or a name found on PATH; null: none. */
export async function findVpnClient(
  client: Exclude<VpnClient, 'none'>,
  platform: VpnPlatform = thisPlatform(),
): Promise<string | null> {
  for (const candidate of vpnClientPrograms[client][platform] ?? []) {
    if (path.isAbsolute(candidate) || /^[A-Za-z]:\\/.test(candidate)) {
      if (await executable(candidate)) return candidate;
      continue;
    }
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
      if (dir === '') continue;
      const file = path.join(dir, candidate);
      if (await executable(file)) return file;
    }
  }
  return null;
}

const clientNames: Record<Exclude<VpnClient, 'none'>, string> = {
  cisco_secure_client: 'Cisco Secure Client (vpn)',
  openconnect: 'OpenConnect',
  checkpoint_trac: 'Check Point Endpoint Security (trac)',
  rasdial: 'rasdial',
};

/**
 * Refuses a session whose environment's VPN client is not installed here, before anything of it exists: its
 * connect command would only fail in a shell, and its disconnect command would then run for nothing.
 */
export async function assertVpnClientPresent(client: VpnClient): Promise<string | null> {
  if (client === 'none') return null;
  const found = await findVpnClient(client);
  if (found !== null) return found;
  throw keyedError(
    'VPN_CLIENT_MISSING',
    'sessions.vpnClientMissing',
    { client: clientNames[client] },
    { client },
  );
}

/** A profile's commands as they would run on this machine, and whether its client is installed here. */
export async function vpnProfileHere(fields: VpnProfileFields): Promise<VpnProfileView> {
  const platform = thisPlatform();
  const found = await findVpnClient(fields.client, platform);
  const usual = vpnClientPrograms[fields.client][platform]?.[0];
  const commands = usual === undefined ? null : vpnProfileCommands(fields, platform, found ?? usual);
  if (commands === null) {
    throw validationError(`${clientNames[fields.client]} does not run on this platform.`, [
      { path: 'client', message: 'This VPN client does not run on this platform' },
    ]);
  }
  return { ...commands, clientFound: found !== null };
}

const SPLIT_CHECK_TIMEOUT_MS = 15_000;

/** Asks the client, once connected, whether the tunnel is split; `unknown` where it cannot tell or does not answer. */
export async function checkSplitTunnel(
  client: VpnClient,
  program: string | null,
  connect: string,
): Promise<SplitTunnelFinding> {
  if (client === 'none' || program === null) return 'unknown';
  const command = splitCheckCommand(client, thisPlatform(), program, connect);
  if (command === null) return 'unknown';
  const result = await new Promise<{ exitCode: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      command.file,
      command.args,
      { timeout: SPLIT_CHECK_TIMEOUT_MS, windowsHide: true, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        resolve({ exitCode: code, stdout, stderr });
      },
    );
  });
  return readSplitCheck(client, result);
}
