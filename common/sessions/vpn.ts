import { z } from 'zod';
import type { VpnType } from '../registry/vocabulary.ts';
import { lazily } from '../api/lazySchema.ts';

/*
 * Ready VPN profiles (issue 16, item 4): for each VPN client the terms name, the connect and disconnect command lines
 * an environment's pre-connect command is filled in with, built from the registry's gateway. The profile only writes
 * the text: what runs is still the environment's stored command, approved on this machine like any other
 * (README, Pre-connect commands), so a person reads exactly what will run and may adjust it. A password is never
 * part of the text: the commands read the environment's pre-connect secret from LOTSEN_PRE_CONNECT_SECRET and pass
 * it on standard input, or leave the client to ask for it in the session's terminal.
 *
 * None of them needs local admin rights on the technician's Windows machine: Cisco's vpncli and Check Point's trac
 * talk to their already installed services, and rasdial dials a VPN entry of the person's own (one made without
 * -AllUserConnection). OpenConnect needs a tun device it may open (root, or one made for the user beforehand).
 */

/** The VPN clients Lotsen has a profile for; `none`: the pre-connect command is the person's own text. */
export const vpnClients = [
  'none',
  'cisco_secure_client',
  'openconnect',
  'checkpoint_trac',
  'rasdial',
] as const;
export type VpnClient = (typeof vpnClients)[number];

/** The platforms a profile writes commands for: the technician's machine, where the commands run. */
export type VpnPlatform = 'win32' | 'darwin' | 'linux';

/** Which clients serve which VPN type of the registry, first the one offered by default. */
export const vpnClientsFor: Record<VpnType, readonly VpnClient[]> = {
  cisco_anyconnect: ['cisco_secure_client', 'openconnect'],
  checkpoint: ['checkpoint_trac'],
  windows_ipsec: ['rasdial'],
  windows_pptp: ['rasdial'],
  teamviewer: [],
  none: [],
  other: [],
};

/** PPTP's MS-CHAPv2 can be cracked offline from one captured login: choosing it is allowed, and marked as weak. */
export function vpnTypeIsWeak(vpnType: VpnType): boolean {
  return vpnType === 'windows_pptp';
}

