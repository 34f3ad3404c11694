import { keyedError } from '../../../common/api/errors.ts';
import type { SessionOpenFields } from '../../../common/sessions/model.ts';
import type { Backend } from '../../app/backend.node.ts';
import { askToTrustHostKey } from '../hostKeyQuestion.ts';
import type { OpeningReads } from '../openingReads.ts';
import type { SessionQuestions } from '../sessionQuestions.ts';
import type { PtyOptions } from '../terminal/ptySource.node.ts';
import type { TerminalSource } from '../terminal/terminalSource.ts';
import { fetchRdpCertificate } from './rdpCertificate.node.ts';
import { launchPlatformRdp } from './platformRdp.node.ts';
import { launchRdpClient, type RdpClientOptions } from './rdpClient.node.ts';
import { findRdpTarget, rdpTitle } from './rdpTarget.ts';

/** The key type an RDP server's TLS certificate is kept under beside SSH host keys (known_hosts). */
export const RDP_CERTIFICATE_KEY_TYPE = 'rdp-x509';

/**
 * Connects an RDP session: Lotsen fetches the server's certificate and checks it against the one it pinned, as SSH
 * host keys are (the first one shown to the person and remembered when trusted and audited, a changed one refusing the
 * session with HOST_KEY_MISMATCH until it is replaced on purpose), then starts the client with the password from the
 * store, told to accept that certificate alone.
 */
export async function connectRdp(args: {
  backend: Backend;
  sessionId: string;
  input: Pick<SessionOpenFields, 'serverId' | 'accountId'>;
  questions: SessionQuestions;
  reads: OpeningReads;
  spawnPty: (options: PtyOptions) => TerminalSource;
  size: { cols: number; rows: number };
  options?: RdpClientOptions | undefined;
  /** Still wanted: the session may have ended while a question waited. */
  stillWanted: () => boolean;
}): Promise<TerminalSource | null> {
  const { backend, sessionId, questions, reads } = args;
  const target = await findRdpTarget(reads.findTarget, args.input);
  if (target.secret === null) {
    throw keyedError('SSH_AUTH_FAILED', 'sessions.rdpNoPassword', {
      where: `${target.username}@${target.host}`,
    });
  }
  const certificate = await fetchRdpCertificate(target.host, target.port);
  const policy = reads.hostKeyPolicy(askToTrustHostKey(backend, questions, sessionId));
  const trusted = await policy({
    hop: { host: target.host, port: target.port },
    via: [],
    keyType: RDP_CERTIFICATE_KEY_TYPE,
    fingerprint: certificate.fingerprint,
  });
  if (!trusted) {
    throw keyedError('HOST_KEY_UNTRUSTED', 'sessions.certificateNotTrusted');
  }
  if (!args.stillWanted()) return null;
  const platform = args.options?.platform ?? process.platform;
  if (platform === 'win32' || platform === 'darwin') {
    // mstsc takes no fingerprint: the check above, just before the launch, is Lotsen's (docs/rdp.md, the known gap).
    return launchPlatformRdp(
      {
        sessionId,
        host: target.host,
        port: target.port,
        username: target.username,
        password: target.secret,
        ...args.size,
      },
      {
        platform,
        dataDir: backend.dataDir,
        spawnPty: args.spawnPty,
        programs: args.options?.platformPrograms,
      },
    );
  }
  return launchRdpClient(
    args.spawnPty,
    {
      host: target.host,
      port: target.port,
      username: target.username,
      password: target.secret,
      fingerprint: certificate.fingerprint,
      title: rdpTitle(target),
      ...args.size,
    },
    args.options,
  );
}
