/**
 * The FreeRDP (`xfreerdp`, FreeRDP 2.x) command line for a session: what it may carry and what it must not.
 *
 * - The password never: `/from-stdin:force` makes the client ask for it on its terminal before connecting, and
 *   Lotsen types it there (rdpClient.node.ts). argv is readable by every user of the machine (/proc/PID/cmdline).
 * - The certificate: `/cert:deny,fingerprint:sha256:…` accepts exactly the certificate Lotsen pinned and refuses any
 *   other without asking. The client's own trust is taken away besides: its config folder is a fresh private one
 *   (no known_hosts of earlier sessions) and OpenSSL's CA store is pointed at nothing, so a CA-signed certificate
 *   other than the pinned one is not accepted by a chain either. Never `/cert:ignore`, never `/cert:tofu`.
 */
export interface FreerdpSpec {
  host: string;
  port: number;
  /** `user`, `DOMAIN\user` or `user@domain`, as the support account is registered. */
  username: string;
  /** SHA-256 of the pinned certificate, `SHA256:` and base64 (rdpCertificate.node.ts). */
  fingerprint: string;
  /** The session's title for the client's window. */
  title: string;
  /** An empty private folder the client may write its config to, removed after the session. */
  configDir: string;
  /** The X display the client window opens on; Lotsen's own when not given. */
  display?: string | undefined;
}

export function freerdpArgs(spec: FreerdpSpec): string[] {
  return [
    `/v:${spec.host.includes(':') ? `[${spec.host}]` : spec.host}:${spec.port}`,
    `/u:${spec.username}`,
    '/from-stdin:force',
    `/cert:deny,fingerprint:sha256:${freerdpFingerprint(spec.fingerprint)}`,
    `/t:${spec.title}`,
    '/dynamic-resolution',
    // Drives, printers and the clipboard stay on the technician's machine unless asked for.
    '-clipboard',
    '/log-level:WARN',
  ];
}

/** The client's own variables: a private config folder and no CA store (see above), and the display. */
export function freerdpEnvironment(spec: FreerdpSpec, env: NodeJS.ProcessEnv): Record<string, string> {
  const own: Record<string, string> = {
    HOME: spec.configDir,
    XDG_CONFIG_HOME: spec.configDir,
    SSL_CERT_FILE: '/dev/null',
    SSL_CERT_DIR: spec.configDir,
  };
  const display = spec.display ?? env.DISPLAY;
  if (display) own.DISPLAY = display;
  return own;
}

/**
 * What FreeRDP asks on its terminal with `/from-stdin:force` (client/common/client.c): the user name and domain only
 * when the command line has none, then the password. FreeRDP turns echo off before it writes the prompt, so what
 * Lotsen types after seeing a prompt is never echoed into the recorded output.
 */
export const FREERDP_PROMPTS = {
  username: /Username:\s*$/,
  domain: /Domain:\s*$/,
  password: /Password:\s*$/,
} as const;

/** FreeRDP compares a fingerprint as lower-case hex pairs joined by colons (crypto_cert_fingerprint_by_hash). */
export function freerdpFingerprint(fingerprint: string): string {
  const hex = Buffer.from(fingerprint.replace(/^SHA256:/, ''), 'base64').toString('hex');
  if (hex.length !== 64) throw new Error('not a SHA-256 fingerprint');
  return hex.replace(/(..)(?!$)/g, '$1:');
}
