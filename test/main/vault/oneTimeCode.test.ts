import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { parseTotpSeed } from '../../../common/registry/oneTimeCodes.ts';
import { oneTimeCodeAt } from '../../../main/vault/oneTimeCode.ts';

/** oathtool (OATH Toolkit), an independent TOTP implementation: what a code Lotsen offers must agree with. */
function oathtool(args: string[], base32: string, at: number): string {
  return execFileSync('oathtool', [...args, '--now', `@${Math.floor(at / 1000)}`, '-b', base32], {
    encoding: 'utf8',
  }).trim();
}

const base32 = (bytes: Buffer) => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0');
  return (bits.match(/.{1,5}/g) ?? []).map((chunk) => alphabet[parseInt(chunk.padEnd(5, '0'), 2)]).join('');
};

describe('one-time codes (RFC 6238)', () => {
  test('agree with oathtool --totp for random seeds and moments', () => {
    for (let i = 0; i < 20; i += 1) {
      const seed = base32(randomBytes(20));
      const at = Date.UTC(2026, 11, 7) + Math.floor(Math.random() * 1e10);
      expect(oneTimeCodeAt(seed, at).code).toBe(oathtool(['--totp'], seed, at));
    }
  });

  test('a seed typed with spaces and lower case is the same seed', () => {
    const at = Date.UTC(2026, 11, 7, 9, 0, 0);
    expect(oneTimeCodeAt('jbsw y3dp ehpk 3pxp', at).code).toBe(oathtool(['--totp'], 'JBSWY3DPEHPK3PXP', at));
  });

  test("an otpauth link's hash, digits and period are used, as oathtool computes them", () => {
    const seed = base32(randomBytes(32));
    const at = 1_800_000_000_000;
    for (const [algorithm, flag] of [
      ['SHA256', '--totp=sha256'],
      ['SHA512', '--totp=sha512'],
    ] as const) {
      const link = `otpauth://totp/Kommun:lotsen?secret=${seed}&algorithm=${algorithm}&digits=8&period=60`;
      const ours = oneTimeCodeAt(link, at);
      expect(ours.code).toBe(oathtool([flag, '-d', '8', '-s', '60s'], seed, at));
      expect(ours.validUntil).toBe((Math.floor(at / 60_000) + 1) * 60_000);
    }
  });

  test('the code changes at the period boundary exactly where oathtool says', () => {
    const seed = base32(randomBytes(20));
    const boundary = 1_800_000_010_000 - (1_800_000_010_000 % 30_000);
    const before = oneTimeCodeAt(seed, boundary - 1);
    expect(before.validUntil).toBe(boundary);
    expect(before.code).toBe(oathtool(['--totp'], seed, boundary - 1000));
    expect(oneTimeCodeAt(seed, boundary).code).toBe(oathtool(['--totp'], seed, boundary));
  });

  test('what is not a usable seed is refused with a reason', () => {
    expect(parseTotpSeed('not a seed!')).toBe('notBase32');
    expect(parseTotpSeed('JBSWY3DP')).toBe('tooShort');
    expect(parseTotpSeed('otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP')).toBe('badUri');
    expect(parseTotpSeed('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=MD5')).toBe('badUri');
  });
});
