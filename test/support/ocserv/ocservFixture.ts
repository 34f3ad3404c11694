import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * Debian's ocserv and OpenConnect, each in a network namespace of its own, joined by a veth pair: a real AnyConnect-
 * protocol VPN that never touches the host's network. The client's connect script (the vpnc-script OpenConnect
 * runs) configures the tunnel inside the client's namespace only: no host route, no resolver.
 *
 * Lotsen runs the profile's commands as it would on a technician's machine; `binDir`, put first on PATH, holds
 * `openconnect` and `ip` that run the real programs inside the client's namespace (with that connect script), so
 * the commands themselves are the profile's, unchanged.
 */

const IP = '/usr/sbin/ip';

export interface OcservFixture {
  /** `address:port` of the gateway, as the registry holds it. */
  gateway: string;
  /** The gateway certificate's pin, as OpenConnect's --servercert takes it. */
  serverCert: string;
  username: string;
  password: string;
  /** Put first on PATH: `openconnect` and `ip` inside the client's namespace. */
  binDir: string;
  clientNamespace: string;
  /** An address behind the VPN (in the route it pushes). */
  insideAddress: string;
  /** Runs a command inside the client's namespace. */
  inClient(args: string[]): { status: number | null; stdout: string; stderr: string };
  /** The OpenConnect processes running in the client's namespace. */
  clientPids(): number[];
  log(): string;
  stop(): Promise<void>;
}

