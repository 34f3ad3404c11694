import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../sshd/sshdFixture.ts';
import { startX, stopProcess, type XDisplay } from './xDisplay.ts';

const run = promisify(execFile);

/** The colour the server's desktop is painted, which a screenshot of the client's display must show. */
export const SERVER_DESKTOP_RGB: [number, number, number] = [0x1f, 0x6f, 0x8b];

export interface RdpServerFixture {
  host: string;
  port: number;
  /** Any name: xrdp hands the password to the VNC server, which checks it. */
  username: string;
  password: string;
  /** The server's desktop (Xvnc). */
  desktop: XDisplay;
  /** `SHA256:` and base64 of the certificate xrdp presents now, as Lotsen prints it. */
  fingerprint(): Promise<string>;
  /** Restarts xrdp on the same port with a new certificate (a reinstalled server, or someone in between). */
  replaceCertificate(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A real RDP server on a loopback port, from Debian's packages: xrdp (in the foreground, with a temporary config,
 * TLS only, the certificate made here) in front of TigerVNC's Xvnc, whose VNC password is the account's password:
 * xrdp passes what the RDP client sent to Xvnc (its `vnc-any` module with `password=ask`), so a wrong password is
 * refused by Xvnc. VNC authentication reads the first 8 characters of a password, so those are random too.
 */
export async function startXrdp(
  /** `rdp`: RDP's own security without TLS, which has no certificate to pin (an old or misconfigured server). */
  securityLayer: 'tls' | 'rdp' = 'tls',
): Promise<RdpServerFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'lotsen-xrdp-'));
  const password = `${randomBytes(6).toString('base64url').slice(0, 8)}-rdp-${randomBytes(8).toString('hex')}`;
  const vncPassword = await new Promise<Buffer>((resolve, reject) => {
    const child = spawn('vncpasswd', ['-f'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.once('exit', (code) => (code === 0 ? resolve(Buffer.concat(out)) : reject(new Error('vncpasswd'))));
    child.stdin.end(`${password}\n`);
  });
  await writeFile(join(dir, 'vncpasswd'), vncPassword, { mode: 0o600 });
  const vncPort = await freePort();
  const desktop = await startX('Xvnc', [
    '-rfbport',
    String(vncPort),
    '-localhost',
    '-SecurityTypes',
    'VncAuth',
    '-PasswordFile',
    join(dir, 'vncpasswd'),
    '-geometry',
    '1024x768',
    '-depth',
    '24',
  ]);
  const hex = SERVER_DESKTOP_RGB.map((c) => c.toString(16).padStart(2, '0')).join('');
  await run('xsetroot', ['-display', desktop.display, '-solid', `#${hex}`]);
  // Something to read on the desktop in the client's screenshot, away from where the test looks for the colour.
  const note = spawn(
    'xmessage',
    [
      '-display',
      desktop.display,
      '-geometry',
      '+24+24',
      `Lotsen test server (xrdp + Xvnc ${desktop.display})`,
    ],
    { stdio: 'ignore' },
  );
  const port = await freePort();
  let xrdp: ChildProcess | null = null;
  let generation = 0;

  async function startServer(): Promise<void> {
    generation += 1;
    const cert = join(dir, `cert${generation}.pem`);
    const key = join(dir, `key${generation}.pem`);
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      `/CN=rdp-fixture-${generation}`,
    ]);
    const ini = join(dir, 'xrdp.ini');
    await writeFile(ini, xrdpIni({ port, cert, key, vncPort, securityLayer, log: join(dir, 'xrdp.log') }));
    xrdp = spawn('xrdp', ['--nodaemon', '--config', ini], { stdio: 'ignore' });
    await untilListening(port);
  }
  await startServer();

  return {
    host: '127.0.0.1',
    port,
    username: 'lotsen-rdp',
    password,
    desktop,
    async fingerprint() {
      const pem = await readFile(join(dir, `cert${generation}.pem`), 'utf8');
      const der = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
      return `SHA256:${createHash('sha256').update(der).digest('base64').replace(/=+$/, '')}`;
    },
    async replaceCertificate() {
      if (xrdp) await stopProcess(xrdp);
      await startServer();
    },
    async stop() {
      if (xrdp) await stopProcess(xrdp);
      await stopProcess(note);
      await desktop.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function xrdpIni(o: {
  port: number;
  cert: string;
  key: string;
  vncPort: number;
  securityLayer: 'tls' | 'rdp';
  log: string;
}): string {
  return `[Globals]
ini_version=1
fork=false
port=tcp://127.0.0.1:${o.port}
security_layer=${o.securityLayer}
crypt_level=high
certificate=${o.cert}
key_file=${o.key}
ssl_protocols=TLSv1.2, TLSv1.3
autorun=vnc
require_credentials=true
allow_channels=true
bitmap_cache=true
bitmap_compression=true
bulk_compression=true
new_cursors=true
use_fastpath=both
tcp_nodelay=true
max_bpp=24

[Logging]
LogFile=${o.log}
LogLevel=INFO
EnableSyslog=false
EnableConsole=false

[Channels]
rdpdr=true
rdpsnd=true
drdynvc=true
cliprdr=true
rail=true
xrdpvr=true
tcutils=true

[vnc]
name=vnc
lib=libvnc.so
ip=127.0.0.1
port=${o.vncPort}
username=na
password=ask
`;
}

async function untilListening(port: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const { stdout } = await run('ss', ['-Hltn', `sport = :${port}`]);
    if (stdout.trim() !== '') return;
    if (Date.now() > deadline) throw new Error(`xrdp did not listen on ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
