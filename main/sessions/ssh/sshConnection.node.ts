import type { Duplex } from 'node:stream';
import ssh2, {
  type AnyAuthMethod,
  type AuthenticationType,
  type Client as SshClient,
  type ClientChannel,
  type ConnectConfig,
  type ParsedKey,
} from 'ssh2';
import { keyedError, LotsenError } from '../../../common/api/errors.ts';
import type { ErrorDetailKey } from '../../../common/api/errorDetails/index.ts';
import { connectionErrno } from '../../../common/sessions/connectionErrno.ts';
import { hostKeyFingerprint, hostKeyType } from './hostKeyFingerprint.ts';
import { sshLocaleEnvironment } from './sshLocale.ts';

// ssh2 is CommonJS: Node's ESM loader sees only its default export at run time.
const { Client, utils } = ssh2;
type Client = SshClient;

export interface KeyboardPrompt {
  prompt: string;
  echo: boolean;
}

export type SshAuth =
  | { kind: 'password'; password: string }
  | { kind: 'privateKey'; privateKey: string | Buffer; passphrase?: string }
  | {
      kind: 'keyboardInteractive';
      /**
       * Each server round of prompts goes to the person (the UI); answers come back in order. Rejecting cancels the
       * login. Time spent here does not count against the connect timeout.
       */
      answer: (prompts: KeyboardPrompt[], name: string, instructions: string) => Promise<string[]>;
    }
  | { kind: 'agent'; socket: string };

export interface SshHop {
  host: string;
  port: number;
  username: string;
  auth: SshAuth;
}

export interface HostKeyQuestion {
  /** Only where the hop is: a key is kept per endpoint (an RDP certificate is checked the same way). */
  hop: Pick<SshHop, 'host' | 'port'>;
  /** The jump hosts this hop is reached through, nearest first; empty when reached directly. */
  via: readonly Pick<SshHop, 'host' | 'port'>[];
  keyType: string;
  /** `SHA256:…` as OpenSSH prints it. */
  fingerprint: string;
}

/**
 * Decides about each hop's host key before anything is sent to it: resolve true to go on, false when the person
 * declined, or throw (a LotsenError, e.g. HOST_KEY_MISMATCH) to refuse. Time spent here (asking the person) does not
 * count against the connect timeout.
 */
export type HostKeyCheck = (question: HostKeyQuestion) => Promise<boolean>;

export interface SshConnectOptions {
  /** Jump hosts first, the target last (OpenSSH's ProxyJump order). */
  hops: readonly SshHop[];
  verifyHostKey: HostKeyCheck;
  keepaliveIntervalMs?: number;
  /** Unanswered keepalives after which the connection counts as dropped. */
  keepaliveCountMax?: number;
  /** How long each hop may take to connect, excluding time spent waiting on the person. */
  connectTimeoutMs?: number;
  /** Where the locale sent with each shell is read (`sshLocaleEnvironment`); Lotsen's own environment unless given. */
  localEnv?: NodeJS.ProcessEnv;
}

export type CloseReason = 'closed' | 'dropped';

export interface SshConnection {
  /** An interactive shell on a pty; the channel is a byte Duplex with `setWindow(rows, cols)`. */
  openShell(size: { cols: number; rows: number; term?: string }): Promise<ClientChannel>;
  /** Once, when the connection ends: 'closed' after `close()`, 'dropped' otherwise (server, network, keepalive). */
  onClose(listener: (reason: CloseReason) => void): void;
  close(): void;
}

/**
 * Connects through zero or more jump hosts to the target, as OpenSSH's ProxyJump does: each hop is reached through a
 * direct-tcpip channel of the previous one, and every hop's host key is checked before authenticating to it.
 * Secrets stay in the auth objects the caller passes; they are never logged and never put in an error.
 */
