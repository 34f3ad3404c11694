import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { memberKeyPair } from '../../../main/vault/memberKeyPair.node.ts';
import {
  inviteWrappingKey,
  memberRecipient,
  newX25519KeyPair,
  rawPrivateKey,
  unwrapInvite,
  unwrapWithKey,
  wrapBinding,
  wrapForInvite,
  wrapForKey,
  WrapRefused,
  x25519PrivateKey,
} from '../../../main/vault/treeKeyWraps.ts';

const treeKey = randomBytes(32);
const ada = memberKeyPair(randomBytes(32));
const bo = memberKeyPair(randomBytes(32));
const adaBinding = wrapBinding('secrets', 1, memberRecipient('ada'));

/** Flips one bit of the base64url field `field` (1-based, after the prefix) of a wrap. */
function flipped(wrapped: string, field: number): string {
  const parts = wrapped.split('.');
  const bytes = Buffer.from(parts[field]!, 'base64url');
  bytes[bytes.length - 1]! ^= 1;
  parts[field] = bytes.toString('base64url');
  return parts.join('.');
}

describe('tree key wraps', () => {
  test('a member wrap opens for its recipient and binding only', () => {
    const wrapped = wrapForKey(ada.publicKey, adaBinding, treeKey);
    expect(wrapped).toMatch(/^vw1\.[\w-]+\.[\w-]+$/);
    expect(wrapped).not.toContain(treeKey.toString('base64url'));
    expect(unwrapWithKey(ada.privateKey, adaBinding, wrapped)).toEqual(treeKey);
    expect(() => unwrapWithKey(bo.privateKey, adaBinding, wrapped)).toThrow(WrapRefused);
    // Moved to another generation, tree or recipient's row: refused.
    expect(() =>
      unwrapWithKey(ada.privateKey, wrapBinding('secrets', 2, memberRecipient('ada')), wrapped),
    ).toThrow(WrapRefused);
    expect(() =>
      unwrapWithKey(ada.privateKey, wrapBinding('personal', 1, memberRecipient('ada')), wrapped),
    ).toThrow(WrapRefused);
    expect(() =>
      unwrapWithKey(ada.privateKey, wrapBinding('secrets', 1, memberRecipient('bo')), wrapped),
    ).toThrow(WrapRefused);
  });

  test('a changed wrap is refused: ciphertext, tag or ephemeral key', () => {
    const wrapped = wrapForKey(ada.publicKey, adaBinding, treeKey);
    expect(() => unwrapWithKey(ada.privateKey, adaBinding, flipped(wrapped, 2))).toThrow(WrapRefused);
    expect(() => unwrapWithKey(ada.privateKey, adaBinding, flipped(wrapped, 1))).toThrow(WrapRefused);
    expect(() => unwrapWithKey(ada.privateKey, adaBinding, 'vw1.short.x')).toThrow(WrapRefused);
    expect(() => unwrapWithKey(ada.privateKey, adaBinding, wrapped.replace('vw1', 'vi1'))).toThrow(
      WrapRefused,
    );
  });

  test('each wrap is fresh: two wraps of one key differ', () => {
    expect(wrapForKey(ada.publicKey, adaBinding, treeKey)).not.toBe(
      wrapForKey(ada.publicKey, adaBinding, treeKey),
    );
  });

  test('a member key pair is derived from the database key, the same every time, and differs per key', () => {
    const databaseKey = randomBytes(32);
    expect(memberKeyPair(databaseKey).publicKey).toBe(memberKeyPair(databaseKey).publicKey);
    expect(memberKeyPair(databaseKey).publicKey).not.toBe(memberKeyPair(randomBytes(32)).publicKey);
    expect(Buffer.from(memberKeyPair(databaseKey).publicKey, 'base64url')).toHaveLength(32);
  });

  test('a recovery kit key survives as its raw 32 bytes', () => {
    const kit = newX25519KeyPair();
    const binding = wrapBinding('secrets', 1, 'recovery');
    const wrapped = wrapForKey(kit.publicKey, binding, treeKey);
    const restored = x25519PrivateKey(rawPrivateKey(kit.privateKey));
    expect(unwrapWithKey(restored, binding, wrapped)).toEqual(treeKey);
  });

  test('an invitation wrap opens with its code and user id only, and not when changed', () => {
    const code = 'LOTSEN-3f9a1c2e-K7QD-M4XP-0000-1111-2222-3333-44';
    const binding = wrapBinding('personal', 1, 'invite:u1');
    const wrapped = wrapForInvite(inviteWrappingKey(code, 'u1'), binding, treeKey);
    expect(wrapped).toMatch(/^vi1\.[\w-]+$/);
    expect(unwrapInvite(inviteWrappingKey(code, 'u1'), binding, wrapped)).toEqual(treeKey);
    expect(() => unwrapInvite(inviteWrappingKey(code, 'u2'), binding, wrapped)).toThrow(WrapRefused);
    expect(() => unwrapInvite(inviteWrappingKey(code.replace('44', '45'), 'u1'), binding, wrapped)).toThrow(
      WrapRefused,
    );
    expect(() =>
      unwrapInvite(inviteWrappingKey(code, 'u1'), wrapBinding('secrets', 1, 'invite:u1'), wrapped),
    ).toThrow(WrapRefused);
    expect(() => unwrapInvite(inviteWrappingKey(code, 'u1'), binding, flipped(wrapped, 1))).toThrow(
      WrapRefused,
    );
  });
});
