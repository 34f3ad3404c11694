import { createHash, X509Certificate } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { keyedError, LotsenError } from '../../../common/api/errors.ts';
import { connectionErrno } from '../../../common/sessions/connectionErrno.ts';

/**
 * The first bytes of an RDP connection (MS-RDPBCGR 2.2.1.1): a TPKT header, an X.224 Connection Request and an
 * RDP_NEG_REQ asking for TLS (PROTOCOL_SSL) or CredSSP (PROTOCOL_HYBRID), both of which run inside TLS. No cookie and
 * no user name: the server learns nothing of who is coming.
 */
const CONNECTION_REQUEST = Buffer.from([
  0x03, 0x00, 0x00, 0x13, 0x0e, 0xe0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x08, 0x00, 0x03, 0x00, 0x00,
  0x00,
]);
const TYPE_RDP_NEG_RSP = 0x02;
const TYPE_RDP_NEG_FAILURE = 0x03;

export interface RdpCertificate {
  /**
   * SHA-256 of the certificate's DER as OpenSSH prints a host key's (`SHA256:` and unpadded base64): kept and shown
   * as SSH host keys are, and audited by the same events.
   */
  fingerprint: string;
  subject: string;
  validTo: string;
}

/**
 * Fetches the certificate an RDP server presents, the way a client starts (X.224, then TLS on the same socket), and
 * hangs up right after the TLS handshake: Lotsen pins it itself, trusted on first use, and then tells the client to
 * accept that certificate alone. A server that offers only RDP's own (pre-TLS) security has no certificate to pin and
 * is refused.
 */
export async function fetchRdpCertificate(
  host: string,
  port: number,
  timeoutMs = 10_000,
): Promise<RdpCertificate> {
  const endpoint = `${host}:${port}`;
  const socket = connect({ host, port });
  socket.setTimeout(timeoutMs, () =>
    socket.destroy(keyedError('SSH_UNREACHABLE', 'sessions.rdpNoAnswer', { endpoint })),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', (error) => reject(unreachable(host, port, error)));
    });
    socket.write(CONNECTION_REQUEST);
    const confirm = await readTpkt(socket, host, port);
    assertTlsSelected(confirm, host, port);
    // No CA decides here: the pin in Lotsen's store does (a CA-signed certificate is pinned the same way).
    const tls = tlsConnect({ socket, rejectUnauthorized: false });
    const der = await new Promise<Buffer>((resolve, reject) => {
      tls.once('secureConnect', () => resolve(tls.getPeerCertificate().raw));
      tls.once('error', (error) => reject(unreachable(host, port, error)));
      // A timeout destroys the socket under it: the handshake then ends without an error of its own.
      tls.once('close', () => reject(keyedError('SSH_UNREACHABLE', 'sessions.rdpTlsEnded', { endpoint })));
    });
    tls.destroy();
    return describeCertificate(der);
  } finally {
    socket.destroy();
  }
}

/** The fingerprint and names of a DER certificate. */
export function describeCertificate(der: Buffer): RdpCertificate {
  const certificate = new X509Certificate(der);
  return {
    fingerprint: sha256Fingerprint(der),
    subject: certificate.subject.replace(/\n/g, ', '),
    validTo: certificate.validTo,
  };
}

/** `SHA256:…`, the SHA-256 of a DER certificate, as OpenSSH writes a key's. */
export function sha256Fingerprint(der: Buffer): string {
  return `SHA256:${createHash('sha256').update(der).digest('base64').replace(/=+$/, '')}`;
}

function readTpkt(socket: Socket, host: string, port: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 4) return;
      const length = received.readUInt16BE(2);
      if (received[0] !== 0x03 || length < 7) {
        finish();
        reject(keyedError('RDP_NO_CERTIFICATE', 'sessions.notAnRdpServer', { endpoint: `${host}:${port}` }));
        return;
      }
      if (received.length < length) return;
      finish();
      // Anything past the confirm belongs to TLS, which the server does not start before the client's hello.
      resolve(received.subarray(0, length));
    };
    const onEnd = () => {
      finish();
      reject(keyedError('RDP_NO_CERTIFICATE', 'sessions.rdpClosedEarly', { endpoint: `${host}:${port}` }));
    };
    const onError = (error: Error) => {
      finish();
      reject(unreachable(host, port, error));
    };
    const finish = () => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('error', onError);
      socket.pause();
    };
    socket.on('data', onData);
    socket.once('end', onEnd);
    socket.once('error', onError);
  });
}

/** The X.224 Connection Confirm must carry an RDP_NEG_RSP choosing TLS or CredSSP, never standard RDP security. */
function assertTlsSelected(confirm: Buffer, host: string, port: number): void {
  // TPKT (4), LI (1), CC code (1), DST-REF (2), SRC-REF (2), class (1): the negotiation starts at 11.
  const type = confirm[11];
  if (confirm.length >= 19 && type === TYPE_RDP_NEG_RSP) {
    const selected = confirm.readUInt32LE(15);
    if (selected !== 0) return;
  }
  const endpoint = `${host}:${port}`;
  throw confirm.length >= 19 && type === TYPE_RDP_NEG_FAILURE
    ? keyedError('RDP_NO_CERTIFICATE', 'sessions.rdpTlsRefused', {
        endpoint,
        failureCode: confirm.readUInt32LE(15),
      })
    : keyedError('RDP_NO_CERTIFICATE', 'sessions.rdpNoTls', { endpoint });
}

function unreachable(host: string, port: number, error: Error): LotsenError {
  if (error instanceof LotsenError) return error;
  const endpoint = `${host}:${port}`;
  const errno = connectionErrno((error as NodeJS.ErrnoException).code);
  if (errno !== null)
    return keyedError('SSH_UNREACHABLE', 'sessions.rdpUnreachableBecause', { endpoint, errno });
  console.error(
    `lotsen: could not reach ${endpoint}: ${(error as NodeJS.ErrnoException).code ?? error.message}`,
  );
  return keyedError('SSH_UNREACHABLE', 'sessions.rdpUnreachable', { endpoint });
}