export async function connectSsh(options: SshConnectOptions): Promise<SshConnection> {
  if (options.hops.length === 0) throw keyedError('VALIDATION', 'sessions.noHosts');
  const clients: Client[] = [];
  let sock: Duplex | undefined;
  try {
    for (const [index, hop] of options.hops.entries()) {
      const via = options.hops.slice(0, index).reverse();
      clients.push(await connectHop(hop, via, sock, options));
      const next = options.hops[index + 1];
      if (next) sock = await forward(clients.at(-1)!, hop, next, options.connectTimeoutMs ?? 20_000);
    }
  } catch (error) {
    for (const client of clients.reverse()) client.end();
    throw error;
  }
  return connectionOf(clients, sshLocaleEnvironment(options.localEnv ?? process.env));
}

const serverMethodOf: Record<SshAuth['kind'], AuthenticationType> = {
  password: 'password',
  privateKey: 'publickey',
  agent: 'publickey',
  keyboardInteractive: 'keyboard-interactive',
};

/** A refused login's detail by the method tried: refused as given, or not offered by the server at all. */
const authRefusalOf: Record<SshAuth['kind'], { refused: ErrorDetailKey; notOffered: ErrorDetailKey }> = {
  password: { refused: 'sessions.passwordRefused', notOffered: 'sessions.passwordNotOffered' },
  privateKey: { refused: 'sessions.privateKeyRefused', notOffered: 'sessions.privateKeyNotOffered' },
  agent: { refused: 'sessions.agentKeysRefused', notOffered: 'sessions.agentKeysNotOffered' },
  keyboardInteractive: { refused: 'sessions.answersRefused', notOffered: 'sessions.answersNotOffered' },
};

function connectHop(
  hop: SshHop,
  via: readonly SshHop[],
  sock: Duplex | undefined,
  options: SshConnectOptions,
): Promise<Client> {
  const where = describeHop(hop, via);
  // ssh2 parses a key inside connect(); parsing it first gives the person a precise reason.
  const key = hop.auth.kind === 'privateKey' ? openPrivateKey(hop.auth, where) : undefined;
  return new Promise((resolve, reject) => {
    const client = new Client();
    let settled = false;
    const fail = (error: LotsenError) => {
      if (settled) return;
      settled = true;
      clock.stop();
      client.destroy();
      reject(error);
    };
    const timeoutMs = options.connectTimeoutMs ?? 20_000;
    const clock = pausableTimer(timeoutMs, () =>
      fail(keyedError('SSH_UNREACHABLE', 'sessions.noAnswerWithin', { where, seconds: timeoutMs / 1000 })),
    );
    /** The person may take their time: the connect clock stops while we wait on them. */
    const personsTurn = <T>(work: () => Promise<T>): Promise<T> => {
      clock.pause();
      return work().finally(() => clock.resume());
    };

    let offered: readonly string[] | null = null;
    let attempted = false;
    // Why the agent could not be used, for Lotsen's log only: the library's words, never shown to the person.
    let agentProblem: string | null = null;
    const authHandler = (
      methodsLeft: AuthenticationType[] | null,
      _partial: boolean | null,
      next: NextAuth,
    ) => {
      // A first 'none' asks the server which methods it offers, so a failure can say so.
      if (methodsLeft === null) return next({ type: 'none', username: hop.username });
      offered = methodsLeft;
      if (attempted || !methodsLeft.includes(serverMethodOf[hop.auth.kind])) return next(false);
      attempted = true;
      return next(attemptFor(hop, key, personsTurn, fail));
    };

    const config: ConnectConfig = {
      host: hop.host,
      port: hop.port,
      username: hop.username,
      keepaliveInterval: options.keepaliveIntervalMs ?? 5_000,
      keepaliveCountMax: options.keepaliveCountMax ?? 3,
      // Our clock, which can pause for the person, replaces ssh2's.
      readyTimeout: 0,
      ...(sock ? { sock } : {}),
      hostVerifier: (keyBlob: Buffer, verify: (valid: boolean) => void) => {
        const question = {
          hop,
          via,
          keyType: hostKeyType(keyBlob),
          fingerprint: hostKeyFingerprint(keyBlob),
        };
        personsTurn(() => options.verifyHostKey(question)).then(
          (accepted) => {
            if (!accepted)
              fail(
                keyedError('HOST_KEY_UNTRUSTED', 'sessions.hostKeyNotTrusted', {
                  where,
                  fingerprint: question.fingerprint,
                }),
              );
            else verify(true);
          },
          (error: unknown) =>
            fail(
              error instanceof LotsenError
                ? error
                : keyedError('INTERNAL', 'sessions.hostKeyUncheckable', { where }),
            ),
        );
      },
      authHandler: authHandler as ConnectConfig['authHandler'],
    };

    client
      .once('ready', () => {
        settled = true;
        clock.stop();
        resolve(client);
      })
      // Also hears errors after the login (a keepalive timeout, a reset): those end in the connection's close
      // (connectionOf), with nothing left to refuse here.
      .on('error', (error: Error & { level?: string; code?: string }) => {
        if (settled) return;
        if (error.level === 'agent') {
          agentProblem = error.message;
          return;
        }
        if (error.level === 'client-authentication') {
          if (agentProblem !== null)
            console.error(`lotsen: the SSH agent could not be used: ${agentProblem}`);
          fail(authFailure(where, hop.auth, offered, agentProblem !== null));
          return;
        }
        fail(unreachable(where, error));
      })
      .once('close', () => fail(keyedError('SSH_UNREACHABLE', 'sessions.closedBeforeLogin', { where })));
    client.connect(config);
  });
}

