import { createServer, type Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  connectSsh,
  type HostKeyCheck,
  type HostKeyQuestion,
  type KeyboardPrompt,
  type SshConnection,
  type SshHop,
} from '../../../../main/sessions/ssh/sshConnection.node.ts';
import {
  authorizedKeyPair,
  freePort,
  makeUserKeyPair,
  startAgent,
  startSshd,
  type SshdFixture,
} from '../../../support/sshd/sshdFixture.ts';

// Host-key policy is knownHosts.test.ts's subject; here every key is accepted.
const acceptAll: HostKeyCheck = async () => true;
const passwordHop = (sshd: SshdFixture): SshHop => ({
  host: sshd.host,
  port: sshd.port,
  username: sshd.username,
  auth: { kind: 'password', password: sshd.password },
});

/** Resolves with everything read once `pattern` shows up in the stream's output. */
function outputMatching(stream: Readable, pattern: RegExp): Promise<string> {
  return new Promise((resolve) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      if (pattern.test(seen)) {
        stream.off('data', onData);
        resolve(seen);
      }
    };
    stream.on('data', onData);
  });
}

/**
 * Types a command into a shell on the connection, as a session does, and resolves with everything the shell printed
 * and its exit status once it has ended. The output holds the typed line too, so commands print what their line
 * does not hold (an expansion) and tests look for that.
 */
async function runInShell(connection: SshConnection, command: string) {
  const shell = await connection.openShell({ cols: 80, rows: 24 });
  let output = '';
  shell.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const status = new Promise<unknown>((resolve) => shell.once('exit', resolve));
  const closed = new Promise((resolve) => shell.once('close', resolve));
  shell.write(`${command}; exit\n`);
  await closed;
  return { output, code: await status };
}

