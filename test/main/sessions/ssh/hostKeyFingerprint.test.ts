import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { hostKeyFingerprint, hostKeyType } from '../../../../main/sessions/ssh/hostKeyFingerprint.ts';
import { startSshd, type HostKeyType, type SshdFixture } from '../../../support/sshd/sshdFixture.ts';

const run = promisify(execFile);

let sshd: SshdFixture;
beforeAll(async () => {
  sshd = await startSshd();
});
afterAll(async () => sshd?.stop());

test.each<[HostKeyType, string]>([
  ['ssh-ed25519', 'ed25519'],
  ['ssh-rsa', 'rsa'],
])('the %s key the server presents gets the fingerprint ssh-keygen -lf prints', async (type, scanType) => {
  const { stdout } = await run('ssh-keyscan', ['-t', scanType, '-p', String(sshd.port), sshd.host]);
  const [, scannedType, base64] = stdout.trim().split(/\s+/);
  expect(scannedType).toBe(type);
  const blob = Buffer.from(base64!, 'base64');
  expect(hostKeyType(blob)).toBe(type);
  expect(hostKeyFingerprint(blob)).toBe(sshd.hostKeyFingerprints[type]);
  expect(hostKeyFingerprint(blob)).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
});
