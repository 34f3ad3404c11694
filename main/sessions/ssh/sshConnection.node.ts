import { Client, type ClientChannel, type ConnectConfig } from 'ssh2';
import type { Duplex } from 'node:stream';
import { LotsenError } from '../../../common/api/errors.ts';
import { hostKeyFingerprint, hostKeyType } from './hostKeyFingerprint.ts';

export type SshAuth =
  | { kind: 'password'; password: string }
  | { kind: 'privateKey'; privateKey: string | Buffer; passphrase?: string }
  | {
      kind: 'keyboardInteractive';
      /** Each server prompt goes to the person (the UI); answers come back in order. */
      answer: (
        prompts: { prompt: string; echo: boolean }[],
        name: string,
        instructions: string,
      ) => Promise<string[]>;
    }
  | { kind: 'agent'; socket: string };

export interface SshHop {
  host: string;
  port: number;
  username: string;
  auth: SshAuth;
}

/** Decides about each hop's host key: resolve true to go on, false or throw to refuse. */
export type HostKeyCheck = (hop: SshHop, keyType: string, fingerprint: string) => Promise<boolean>;

export interface SshConnectOptions {
  /** Jump hosts first, the target last (OpenSSH's ProxyJump order). */
  hops: readonly SshHop[];
  verifyHostKey: HostKeyCheck;
  keepaliveIntervalMs?: number;
  keepaliveCountMax?: number;
  readyTimeoutMs?: number;
}

export type CloseReason = 'closed' | 'dropped';

export interface SshConnection {
  exec(command: string): Promise<{ stdout: string; stderr: string; code: number | null }>;
  openShell(size: { cols: number; rows: number; term?: string }): Promise<ClientChannel>;
  /** Once, when the target connection ends: 'closed' when we closed it, 'dropped' otherwise. */
  onClose(listener: (reason: CloseReason) => void): void;
  close(): void;
}

/**
 * Connects through zero or more jump hosts to the target, checking every hop's host key before authenticating to
 * it. Secrets stay in the auth objects the caller passes; they are not logged and never appear in an error.
 */
export async function connectSsh(options: SshConnectOptions): Promise<SshConnection> {
  if (options.hops.length === 0)
    throw new LotsenError('VALIDATION', 'An SSH connection needs at least one host.');
  const clients: Client[] = [];
  let sock: Duplex | undefined;
  try {
    for (const [index, hop] of options.hops.entries()) {
      const client = await connectHop(hop, sock, options);
      clients.push(client);
      const next = options.hops[index + 1];
      if (next) sock = await forward(client, hop, next);
    }
  } catch (error) {
    for (const client of clients.reverse()) client.end();
    throw error;
  }
  return connectionOf(clients);
}

function connectHop(hop: SshHop, sock: Duplex | undefined, options: SshConnectOptions): Promise<Client> {
  return new Promise((resolve, reject) => {
    const client = new Client();
    let refusal: LotsenError | null = null;
    const config: ConnectConfig = {
      host: hop.host,
      port: hop.port,
      username: hop.username,
      keepaliveInterval: options.keepaliveIntervalMs ?? 5_000,
      keepaliveCountMax: options.keepaliveCountMax ?? 3,
      readyTimeout: options.readyTimeoutMs ?? 20_000,
      ...(sock ? { sock } : {}),
      hostVerifier: (key: Buffer, verify: (valid: boolean) => void) => {
        options
          .verifyHostKey(hop, hostKeyType(key), hostKeyFingerprint(key))
          .then(verify, (error: unknown) => {
            refusal =
              error instanceof LotsenError
                ? error
                : new LotsenError('HOST_KEY_MISMATCH', 'The host key was refused.');
            verify(false);
          });
      },
      ...authConfig(hop.auth),
    };
    if (hop.auth.kind === 'keyboardInteractive') {
      const { answer } = hop.auth;
      client.on('keyboard-interactive', (name, instructions, _lang, prompts, finish) => {
        answer(
          prompts.map((p) => ({ prompt: p.prompt, echo: p.echo ?? false })),
          name,
          instructions,
        ).then(finish, () => finish([]));
      });
    }
    client
      .once('ready', () => resolve(client))
      .once('error', (error: Error & { level?: string }) => {
        client.end();
        reject(refusal ?? mapError(error, hop));
      });
    try {
      client.connect(config);
    } catch (error) {
      // ssh2 parses the private key synchronously: a wrong passphrase surfaces here.
      reject(mapError(error as Error, hop));
    }
  });
}