let sshd: SshdFixture;
const cleanups: (() => Promise<unknown>)[] = [];
beforeAll(async () => {
  sshd = await startSshd();
});
afterAll(async () => sshd?.stop());
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('authentication against a real sshd', () => {
  test('password: a command runs and its output comes back; close() reports a clean close', async () => {
    const connection = await connectSsh({ hops: [passwordHop(sshd)], verifyHostKey: acceptAll });
    cleanups.push(async () => connection.close());
    const ran = await runInShell(connection, 'echo "hej från $(whoami)"');
    expect(ran.output).toContain(`hej från ${sshd.username}\r\n`);
    expect(ran.code).toBe(0);
    const closed = new Promise((resolve) => connection.onClose(resolve));
    connection.close();
    expect(await closed).toBe('closed');
  });

  test('a wrong password is refused naming the method and what the server offers, never the secret', async () => {
    const hop: SshHop = { ...passwordHop(sshd), auth: { kind: 'password', password: 'fel-lösen-123' } };
    const error = await connectSsh({ hops: [hop], verifyHostKey: acceptAll }).catch((e) => e);
    expect(error).toMatchObject({ code: 'SSH_AUTH_FAILED' });
    expect(error.message).toBe(
      `${sshd.username}@127.0.0.1:${sshd.port} did not accept the password ` +
        '(it offers: publickey, password, keyboard-interactive).',
    );
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain('fel-lösen-123');
  });

  test('an encrypted ed25519 key with its passphrase; a wrong or missing passphrase says so', async () => {
    const key = await authorizedKeyPair(sshd, 'nyckel-lösen');
    cleanups.push(key.cleanup);
    const hop = (passphrase?: string): SshHop => ({
      ...passwordHop(sshd),
      auth: {
        kind: 'privateKey',
        privateKey: key.privateKey,
        ...(passphrase !== undefined ? { passphrase } : {}),
      },
    });
    const connection = await connectSsh({ hops: [hop('nyckel-lösen')], verifyHostKey: acceptAll });
    cleanups.push(async () => connection.close());
    expect((await runInShell(connection, 'echo "nyckel-$((6*7))"')).output).toContain('nyckel-42');
    expect(sshd.log()).toContain(`Accepted publickey for ${sshd.username}`);

    const wrong = await connectSsh({ hops: [hop('fel-fras')], verifyHostKey: acceptAll }).catch((e) => e);
    expect(wrong).toMatchObject({
      code: 'SSH_AUTH_FAILED',
      message: `The private key for ${sshd.username}@127.0.0.1:${sshd.port} could not be opened: the passphrase is wrong.`,
    });
    expect(wrong.message).not.toContain('fel-fras');
    await expect(connectSsh({ hops: [hop()], verifyHostKey: acceptAll })).rejects.toMatchObject({
      code: 'SSH_AUTH_FAILED',
      message: expect.stringContaining('it is encrypted and no passphrase was given'),
    });
  });

  test('a key the server does not know is refused as such', async () => {
    const stranger = await makeUserKeyPair();
    cleanups.push(stranger.cleanup);
    const hop: SshHop = {
      ...passwordHop(sshd),
      auth: { kind: 'privateKey', privateKey: stranger.privateKey },
    };
    await expect(connectSsh({ hops: [hop], verifyHostKey: acceptAll })).rejects.toMatchObject({
      code: 'SSH_AUTH_FAILED',
      message: expect.stringContaining('did not accept the private key'),
    });
  });

  test('keyboard-interactive: the PAM prompt reaches the callback, and the time spent answering is not a timeout', async () => {
    const rounds: { prompts: KeyboardPrompt[]; name: string; instructions: string }[] = [];
    const connectTimeoutMs = 6_000;
    const hop: SshHop = {
      ...passwordHop(sshd),
      auth: {
        kind: 'keyboardInteractive',
        answer: async (prompts, name, instructions) => {
          rounds.push({ prompts, name, instructions });
          // A person reading and typing: longer than the whole connect timeout.
          await new Promise((resolve) => setTimeout(resolve, connectTimeoutMs + 1_000));
          return prompts.map(() => sshd.password);
        },
      },
    };
    const connection = await connectSsh({ hops: [hop], verifyHostKey: acceptAll, connectTimeoutMs });
    cleanups.push(async () => connection.close());
    expect(rounds).toHaveLength(1);
    expect(rounds[0]!.prompts).toEqual([{ prompt: expect.stringMatching(/^Password: ?$/), echo: false }]);
    expect((await runInShell(connection, 'echo "tangentbord-$((6*7))"')).output).toContain('tangentbord-42');
    expect(sshd.log()).toContain(`Accepted keyboard-interactive/pam for ${sshd.username}`);
  });

  test('keyboard-interactive: declining to answer cancels the login', async () => {
    const hop: SshHop = {
      ...passwordHop(sshd),
      auth: {
        kind: 'keyboardInteractive',
        answer: () => Promise.reject(new Error('the person closed the dialog')),
      },
    };
    await expect(connectSsh({ hops: [hop], verifyHostKey: acceptAll })).rejects.toMatchObject({
      code: 'SSH_AUTH_FAILED',
      message: `The login to ${sshd.username}@127.0.0.1:${sshd.port} was cancelled.`,
    });
  });

  test('a key held by a real ssh-agent; an agent that is not there is named in the failure', async () => {
    const key = await authorizedKeyPair(sshd);
    cleanups.push(key.cleanup);
    const agent = await startAgent(key.file);
    cleanups.push(agent.stop);
    const hop = (socket: string): SshHop => ({ ...passwordHop(sshd), auth: { kind: 'agent', socket } });
    const connection = await connectSsh({ hops: [hop(agent.socket)], verifyHostKey: acceptAll });
    cleanups.push(async () => connection.close());
    expect((await runInShell(connection, 'echo "agent-$((6*7))"')).output).toContain('agent-42');

    const missing = await connectSsh({
      hops: [hop(`${agent.socket}.saknas`)],
      verifyHostKey: acceptAll,
    }).catch((e) => e);
    expect(missing.code).toBe('SSH_AUTH_FAILED');
    expect(missing.message).toContain('did not accept the keys in the SSH agent');
    expect(missing.message).toContain('the SSH agent could not be used');
  });
});

describe('the locale sent with a shell', () => {
  test('a UTF-8 LANG and LC_* reach the server (AcceptEnv LANG LC_*), and å, ä, ö typed come back whole', async () => {
    const connection = await connectSsh({
      hops: [passwordHop(sshd)],
      verifyHostKey: acceptAll,
      // Spelled unlike the machine's own default (C.UTF-8 from /etc/default/locale), to see that these arrived.
      localEnv: { LANG: 'C.utf8', LC_CTYPE: 'C.utf8', LC_ALL: 'C', PATH: '/usr/bin' },
    });
    cleanups.push(async () => connection.close());
    const ran = await runInShell(
      connection,
      'echo "[$LANG][$LC_CTYPE][$LC_ALL][$(locale charmap)]"; echo svar-åäö',
    );
    expect(ran.output).toContain('[C.utf8][C.utf8][][UTF-8]\r\n');
    expect(ran.output).toContain('svar-åäö\r\n');
  });
});

