import { openSecret } from '../../vault/secretVault.ts';
import { keyedError, LotsenError } from '../../../common/api/errors.ts';
import type { SshAuthChoice } from '../../../common/sessions/model.ts';
import type { Db } from '../../store/database.node.ts';
import type { KeyboardPrompt, SshAuth, SshHop } from './sshConnection.node.ts';

export interface HopSpec {
  serverId: string;
  accountId: string;
  auth: SshAuthChoice;
}

/** Where a hop's authentication turns to the person at the console. */
export interface HopQuestions {
  keyboard(host: string, prompts: KeyboardPrompt[], name: string, instructions: string): Promise<string[]>;
  /** The passphrase of an encrypted key held in the store (asked, as `ssh` asks, never stored). */
  keyPassphrase(host: string, username: string): Promise<string>;
}

const PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;

/**
 * Turns registered servers and support accounts (all from one environment) into connectable hops. Secrets are read
 * from the encrypted store here, in main, and go straight into the SSH client; the renderer never holds them.
 */
export async function resolveHops(
  findTarget: FindHopTarget,
  specs: readonly HopSpec[],
  questions: HopQuestions,
  agentSocket: string | undefined,
): Promise<SshHop[]> {
  const hops: SshHop[] = [];
  for (const spec of specs) {
    const target = await findTarget(spec);
    const where = `${target.username}@${target.host}`;
    hops.push({
      host: target.host,
      port: target.port,
      username: target.username,
      auth: await authFor(spec.auth, target.secret, where, agentSocket, questions, target.host),
    });
  }
  return hops;
}

/** Every jump host is a registered server and account of the environment, or the session is refused before it exists. */
export async function assertRouteRegistered(
  findTarget: FindHopTarget,
  jump: readonly HopSpec[],
): Promise<void> {
  for (const [index, hop] of jump.entries()) {
    await findTarget(hop).catch((error: unknown) => {
      throw jumpHostError(error, index);
    });
  }
}

/** A jump host that is not registered, said as such (numbered from 1); any other failure as it is. */
function jumpHostError(error: unknown, index: number): unknown {
  if (!(error instanceof LotsenError)) return error;
  const values = { jump: index + 1 };
  if (error.detail?.key === 'sessions.noSuchServer')
    return keyedError(error.code, 'sessions.jumpNoSuchServer', values, { jump: index });
  if (error.detail?.key === 'sessions.noSuchAccount')
    return keyedError(error.code, 'sessions.jumpNoSuchAccount', values, { jump: index });
  return error;
}

/** A registered server and support account, as one hop needs them (the secret included). */
export interface HopTarget {
  host: string;
  port: number;
  username: string;
  secret: string | null;
  /** The server's own RDP port (0030), for an RDP session (rdp/rdpTarget.ts); SSH uses `port`. */
  rdpPort?: number | null;
}

/** Where a session's hops are looked up: the store (findHopTarget), or what a cached verdict keeps (openingReads.ts). */
export type FindHopTarget = (spec: Pick<HopSpec, 'serverId' | 'accountId'>) => Promise<HopTarget>;

/** A registered server and support account of one environment, as one hop needs them (the secret included). */
export async function findHopTarget(
  db: Db,
  environmentId: string,
  spec: Pick<HopSpec, 'serverId' | 'accountId'>,
): Promise<HopTarget> {
  const server = await db
    .selectFrom('servers')
    .select(['host', 'port', 'rdp_port'])
    .where('id', '=', spec.serverId)
    .where('environment_id', '=', environmentId)
    .executeTakeFirst();
  if (!server) throw keyedError('NOT_FOUND', 'sessions.noSuchServer');
  const account = await db
    .selectFrom('support_accounts')
    .select(['username', 'secret'])
    .where('id', '=', spec.accountId)
    .where('environment_id', '=', environmentId)
    .executeTakeFirst();
  if (!account) throw keyedError('NOT_FOUND', 'sessions.noSuchAccount');
  // Opened in memory for this connection only (main/vault/secretVault.ts); the store holds it sealed.
  const secret = account.secret === null ? null : await openSecret(db, account.secret);
  return {
    host: server.host,
    port: server.port,
    rdpPort: server.rdp_port,
    username: account.username,
    secret,
  };
}

/** `user@host`, with `:port` when it is not 22, as a tab shows the target. */
export function hopTitle(target: { host: string; port: number; username: string }): string {
  return `${target.username}@${target.host}${target.port === 22 ? '' : `:${target.port}`}`;
}

async function authFor(
  choice: SshAuthChoice,
  secret: string | null,
  where: string,
  agentSocket: string | undefined,
  questions: HopQuestions,
  host: string,
): Promise<SshAuth> {
  if (choice === 'agent') {
    if (!agentSocket) {
      throw keyedError('SSH_AUTH_FAILED', 'sessions.agentMissing', { where });
    }
    return { kind: 'agent', socket: agentSocket };
  }
  if (choice === 'keyboardInteractive') {
    return {
      kind: 'keyboardInteractive',
      answer: (prompts, name, instructions) => questions.keyboard(host, prompts, name, instructions),
    };
  }
  if (secret === null) {
    throw keyedError('SSH_AUTH_FAILED', 'sessions.noSecretStored', { where });
  }
  const looksLikeKey = PRIVATE_KEY.test(secret);
  if (choice === 'password' || (choice === 'auto' && !looksLikeKey)) {
    return { kind: 'password', password: secret };
  }
  if (!looksLikeKey) {
    throw keyedError('SSH_AUTH_FAILED', 'sessions.secretNotAKey', { where });
  }
  // ssh2 is loaded here, on a session's first key, not with the API (issue 17, a CLI that starts at once).
  const { default: ssh2 } = await import('ssh2');
  const parsed = ssh2.utils.parseKey(secret);
  if (!(parsed instanceof Error)) return { kind: 'privateKey', privateKey: secret };
  if (!/passphrase/i.test(parsed.message)) {
    throw keyedError('SSH_AUTH_FAILED', 'sessions.storedKeyUnreadable', { where });
  }
  const username = where.slice(0, where.lastIndexOf('@'));
  return {
    kind: 'privateKey',
    privateKey: secret,
    passphrase: await questions.keyPassphrase(host, username),
  };
}