function authConfig(auth: SshAuth): Partial<ConnectConfig> {
  switch (auth.kind) {
    case 'password':
      return { password: auth.password, tryKeyboard: false };
    case 'privateKey':
      return {
        privateKey: auth.privateKey,
        ...(auth.passphrase !== undefined ? { passphrase: auth.passphrase } : {}),
      };
    case 'keyboardInteractive':
      return { tryKeyboard: true };
    case 'agent':
      return { agent: auth.socket };
  }
}

function forward(client: Client, from: SshHop, to: SshHop): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    client.forwardOut('127.0.0.1', 0, to.host, to.port, (error, stream) => {
      if (error)
        reject(
          new LotsenError(
            'SSH_UNREACHABLE',
            `${from.host} could not reach ${to.host}:${to.port} (${error.message}).`,
          ),
        );
      else resolve(stream);
    });
  });
}

function mapError(error: Error & { level?: string; code?: string }, hop: SshHop): LotsenError {
  const where = `${hop.username}@${hop.host}:${hop.port}`;
  if (error.level === 'client-authentication') {
    return new LotsenError('SSH_AUTH_FAILED', `${where} did not accept the ${authName(hop.auth)}.`);
  }
  if (/passphrase|decrypt|parse privateKey|Cannot parse/i.test(error.message)) {
    return new LotsenError(
      'SSH_AUTH_FAILED',
      `The private key for ${where} could not be opened: wrong passphrase or not a key.`,
    );
  }
  if (error.level === 'client-timeout')
    return new LotsenError('SSH_UNREACHABLE', `${where} did not answer in time.`);
  return new LotsenError(
    'SSH_UNREACHABLE',
    `Could not connect to ${where} (${error.code ?? error.message}).`,
  );
}

function authName(auth: SshAuth): string {
  return {
    password: 'password',
    privateKey: 'private key',
    keyboardInteractive: 'keyboard-interactive answers',
    agent: 'keys in the SSH agent',
  }[auth.kind];
}

function connectionOf(clients: Client[]): SshConnection {
  const target = clients.at(-1)!;
  let closedByUs = false;
  let reason: CloseReason | null = null;
  const listeners: ((reason: CloseReason) => void)[] = [];
  target.once('close', () => {
    reason = closedByUs ? 'closed' : 'dropped';
    for (const client of clients.slice(0, -1).reverse()) client.end();
    for (const listener of listeners) listener(reason);
  });
  // Errors after connecting (a keepalive timeout, a reset) end in 'close'; they need a listener not to throw.
  for (const client of clients) client.on('error', () => undefined);

  return {
    exec(command) {
      return new Promise((resolve, reject) => {
        target.exec(command, (error, channel) => {
          if (error)
            return reject(
              new LotsenError('SSH_DISCONNECTED', `The command could not start: ${error.message}`),
            );
          let stdout = '';
          let stderr = '';
          channel.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
          channel.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
          channel.once('close', (code: number | null) => resolve({ stdout, stderr, code }));
        });
      });
    },
    openShell({ cols, rows, term = 'xterm-256color' }) {
      return new Promise((resolve, reject) => {
        target.shell({ cols, rows, term }, (error, channel) =>
          error
            ? reject(new LotsenError('SSH_DISCONNECTED', `No shell: ${error.message}`))
            : resolve(channel),
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