describe('unreachable servers', () => {
  test('nothing listening: the error names host and port', async () => {
    const port = await freePort();
    const error = await connectSsh({
      hops: [{ ...passwordHop(sshd), port }],
      verifyHostKey: acceptAll,
    }).catch((e) => e);
    expect(error).toMatchObject({ code: 'SSH_UNREACHABLE' });
    expect(error.message).toBe(`Could not connect to ${sshd.username}@127.0.0.1:${port} (ECONNREFUSED).`);
  });

  test('a server that accepts but never speaks SSH times out', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    });
    const { port } = silent.address() as { port: number };
    const error = await connectSsh({
      hops: [{ ...passwordHop(sshd), port }],
      verifyHostKey: acceptAll,
      connectTimeoutMs: 1_500,
    }).catch((e) => e);
    expect(error).toMatchObject({
      code: 'SSH_UNREACHABLE',
      message: `${sshd.username}@127.0.0.1:${port} did not answer within 1.5 s.`,
    });
  });
});

describe('jump hosts', () => {
  test('the target is reached through the jump host, whose own log shows the forward', async () => {
    const target = await startSshd();
    cleanups.push(target.stop);
    const questions: HostKeyQuestion[] = [];
    const connection = await connectSsh({
      hops: [passwordHop(sshd), passwordHop(target)],
      verifyHostKey: async (question) => {
        questions.push(question);
        return true;
      },
    });
    cleanups.push(async () => connection.close());
    expect((await runInShell(connection, 'echo "genom-hoppet-$((6*7))"')).output).toContain(
      'genom-hoppet-42',
    );
    // Each hop's own key was checked, the target's as reached through the jump host.
    expect(questions.map((q) => [q.hop.port, q.via.map((v) => v.port), q.fingerprint])).toEqual([
      [sshd.port, [], sshd.hostKeyFingerprints['ssh-ed25519']],
      [target.port, [sshd.port], target.hostKeyFingerprints['ssh-ed25519']],
    ]);
    // The jump host's sshd opened the direct-tcpip channel to the target; the target saw the login.
    expect(sshd.log()).toMatch(
      new RegExp(
        `server_request_direct_tcpip: originator [^,]*, target 127\\.0\\.0\\.1 port ${target.port}\\b`,
      ),
    );
    expect(target.log()).toContain(`Accepted password for ${target.username}`);
  });

  test('a target the jump host cannot reach is named, with the jump host', async () => {
    const port = await freePort();
    const error = await connectSsh({
      hops: [passwordHop(sshd), { ...passwordHop(sshd), port }],
      verifyHostKey: acceptAll,
    }).catch((e) => e);
    expect(error.code).toBe('SSH_UNREACHABLE');
    expect(error.message).toMatch(
      new RegExp(`^127\\.0\\.0\\.1:${sshd.port} could not reach 127\\.0\\.0\\.1:${port} \\(`),
    );
  });
});

describe('dropped connections', () => {
  test('an open shell follows resizes; killing sshd with SIGKILL reports the connection as dropped', async () => {
    const doomed = await startSshd();
    cleanups.push(doomed.stop);
    const connection = await connectSsh({
      hops: [passwordHop(doomed)],
      verifyHostKey: acceptAll,
      keepaliveIntervalMs: 500,
      keepaliveCountMax: 2,
    });
    const shell = await connection.openShell({ cols: 80, rows: 24 });
    shell.setWindow(30, 100, 0, 0);
    const sized = outputMatching(shell, /\b30 100\b/);
    shell.write('stty size\n');
    await sized;

    const closed = new Promise((resolve) => connection.onClose(resolve));
    const shellClosed = new Promise((resolve) => shell.once('close', resolve));
    doomed.kill();
    expect(await closed).toBe('dropped');
    await shellClosed;
  });

  test('a server that stops answering is noticed by keepalive and reported as dropped', async () => {
    const frozen = await startSshd();
    cleanups.push(frozen.stop);
    const keepaliveIntervalMs = 500;
    const keepaliveCountMax = 2;
    const connection = await connectSsh({
      hops: [passwordHop(frozen)],
      verifyHostKey: acceptAll,
      keepaliveIntervalMs,
      keepaliveCountMax,
    });
    const shell = await connection.openShell({ cols: 80, rows: 24 });
    const ready = outputMatching(shell, /fryser/);
    shell.write('echo fryser\n');
    await ready;

    const closed = new Promise((resolve) => connection.onClose(resolve));
    const frozenAt = Date.now();
    // The TCP connection stays up (the kernel still acknowledges), only keepalive can tell.
    frozen.freeze();
    expect(await closed).toBe('dropped');
    const waited = Date.now() - frozenAt;
    expect(waited).toBeGreaterThanOrEqual(keepaliveIntervalMs * keepaliveCountMax);
    expect(waited).toBeLessThan(20_000);
  });
});
