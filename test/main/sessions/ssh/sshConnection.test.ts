import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { hostKeyFingerprint } from '../../../../main/sessions/ssh/hostKeyFingerprint.ts';
import { checkHostKey, knownHostsPolicy, replaceHostKey } from '../../../../main/sessions/ssh/knownHosts.ts';
import {
  connectSsh,
  type HostKeyCheck,
  type SshHop,
} from '../../../../main/sessions/ssh/sshConnection.node.ts';
import { openPassphraseBackend } from '../../../support/passphraseBackend.ts';
import {
  authorizedKeyPair,
  SSH_TEST_PASSWORD,
  SSH_TEST_USER,
  startAgent,
  startSshd,
  type SshdFixture,
} from '../../../support/sshd/sshdFixture.ts';

const run = promisify(execFile);
const acceptAll: HostKeyCheck = async () => true;
const passwordHop = (sshd: SshdFixture): SshHop => ({
  host: sshd.host,
  port: sshd.port,
  username: SSH_TEST_USER,
  auth: { kind: 'password', password: SSH_TEST_PASSWORD },
});

let sshd: SshdFixture;
const cleanups: (() => Promise<unknown>)[] = [];
beforeAll(async () => {
  sshd = await startSshd();
});
afterAll(async () => sshd.stop());
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('authentication against a real sshd', () => {
  test('password', async () => {
    const connection = await connectSsh({ hops: [passwordHop(sshd)], verifyHostKey: acceptAll });
    cleanups.push(async () => connection.close());
    expect(await connection.exec('echo "hej från $(whoami)"')).toMatchObject({
      stdout: `hej från ${SSH_TEST_USER}\n`,
      code: 0,
    });
  });

  test('a wrong password is refused with the method named and without the secret', async () => {
    const hop = { ...passwordHop(sshd), auth: { kind: 'password' as const, password: 'fel-lösen' } };
    const error = await connectSsh({ hops: [hop], verifyHostKey: acceptAll }).catch((e) => e);
    expect(error).toMatchObject({
      code: 'SSH_AUTH_FAILED',
      message: `${SSH_TEST_USER}@127.0.0.1:${sshd.port} did not accept the password.`,
    });
    expect(JSON.stringify(error)).not.toContain('fel-lösen');
  });

  test('an encrypted private key with its passphrase; a wrong passphrase fails clearly', async () => {
    const key = await authorizedKeyPair(sshd, 'nyckel-lösen');
    cleanups.push(key.cleanup);
    const hop = (passphrase: string): SshHop => ({
      ...passwordHop(sshd),
      auth: { kind: 'privateKey', privateKey: key.privateKey, passphrase },
    });
    const connection = await connectSsh({ hops: [hop('nyckel-lösen')], verifyHostKey: acceptAll });
    cleanups.push(async () => connection.close());
    expect((await connection.exec('echo nyckel')).stdout).toBe('nyckel\n');
    await expect(connectSsh({ hops: [hop('fel')], verifyHostKey: acceptAll })).rejects.toMatchObject({
      code: 'SSH_AUTH_FAILED',
    });
  });

  test('keyboard-interactive: the PAM prompt reaches the callback and its answer logs in', async () => {
    const seen: string[] = [];
    const hop: SshHop = {
      ...passwordHop(sshd),
      auth: {
        kind: 'keyboardInteractive',
        answer: async (prompts) => {
          seen.push(...prompts.map((p) => p.prompt));
          return prompts.map(() => SSH_TEST_PASSWORD);
        },
      },
    };
    const connection = await connectSsh({ hops: [hop], verifyHostKey: acceptAll });
    cleanups.push(async () => connection.close());
    expect(seen.join(' ')).toMatch(/Password/i);
    expect((await connection.exec('echo tangentbord')).stdout).toBe('tangentbord\n');
  });

  test('a key held by a real ssh-agent', async () => {
    const key = await authorizedKeyPair(sshd);
    cleanups.push(key.cleanup);
    const agent = await startAgent(key.file);
    cleanups.push(agent.stop);
    const connection = await connectSsh({
      hops: [{ ...passwordHop(sshd), auth: { kind: 'agent', socket: agent.socket } }],
      verifyHostKey: acceptAll,
    });
    cleanups.push(async () => connection.close());
    expect((await connection.exec('echo agent')).stdout).toBe('agent\n');
  });
});

