import { createHmac } from 'node:crypto';
import { keyedError } from '../../common/api/errors.ts';
import { base32Bytes, parseTotpSeed, type OneTimeCode } from '../../common/registry/oneTimeCodes.ts';

/**
 * RFC 6238 TOTP (RFC 4226 HOTP over the count of periods since the epoch) with node:crypto's HMAC: no library,
 * since the algorithm is a dozen lines and a library would hold the seed as well. Checked against oathtool.
 */
export function oneTimeCodeAt(seed: string, at: number): OneTimeCode {
  const parsed = parseTotpSeed(seed);
  if (typeof parsed === 'string') {
    // Stored seeds were checked on the way in; one that fails here was written around the API.
    throw keyedError('VALIDATION', 'storage.totpSeedUnusable');
  }
  const step = Math.floor(at / 1000 / parsed.period);
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac(parsed.algorithm.toLowerCase(), base32Bytes(parsed.secret)).update(counter).digest();
  // Dynamic truncation (RFC 4226 5.3): four bytes from the offset the last nibble names, top bit cleared.
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  const code = String(binary % 10 ** parsed.digits).padStart(parsed.digits, '0');
  return { code, validUntil: (step + 1) * parsed.period * 1000, period: parsed.period };
}
