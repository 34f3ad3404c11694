import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  checkHostKey,
  knownHostEndpoint,
  knownHostsPolicy,
  replaceHostKey,
  type HostEndpoint,
} from '../../../../main/sessions/ssh/knownHosts.ts';
import { connectSsh, type SshHop } from '../../../../main/sessions/ssh/sshConnection.node.ts';
import { openPassphraseBackend } from '../../../support/passphraseBackend.ts';
import { startSshd, type SshdFixture } from '../../../support/sshd/sshdFixture.ts';

const hopTo = (sshd: SshdFixture): SshHop => ({
  host: sshd.host,
  port: sshd.port,
  username: sshd.username,
  auth: { kind: 'password', password: sshd.password },
});

let opened: Awaited<ReturnType<typeof openPassphraseBackend>>;
const cleanups: (() => Promise<unknown>)[] = [];
beforeAll(async () => {
  opened = await openPassphraseBackend();
});
afterAll(async () => opened?.cleanup());
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A TOFU policy over the real store that records what the person was asked and answers `trust`. */
function tofu(trust: boolean) {
  const asked: { endpoint: HostEndpoint; keyType: string; fingerprint: string }[] = [];
  const policy = knownHostsPolicy(
    opened.backend.registryContext(),
    async (endpoint, keyType, fingerprint) => {
      asked.push({ endpoint, keyType, fingerprint });
      return trust;
    },
  );
  return { asked, policy };
}

async function storedRows(endpoint: HostEndpoint) {
  return opened.backend
    .registryContext()
    .db.selectFrom('known_hosts')
    .selectAll()
    .where('host', '=', endpoint.host)
    .where('port', '=', endpoint.port)
    .execute();
}

describe('trust on first use, in the encrypted store', () => {
  test('unknown, then trusted; a changed key is refused and the stored key kept until it is replaced', async () => {
    const ctx = opened.backend.registryContext();
    let sshd = await startSshd();
    cleanups.push(() => sshd.stop());
    const endpoint = { host: sshd.host, port: sshd.port };
    const original = sshd.hostKeyFingerprints['ssh-ed25519'];

    // First use: the verdict is `unknown` with the fingerprint ssh-keygen prints, and the person is asked.
    expect(await checkHostKey(ctx.db, endpoint, 'ssh-ed25519', original)).toEqual({
      kind: 'unknown',
      fingerprint: original,
    });
    const first = tofu(true);
    (await connectSsh({ hops: [hopTo(sshd)], verifyHostKey: first.policy })).close();
    expect(first.asked).toEqual([{ endpoint, keyType: 'ssh-ed25519', fingerprint: original }]);
    const [row] = await storedRows(endpoint);
    expect(row).toMatchObject({
      port: sshd.port,
      key_type: 'ssh-ed25519',
      fingerprint: original,
      trusted_by: ctx.actorId,
    });

    // Next time it is trusted without asking.
    const second = tofu(true);
    (await connectSsh({ hops: [hopTo(sshd)], verifyHostKey: second.policy })).close();
    expect(second.asked).toEqual([]);
    expect(await checkHostKey(ctx.db, endpoint, 'ssh-ed25519', original)).toEqual({ kind: 'trusted' });

    // The same host and port now presents another key.
    sshd = await sshd.restartWithNewHostKeys();
    const presented = sshd.hostKeyFingerprints['ssh-ed25519'];
    expect(presented).not.toBe(original);
    const third = tofu(true);
    const refused = await connectSsh({ hops: [hopTo(sshd)], verifyHostKey: third.policy }).catch((e) => e);
    expect(refused).toMatchObject({ code: 'HOST_KEY_MISMATCH', details: { expected: original, presented } });
    expect(refused.message).toContain('has CHANGED');
    expect(refused.message).toContain(original);
    expect(refused.message).toContain(presented);
    expect(third.asked).toEqual([]);
    // Refused before login: the new sshd never saw a password.
    expect(sshd.log()).not.toMatch(/Accepted|Failed password/);
    expect(await storedRows(endpoint)).toEqual([row]);
    expect(await checkHostKey(ctx.db, endpoint, 'ssh-ed25519', presented)).toEqual({
      kind: 'changed',
      expected: original,
      presented,
    });

    // Replacing is the deliberate act, and only of the key the change was seen against: once done, it is refused.
    const change = { ...endpoint, keyType: 'ssh-ed25519', expected: original, presented };
    await replaceHostKey(ctx, change);
    await expect(replaceHostKey(ctx, change)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('already replaced'),
    });
    const stale = { ...change, presented: original, expected: 'SHA256:' + 'A'.repeat(43) };
    await expect(replaceHostKey(ctx, stale)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('changed since'),
    });
    const fourth = tofu(true);
    // The connection resolving is the proof: the key was accepted without a question and the login went through.
    const connection = await connectSsh({ hops: [hopTo(sshd)], verifyHostKey: fourth.policy });
    connection.close();
    expect(fourth.asked).toEqual([]);
    expect(await storedRows(endpoint)).toEqual([expect.objectContaining({ fingerprint: presented })]);
  });

  test('a key the person declines is not stored and the login never starts', async () => {
    const sshd = await startSshd();
    cleanups.push(() => sshd.stop());
    const declined = tofu(false);
    const error = await connectSsh({ hops: [hopTo(sshd)], verifyHostKey: declined.policy }).catch((e) => e);
    expect(error.code).toBe('HOST_KEY_UNTRUSTED');
    expect(error.message).toContain(sshd.hostKeyFingerprints['ssh-ed25519']);
    expect(declined.asked).toHaveLength(1);
    expect(
      await checkHostKey(
        opened.backend.registryContext().db,
        { host: sshd.host, port: sshd.port },
        'ssh-ed25519',
        sshd.hostKeyFingerprints['ssh-ed25519'],
      ),
    ).toMatchObject({ kind: 'unknown' });
  });

  test('a host behind a jump host is known by its name through that jump host', async () => {
    const jump = await startSshd();
    cleanups.push(() => jump.stop());
    const target = await startSshd();
    cleanups.push(() => target.stop());
    const policy = tofu(true);
    const connection = await connectSsh({ hops: [hopTo(jump), hopTo(target)], verifyHostKey: policy.policy });
    connection.close();
    const behindJump = knownHostEndpoint(target, [jump]);
    expect(behindJump).toEqual({ host: `127.0.0.1 via 127.0.0.1:${jump.port}`, port: target.port });
    expect(policy.asked).toEqual([
      {
        endpoint: { host: jump.host, port: jump.port },
        keyType: 'ssh-ed25519',
        fingerprint: jump.hostKeyFingerprints['ssh-ed25519'],
      },
      {
        endpoint: behindJump,
        keyType: 'ssh-ed25519',
        fingerprint: target.hostKeyFingerprints['ssh-ed25519'],
      },
    ]);
    const ctx = opened.backend.registryContext();
    // Reached directly, the same address and port is another machine as far as trust goes.
    expect(
      await checkHostKey(
        ctx.db,
        { host: target.host, port: target.port },
        'ssh-ed25519',
        target.hostKeyFingerprints['ssh-ed25519'],
      ),
    ).toMatchObject({ kind: 'unknown' });
    expect(
      await checkHostKey(ctx.db, behindJump, 'ssh-ed25519', target.hostKeyFingerprints['ssh-ed25519']),
    ).toEqual({ kind: 'trusted' });
  });
});