type NextAuth = (method: AnyAuthMethod | false) => void;

function attemptFor(
  hop: SshHop,
  key: ParsedKey | undefined,
  personsTurn: <T>(work: () => Promise<T>) => Promise<T>,
  fail: (error: LotsenError) => void,
): AnyAuthMethod {
  const { username, auth } = hop;
  switch (auth.kind) {
    case 'password':
      return { type: 'password', username, password: auth.password };
    case 'privateKey':
      return { type: 'publickey', username, key: key! };
    case 'agent':
      return { type: 'agent', username, agent: auth.socket };
    case 'keyboardInteractive':
      return {
        type: 'keyboard-interactive',
        username,
        prompt: (name, instructions, _lang, prompts, finish) => {
          const asked = prompts.map((p) => ({ prompt: p.prompt, echo: p.echo ?? false }));
          personsTurn(() => auth.answer(asked, name, instructions)).then(finish, () =>
            fail(
              keyedError('SSH_AUTH_FAILED', 'sessions.loginCancelled', {
                where: `${username}@${hop.host}:${hop.port}`,
              }),
            ),
          );
        },
      };
  }
}

function openPrivateKey(
  auth: { privateKey: string | Buffer; passphrase?: string },
  where: string,
): ParsedKey {
  const parsed = utils.parseKey(auth.privateKey, auth.passphrase);
  if (parsed instanceof Error) {
    const reason: ErrorDetailKey = /no passphrase given/i.test(parsed.message)
      ? 'sessions.keyNeedsPassphrase'
      : /passphrase|decrypt|integrity/i.test(parsed.message)
        ? 'sessions.keyPassphraseWrong'
        : 'sessions.keyFormatUnknown';
    throw keyedError('SSH_AUTH_FAILED', reason, { where });
  }
  const key = Array.isArray(parsed) ? (parsed[0] as ParsedKey) : parsed;
  if (!key.isPrivateKey()) throw keyedError('SSH_AUTH_FAILED', 'sessions.publicKeyGiven', { where });
  return key;
}

/** A refused login, by the method tried and what the server offers (the protocol's method names, worded by the console). */
function authFailure(
  where: string,
  auth: SshAuth,
  offered: readonly string[] | null,
  agentUnusable: boolean,
): LotsenError {
  if (offered === null || offered.length === 0)
    return keyedError('SSH_AUTH_FAILED', 'sessions.loginRefused', { where });
  const values = { where, authMethods: [...offered] };
  const keys = authRefusalOf[auth.kind];
  if (!offered.includes(serverMethodOf[auth.kind]))
    return keyedError('SSH_AUTH_FAILED', keys.notOffered, values);
  if (auth.kind === 'agent' && agentUnusable)
    return keyedError('SSH_AUTH_FAILED', 'sessions.agentKeysRefusedAgentUnusable', values);
  return keyedError('SSH_AUTH_FAILED', keys.refused, values);
}