describe('jump hosts', () => {
  test('the target is reached through the jump host, whose own log shows the forward', async () => {
    const target = await startSshd();
    cleanups.push(target.stop);
    const hops = [passwordHop(sshd), passwordHop(target)];
    const fingerprints: string[] = [];
    const connection = await connectSsh({
      hops,
      verifyHostKey: async (_hop, _type, fingerprint) => {
        fingerprints.push(fingerprint);
        return true;
      },
    });
    cleanups.push(async () => connection.close());
    expect((await connection.exec('echo genom-hoppet')).stdout).toBe('genom-hoppet\n');
    // Both hops' keys were checked, each its own.
    expect(fingerprints).toEqual([sshd.hostKeyFingerprint, target.hostKeyFingerprint]);
    // The jump host's own sshd records the forward to the target (at debug level).
    await expect
      .poll(() => sshd.log())
      .toMatch(new RegExp(`originator [^,]*, target 127\\.0\\.0\\.1 port ${target.port}\\b`));
    expect(target.log()).toContain(`Accepted password for ${SSH_TEST_USER}`);
  });
});

describe('host keys: trust on first use', () => {
  test('fingerprints are printed as OpenSSH prints them; a changed key is refused and kept until replaced', async () => {
    const opened = await openPassphraseBackend();
    cleanups.push(opened.cleanup);
    const ctx = opened.backend.registryContext();
    const endpoint = { host: sshd.host, port: sshd.port };
    const asked: string[] = [];
    const tofu = knownHostsPolicy(ctx, async (_endpoint, _type, fingerprint) => {
      asked.push(fingerprint);
      return true;
    });

    const first = await connectSsh({ hops: [passwordHop(sshd)], verifyHostKey: tofu });
    first.close();
    expect(await checkHostKey(ctx.db, endpoint, 'ssh-ed25519', sshd.hostKeyFingerprint)).toEqual({
      kind: 'trusted',
    });

    // The same host and port, a different key: another sshd where the first one was.
    const port = sshd.port;
    await sshd.stop();
    sshd = await startSshd({ port });
    const refused = await connectSsh({ hops: [passwordHop(sshd)], verifyHostKey: tofu }).catch((e) => e);
    expect(refused.code).toBe('HOST_KEY_MISMATCH');
    expect(refused.message).toContain(sshd.hostKeyFingerprint);
    expect(refused.message).toContain('has CHANGED');
    expect(await checkHostKey(ctx.db, endpoint, 'ssh-ed25519', sshd.hostKeyFingerprint)).toMatchObject({
      kind: 'changed',
    });

    const replaced = await replaceHostKey(ctx, endpoint, 'ssh-ed25519', sshd.hostKeyFingerprint);
    expect(replaced).not.toBe(sshd.hostKeyFingerprint);
    const again = await connectSsh({ hops: [passwordHop(sshd)], verifyHostKey: tofu });
    again.close();
  });

  test('the fingerprint function agrees with ssh-keygen on a key blob', async () => {
    const { stdout } = await run('ssh-keyscan', ['-t', 'ed25519', '-p', String(sshd.port), '127.0.0.1']);
    const blob = Buffer.from(stdout.trim().split(/\s+/)[2]!, 'base64');
    expect(hostKeyFingerprint(blob)).toBe(sshd.hostKeyFingerprint);
  });
});

describe('a dropped connection', () => {
  test('killing sshd with SIGKILL while a shell is open reports the connection as dropped', async () => {
    const doomed = await startSshd();
    cleanups.push(doomed.stop);
    const connection = await connectSsh({
      hops: [passwordHop(doomed)],
      verifyHostKey: acceptAll,
      keepaliveIntervalMs: 300,
      keepaliveCountMax: 2,
    });
    const shell = await connection.openShell({ cols: 80, rows: 24 });
    shell.write('echo öppen\n');
    const closed = new Promise((resolve) => connection.onClose(resolve));
    doomed.kill();
    expect(await closed).toBe('dropped');
  });
});