function sh(file: string, args: string[], input?: string) {
  const result = spawnSync(file, args, { encoding: 'utf8', input, timeout: 20_000 });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

function must(file: string, args: string[], input?: string): string {
  const result = sh(file, args, input);
  if (result.status !== 0) throw new Error(`${file} ${args.join(' ')} failed: ${result.stderr.trim()}`);
  return result.stdout;
}

/** Why this machine cannot run the fixture, or null when it can. */
export function ocservUnavailable(): string | null {
  if (process.platform !== 'linux') return 'network namespaces are Linux only';
  if (process.getuid?.() !== 0) return 'network namespaces and a tun device need root';
  if (!existsSync('/dev/net/tun')) return 'there is no /dev/net/tun here';
  for (const program of [
    '/usr/sbin/ocserv',
    '/usr/sbin/openconnect',
    '/usr/bin/ocpasswd',
    IP,
    '/usr/bin/openssl',
  ]) {
    if (!existsSync(program)) return `${program} is not installed`;
  }
  const probe = `lfprobe${process.pid}`;
  const made = sh(IP, ['netns', 'add', probe]);
  if (made.status !== 0) return `ip netns add is refused here (${made.stderr.trim()})`;
  sh(IP, ['netns', 'del', probe]);
  return null;
}

/** The test's vpnc-script: the tunnel's address and the routes it pushes, in the client's namespace only. */
const CONNECT_SCRIPT = `#!/bin/sh
case "$reason" in
  connect)
    ${IP} link set dev "$TUNDEV" up mtu "\${INTERNAL_IP4_MTU:-1300}"
    ${IP} addr add "$INTERNAL_IP4_ADDRESS/32" dev "$TUNDEV"
    i=0
    while [ "$i" -lt "\${CISCO_SPLIT_INC:-0}" ]; do
      eval addr=\\$CISCO_SPLIT_INC_\${i}_ADDR
      eval len=\\$CISCO_SPLIT_INC_\${i}_MASKLEN
      ${IP} route replace "$addr/$len" dev "$TUNDEV"
      i=$((i + 1))
    done
    if [ "\${CISCO_SPLIT_INC:-0}" -eq 0 ]; then ${IP} route replace default dev "$TUNDEV"; fi
    ;;
esac
exit 0
`;

/**
 * Starts ocserv in a namespace of its own. `split`: it pushes one route (split include); otherwise none, which
 * OpenConnect reads as all traffic through the tunnel.
 */
export async function startOcserv(options: { split: boolean }): Promise<OcservFixture> {
  const tag = `${process.pid.toString(36)}${randomBytes(2).toString('hex')}`;
  const serverNs = `lfs${tag}`;
  const clientNs = `lfc${tag}`;
  const [serverIf, clientIf] = [`lfs${tag}v`, `lfc${tag}v`];
  const dir = await mkdtemp(join(tmpdir(), 'lotsen-ocserv-'));
  // ocserv's workers run as nobody and must reach its socket in this folder.
  await chmod(dir, 0o755);
  let server: ChildProcess | null = null;
  let log = '';

  async function stop(): Promise<void> {
    // A client the test left running (a failed disconnect) goes first, by its own pid.
    for (const pid of clientPids()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Gone already.
      }
    }
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server?.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    // Deleting a namespace deletes the veth end in it, and with it the pair; one still in the host (a set-up that
    // failed half-way) is deleted by name.
    sh(IP, ['netns', 'del', serverNs]);
    sh(IP, ['netns', 'del', clientNs]);
    if (sh(IP, ['link', 'show', serverIf]).status === 0) sh(IP, ['link', 'del', serverIf]);
    await rm(dir, { recursive: true, force: true });
  }

  function clientPids(): number[] {
    const out = sh(IP, ['netns', 'pids', clientNs]).stdout;
    return out
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((pid) => pid > 0)
      .filter((pid) => {
        try {
          return (
            spawnSync('cat', [`/proc/${pid}/comm`], { encoding: 'utf8' }).stdout.trim() === 'openconnect'
          );
        } catch {
          return false;
        }
      });
  }

  try {
    must('/usr/bin/openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-days',
      '2',
      '-subj',
      '/CN=vpn.lotsen.test',
    ]);
    const spki = spawnSync(
      '/bin/sh',
      [
        '-c',
        `openssl x509 -in "$1" -pubkey -noout | openssl pkey -pubin -outform DER | openssl dgst -sha256 -binary | base64`,
        'pin',
        join(dir, 'cert.pem'),
      ],
      { encoding: 'utf8' },
    ).stdout.trim();
    const username = 'lotsen';
    const password = `Lösen-${randomBytes(6).toString('hex')}`;
    must('/usr/bin/ocpasswd', ['-c', join(dir, 'ocpasswd'), username], `${password}\n${password}\n`);

    must(IP, ['netns', 'add', serverNs]);
    must(IP, ['netns', 'add', clientNs]);
    must(IP, ['link', 'add', serverIf, 'type', 'veth', 'peer', 'name', clientIf]);
    must(IP, ['link', 'set', serverIf, 'netns', serverNs]);
    must(IP, ['link', 'set', clientIf, 'netns', clientNs]);
    for (const [ns, ifname, address] of [
      [serverNs, serverIf, '10.99.0.1/24'],
      [clientNs, clientIf, '10.99.0.2/24'],
    ] as const) {
      must(IP, ['-n', ns, 'addr', 'add', address, 'dev', ifname]);
      must(IP, ['-n', ns, 'link', 'set', ifname, 'up']);
      must(IP, ['-n', ns, 'link', 'set', 'lo', 'up']);
    }

    const config = join(dir, 'ocserv.conf');
    await writeFile(
      config,
      [
        `auth = "plain[passwd=${join(dir, 'ocpasswd')}]"`,
        'listen-host = 10.99.0.1',
        'tcp-port = 4443',
        'run-as-user = nobody',
        'run-as-group = nogroup',
        `socket-file = ${join(dir, 'ocserv.sock')}`,
        `server-cert = ${join(dir, 'cert.pem')}`,
        `server-key = ${join(dir, 'key.pem')}`,
        'isolate-workers = false',
        'max-clients = 4',
        'max-same-clients = 4',
        'keepalive = 300',
        'dpd = 60',
        'try-mtu-discovery = false',
        'device = lotsenvpn',
        'ipv4-network = 10.20.30.0',
        'ipv4-netmask = 255.255.255.0',
        ...(options.split ? ['route = 10.20.40.0/255.255.255.0'] : []),
        'use-occtl = false',
        'cookie-timeout = 300',
        '',
      ].join('\n'),
    );
    server = spawn(IP, ['netns', 'exec', serverNs, '/usr/sbin/ocserv', '-f', '-c', config], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
    server.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
    const deadline = Date.now() + 10_000;
    while (!sh(IP, ['netns', 'exec', serverNs, 'ss', '-ltn', 'sport = :4443']).stdout.includes('4443')) {
      if (server.exitCode !== null || Date.now() > deadline) throw new Error(`ocserv did not start: ${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }

    const script = join(dir, 'connect-script.sh');
    await writeFile(script, CONNECT_SCRIPT, { mode: 0o755 });
    const binDir = join(dir, 'bin');
    await mkdir(binDir);
    await writeFile(
      join(binDir, 'openconnect'),
      `#!/bin/sh\nexec ${IP} netns exec ${clientNs} /usr/sbin/openconnect --script=${script} "$@"\n`,
      { mode: 0o755 },
    );
    await writeFile(join(binDir, 'ip'), `#!/bin/sh\nexec ${IP} netns exec ${clientNs} ${IP} "$@"\n`, {
      mode: 0o755,
    });

    return {
      gateway: '10.99.0.1:4443',
      serverCert: `pin-sha256:${spki}`,
      username,
      password,
      binDir,
      clientNamespace: clientNs,
      insideAddress: '10.20.40.5',
      inClient: (args) => sh(IP, ['netns', 'exec', clientNs, ...args]),
      clientPids,
      log: () => log,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
