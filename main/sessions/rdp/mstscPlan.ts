/**
 * Windows: how an RDP session would run through Microsoft's own client, `mstsc.exe`. Built and unit-tested here, not
 * launched: this build has no Windows machine to prove it on (docs/rdp.md, and the acceptance checklist).
 *
 * - The connection is a generated `.rdp` file in a private temporary folder, removed when the session ends. It holds
 *   the address, the user name and the settings below, never a password (an .rdp file's `password 51:b:` is DPAPI
 *   and stays on disk: never written).
 * - The password goes into the Windows Credential Manager for the session's life only: `cmdkey /generic:TERMSRV/<host>
 *   /user:<user> /pass` without a value asks for it on its console, where Lotsen types it (ConPTY, as FreeRDP's prompt
 *   on Linux), so it is in no command line; `cmdkey /delete:TERMSRV/<host>` removes it when mstsc exits. Still to
 *   build with the launch: removing a credential a crash left, at the next session to that host.
 * - The certificate: mstsc takes no fingerprint. Lotsen checks the server's certificate against its own pin right
 *   before the launch (rdpCertificate.node.ts), and `authentication level:i:2` makes mstsc warn about a certificate it
 *   cannot verify instead of connecting silently: the person is told to refuse that warning, since Lotsen has already
 *   checked the one it pinned. Known limit: between Lotsen's check and mstsc's connection another certificate could
 *   be presented, and then only mstsc's warning stands between; FreeRDP on Linux has no such gap.
 * - The session lasts as long as the mstsc process; its exit code is recorded as on Linux.
 */
export interface MstscSpec {
  host: string;
  port: number;
  /** `DOMAIN\user`, `user@domain` or `user`. */
  username: string;
}

/** The `.rdp` file's text (UTF-16LE with a BOM when written, as mstsc writes its own). */
export function mstscRdpFile(spec: MstscSpec): string {
  return [
    `full address:s:${spec.host}:${spec.port}`,
    `username:s:${spec.username}`,
    // The credential stored for TERMSRV/<host> signs in; mstsc asks nothing.
    'prompt for credentials:i:0',
    'enablecredsspsupport:i:1',
    // Warn on a certificate mstsc cannot verify rather than connect without a word (see above).
    'authentication level:i:2',
    // Drives, printers and the clipboard stay on the technician's machine unless asked for.
    'redirectclipboard:i:0',
    'redirectprinters:i:0',
    'redirectdrives:i:0',
    'drivestoredirect:s:',
    'screen mode id:i:1',
    '',
  ].join('\r\n');
}

/** The credential's target name in the Credential Manager: what mstsc looks up for a host. */
export function credentialTarget(host: string): string {
  return `TERMSRV/${host}`;
}

/** The programs a Windows RDP session runs, in order, with their arguments: none holds the password. */
export function mstscCommands(spec: MstscSpec, rdpFile: string) {
  const target = credentialTarget(spec.host);
  return {
    /** Asks for the password on its console; Lotsen types it at the prompt. */
    storeCredential: { file: 'cmdkey.exe', args: [`/generic:${target}`, `/user:${spec.username}`, '/pass'] },
    /** The session itself; its exit is the session's end. */
    client: { file: 'mstsc.exe', args: [rdpFile] },
    /** After the client exits (and before a new session to the host, for one a crash left). */
    removeCredential: { file: 'cmdkey.exe', args: [`/delete:${target}`] },
  };
}

/** What cmdkey asks when `/pass` has no value: "Enter the password for 'user' to connect to 'TERMSRV/host': ". */
export const CMDKEY_PASSWORD_PROMPT = /Enter the password for .* to connect to .*:\s*$/;