/** What a profile needs besides the gateway. Values are checked, so no quoting can be broken out of. */
export const vpnProfileInputSchema = lazily(() =>
  z
    .object({
      client: z.enum(vpnClients).exclude(['none']),
      /** Host name or address, optionally with a port or a path (`vpn.kommun.se`, `vpn.kommun.se:4443/support`). */
      gateway: z
        .string()
        .trim()
        .min(1, { error: 'This VPN type needs a gateway' })
        .max(255)
        .regex(/^[A-Za-z0-9.\-:[\]/_]+$/, { error: 'The gateway is a host name or address' }),
      /** The VPN login's user name; its password is the environment's pre-connect secret. */
      username: z
        .string()
        .trim()
        .max(128)
        .regex(/^[^\s"'%`$\\^&|<>]*$/, { error: 'The user name cannot hold spaces, quotes or % $ ^ & | < >' })
        .default(''),
      /** Windows' VPN entry (rasdial) the person made for this customer, by its name. */
      entryName: z
        .string()
        .trim()
        .max(100)
        .regex(/^[^"'%`$\\^&|<>]*$/, { error: 'The entry name cannot hold quotes or % $ ^ & | < >' })
        .default(''),
      /** OpenConnect's pin of the gateway's certificate (`pin-sha256:…`), when it is not signed by a trusted CA. */
      serverCert: z
        .string()
        .trim()
        .max(100)
        .regex(/^(|(pin-)?sha(1|256):[A-Za-z0-9+/=]+)$/, {
          error: 'A certificate pin looks like pin-sha256:…',
        })
        .default(''),
    })
    .strict(),
);
export type VpnProfileInput = z.input<typeof vpnProfileInputSchema>;
export type VpnProfileFields = z.output<typeof vpnProfileInputSchema>;

/** A profile's commands for one platform; `splitCheck` says how Lotsen asks the client whether the tunnel is split. */
export interface VpnProfileCommands {
  client: Exclude<VpnClient, 'none'>;
  connect: string;
  disconnect: string;
  /** Whether the client can tell, on this platform, whether the tunnel is split (checked after connecting). */
  splitCheckable: boolean;
}

export const vpnProfileCommandsSchema = lazily(() =>
  z.object({
    client: z.enum(vpnClients).exclude(['none']),
    connect: z.string(),
    disconnect: z.string(),
    splitCheckable: z.boolean(),
    /** Whether the client's program was found on this machine. */
    clientFound: z.boolean(),
  }),
);
export type VpnProfileView = z.infer<typeof vpnProfileCommandsSchema>;

/** The session's answer to "is the tunnel split?": `unknown` where the client cannot tell or the check failed. */
export const splitTunnelFindings = ['split', 'full', 'unknown'] as const;
export type SplitTunnelFinding = (typeof splitTunnelFindings)[number];

/** A client's program: where it is found, by platform (PATH names, or absolute paths of its default install). */
export const vpnClientPrograms: Record<
  Exclude<VpnClient, 'none'>,
  Partial<Record<VpnPlatform, readonly string[]>>
> = {
  cisco_secure_client: {
    win32: [
      'C:\\Program Files (x86)\\Cisco\\Cisco Secure Client\\vpncli.exe',
      'C:\\Program Files (x86)\\Cisco\\Cisco AnyConnect Secure Mobility Client\\vpncli.exe',
    ],
    darwin: ['/opt/cisco/secureclient/bin/vpn', '/opt/cisco/anyconnect/bin/vpn'],
    linux: ['/opt/cisco/secureclient/bin/vpn', '/opt/cisco/anyconnect/bin/vpn'],
  },
  openconnect: { darwin: ['openconnect'], linux: ['openconnect'] },
  checkpoint_trac: {
    win32: ['C:\\Program Files (x86)\\CheckPoint\\Endpoint Connect\\trac.exe'],
  },
  rasdial: { win32: ['rasdial.exe'] },
};

const posixQuote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;
/** For cmd.exe: the values were checked to hold no `"` `%` `^` `&` `|` `<` `>`, so double quotes are enough. */
const cmdQuote = (value: string) => `"${value}"`;
/** PowerShell single quotes; the values hold none. */
const psQuote = (value: string) => `'${value}'`;

/** A short name of the gateway for files of its own (OpenConnect's pid file). */
function slug(gateway: string): string {
  return gateway.replace(/[^A-Za-z0-9.-]+/g, '_');
}

/**
 * The profile's connect and disconnect commands for `platform`, run by the pre-connect machinery (`/bin/sh -c` or
 * `cmd.exe /d /s /c`), with `program` the client's program as found on this machine (or its usual name).
 * Null when the client does not run on that platform.
 */
export function vpnProfileCommands(
  fields: VpnProfileFields,
  platform: VpnPlatform,
  program: string,
): VpnProfileCommands | null {
  const { client, gateway, username, entryName, serverCert } = fields;
  const windows = platform === 'win32';
  if (vpnClientPrograms[client][platform] === undefined) return null;
  switch (client) {
    case 'cisco_secure_client': {
      if (windows) {
        // cmd.exe would expand %…% and break on a secret's & or |: PowerShell reads the variable itself.
        const lines = [psQuote(username), '$env:LOTSEN_PRE_CONNECT_SECRET', "'y'"].join(', ');
        return {
          client,
          connect: `powershell -NoProfile -NonInteractive -Command "@(${lines}) -join [char]10 | & ${psQuote(program)} -s connect ${psQuote(gateway)}"`,
          disconnect: `${cmdQuote(program)} disconnect`,
          splitCheckable: true,
        };
      }
      return {
        client,
        connect: `printf '%s\\n%s\\ny\\n' ${posixQuote(username)} "$LOTSEN_PRE_CONNECT_SECRET" | ${posixQuote(program)} -s connect ${posixQuote(gateway)}`,
        disconnect: `${posixQuote(program)} disconnect`,
        splitCheckable: true,
      };
    }
    case 'openconnect': {
      // Its own pid file, in the user's runtime folder: disconnect stops that process and waits until it is gone.
      const pidFile = `"\${XDG_RUNTIME_DIR:-$HOME}"/lotsen-openconnect-${slug(gateway)}.pid`;
      const options = [
        '--background',
        `--pid-file=${pidFile}`,
        ...(username === '' ? [] : [`--user=${posixQuote(username)}`, '--passwd-on-stdin']),
        ...(serverCert === '' ? [] : [`--servercert=${posixQuote(serverCert)}`]),
      ].join(' ');
      const secret = username === '' ? '' : `printf '%s\\n' "$LOTSEN_PRE_CONNECT_SECRET" | `;
      // In a session of its own: the pre-connect terminal closes once the command is done, and OpenConnect takes
      // the hang-up that brings to its session as a sign to exit. (macOS has no setsid command; Perl's does it.)
      const detached = platform === 'linux' ? 'setsid ' : `perl -MPOSIX -e 'POSIX::setsid(); exec @ARGV' `;
      return {
        client,
        connect: `${secret}${detached}${posixQuote(program)} ${options} ${posixQuote(gateway)}`,
        disconnect:
          `pid=$(cat ${pidFile}) && kill -INT "$pid" && ` +
          `while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done`,
        splitCheckable: platform === 'linux',
      };
    }
    case 'checkpoint_trac':
      // trac takes a password only as an argument (-p), which others can read in the process list: it asks in the
      // session's terminal instead. Its CLI does not say whether the tunnel is split.
      return {
        client,
        connect: `${cmdQuote(program)} connect -s ${cmdQuote(gateway)}${username === '' ? '' : ` -u ${cmdQuote(username)}`}`,
        disconnect: `${cmdQuote(program)} disconnect`,
        splitCheckable: false,
      };
    case 'rasdial': {
      // `*` makes rasdial ask for the password in the terminal; without a user it dials with the entry's saved login.
      const entry = cmdQuote(entryName === '' ? gateway : entryName);
      return {
        client,
        connect: `rasdial ${entry}${username === '' ? '' : ` ${cmdQuote(username)} *`}`,
        disconnect: `rasdial ${entry} /disconnect`,
        splitCheckable: true,
      };
    }
  }
}

/** How Lotsen asks whether the tunnel is split, once connected: a program and its arguments, no shell. */
export function splitCheckCommand(
  client: Exclude<VpnClient, 'none'>,
  platform: VpnPlatform,
  program: string,
  connect: string,
): { file: string; args: string[] } | null {
  switch (client) {
    case 'cisco_secure_client':
      return { file: program, args: ['stats'] };
    case 'openconnect':
      // An address outside every network (TEST-NET-2): routed through the tunnel only when all traffic is.
      return platform === 'linux' ? { file: 'ip', args: ['-o', 'route', 'get', '198.51.100.7'] } : null;
    case 'rasdial': {
      const entry = /^rasdial "([^"]+)"/.exec(connect)?.[1];
      if (platform !== 'win32' || entry === undefined) return null;
      return {
        file: 'powershell',
        args: [
          '-NoProfile',
          '-NonInteractive',
          '-Command',
          `(Get-VpnConnection -Name ${psQuote(entry)}).SplitTunneling`,
        ],
      };
    }
    case 'checkpoint_trac':
      return null;
  }
}

/** Reads the split check's output; anything it does not recognise is `unknown`, never a guess. */
export function readSplitCheck(
  client: Exclude<VpnClient, 'none'>,
  result: { exitCode: number | null; stdout: string; stderr: string },
): SplitTunnelFinding {
  switch (client) {
    case 'cisco_secure_client': {
      const mode = /Tunnel Mode \(IPv4\):\s*([^\r\n]+)/.exec(result.stdout)?.[1]?.trim() ?? '';
      if (/^Split (Include|Exclude)/i.test(mode)) return 'split';
      if (/^Tunnel All Traffic/i.test(mode)) return 'full';
      return 'unknown';
    }
    case 'openconnect': {
      if (result.exitCode !== 0) {
        // No route at all to an outside address: it certainly does not go through the tunnel.
        return /unreachable/i.test(result.stderr) ? 'split' : 'unknown';
      }
      const dev = /\bdev (\S+)/.exec(result.stdout)?.[1];
      if (dev === undefined) return 'unknown';
      return /^(tun|utun|vpn)/.test(dev) ? 'full' : 'split';
    }
    case 'rasdial': {
      const answer = result.stdout.trim();
      if (result.exitCode !== 0) return 'unknown';
      return answer === 'True' ? 'split' : answer === 'False' ? 'full' : 'unknown';
    }
    case 'checkpoint_trac':
      return 'unknown';
  }
}