/**
 * A hop that could not be reached, by its cause: a known errno (refused, timed out, a name not found), a handshake
 * that found no common algorithms, or, for anything else, only that it failed (the library's words go to the log).
 */
function unreachable(where: string, error: Error & { level?: string; code?: string }): LotsenError {
  const errno = connectionErrno(error.code);
  if (errno !== null)
    return keyedError('SSH_UNREACHABLE', 'sessions.couldNotConnectBecause', { where, errno });
  if (error.level === 'handshake')
    return keyedError('SSH_UNREACHABLE', 'sessions.handshakeFailed', { where });
  console.error(`lotsen: could not connect to ${where}: ${error.code ?? error.message}`);
  return keyedError('SSH_UNREACHABLE', 'sessions.couldNotConnect', { where });
}

function describeHop(hop: SshHop, via: readonly SshHop[]): string {
  const target = `${hop.username}@${hop.host}:${hop.port}`;
  return via.length === 0
    ? target
    : `${target} (through ${via.map((h) => `${h.host}:${h.port}`).join(', ')})`;
}

function forward(client: Client, from: SshHop, to: SshHop, timeoutMs: number): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const route = { from: `${from.host}:${from.port}`, to: `${to.host}:${to.port}` };
    const timer = setTimeout(
      () =>
        reject(
          keyedError('SSH_UNREACHABLE', 'sessions.jumpNoAnswer', { ...route, seconds: timeoutMs / 1000 }),
        ),
      timeoutMs,
    );
    client.forwardOut('127.0.0.1', 0, to.host, to.port, (error, stream) => {
      clearTimeout(timer);
      if (error) reject(keyedError('SSH_UNREACHABLE', forwardRefusal(error), route));
      else resolve(stream);
    });
  });
}

/** Why a jump host refused to open the channel onward, by the SSH protocol's reason code (RFC 4254, 5.1). */
function forwardRefusal(error: Error & { reason?: unknown }): ErrorDetailKey {
  if (error.reason === 1) return 'sessions.jumpForwardingRefused';
  if (error.reason === 2) return 'sessions.jumpConnectFailed';
  return 'sessions.jumpChannelRefused';
}

/** A one-shot timer that can be held while the person is answering. */
function pausableTimer(ms: number, onExpire: () => void) {
  let remaining = ms;
  let startedAt = Date.now();
  let timer: NodeJS.Timeout | undefined = setTimeout(onExpire, remaining);
  return {
    pause() {
      if (!timer) return;
      clearTimeout(timer);
      timer = undefined;
      remaining -= Date.now() - startedAt;
    },
    resume() {
      if (timer || remaining === Infinity) return;
      startedAt = Date.now();
      timer = setTimeout(onExpire, Math.max(0, remaining));
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
      remaining = Infinity;
    },
  };
}

function connectionOf(clients: Client[], env: Record<string, string>): SshConnection {
  const target = clients.at(-1)!;
  let closedByUs = false;
  let reason: CloseReason | null = null;
  const listeners: ((reason: CloseReason) => void)[] = [];
  target.once('close', () => {
    reason = closedByUs ? 'closed' : 'dropped';
    for (const client of clients.slice(0, -1).reverse()) client.end();
    for (const listener of listeners.splice(0)) listener(reason);
  });

  return {
    openShell({ cols, rows, term = 'xterm-256color' }) {
      return new Promise((resolve, reject) => {
        target.shell({ cols, rows, term }, { env }, (error, channel) =>
          error ? reject(keyedError('SSH_DISCONNECTED', 'sessions.noShell')) : resolve(channel),
        );
      });
    },
    onClose(listener) {
      if (reason !== null) listener(reason);
      else listeners.push(listener);
    },
    close() {
      closedByUs = true;
      target.end();
    },
  };
}
