import { z } from 'zod';
import { lazily } from '../api/lazySchema.ts';

/*
 * One-time codes (TOTP, RFC 6238) for support accounts whose sign-in asks for one. A seed is typed in as the
 * base32 text services show beside their QR code ("JBSW Y3DP …"), or as the `otpauth://totp/…` URI the QR code
 * holds, which may also name another hash, 8 digits or another period. Parsed here, so the form and the API refuse
 * the same things; the code itself is computed in main (main/vault/oneTimeCode.ts), never in the window.
 */

export const totpAlgorithms = ['SHA1', 'SHA256', 'SHA512'] as const;
export type TotpAlgorithm = (typeof totpAlgorithms)[number];

export interface TotpParameters {
  /** The seed's bytes as upper-case base32 without spaces or padding. */
  secret: string;
  algorithm: TotpAlgorithm;
  digits: 6 | 7 | 8;
  /** Seconds per code. */
  period: number;
}

/** Why a seed cannot be used, as codes the renderer words (the `registry` catalogue's `totpSeedProblem`). */
export type TotpSeedProblem = 'notBase32' | 'tooShort' | 'badUri';

const BASE32 = /^[A-Z2-7]+=*$/;
/** 80 bits, the least the services in use hand out; RFC 4226 asks for 128 and recommends 160. */
const MIN_BASE32_CHARS = 16;

export function parseTotpSeed(text: string): TotpParameters | TotpSeedProblem {
  const trimmed = text.trim();
  if (/^otpauth:/i.test(trimmed)) return parseUri(trimmed);
  return parameters(trimmed, 'SHA1', 6, 30);
}

function parseUri(text: string): TotpParameters | TotpSeedProblem {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'badUri';
  }
  if (url.protocol !== 'otpauth:' || url.host.toLowerCase() !== 'totp') return 'badUri';
  const algorithm = (url.searchParams.get('algorithm') ?? 'SHA1').toUpperCase();
  const digits = Number(url.searchParams.get('digits') ?? '6');
  const period = Number(url.searchParams.get('period') ?? '30');
  if (!(totpAlgorithms as readonly string[]).includes(algorithm)) return 'badUri';
  if (digits !== 6 && digits !== 7 && digits !== 8) return 'badUri';
  if (!Number.isInteger(period) || period < 1 || period > 600) return 'badUri';
  return parameters(url.searchParams.get('secret') ?? '', algorithm as TotpAlgorithm, digits, period);
}

function parameters(
  secret: string,
  algorithm: TotpAlgorithm,
  digits: 6 | 7 | 8,
  period: number,
): TotpParameters | TotpSeedProblem {
  const normalised = secret.replace(/[\s-]/g, '').toUpperCase();
  if (!BASE32.test(normalised)) return 'notBase32';
  const bare = normalised.replace(/=+$/, '');
  if (bare.length < MIN_BASE32_CHARS) return 'tooShort';
  return { secret: bare, algorithm, digits, period };
}

/** Base32 (RFC 4648) to bytes; the input is what parseTotpSeed returned. */
export function base32Bytes(base32: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of base32) {
    buffer = (buffer << 5) | alphabet.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(bytes);
}

const problemMessages: Record<TotpSeedProblem, string> = {
  notBase32: 'A TOTP seed is base32 text (letters A-Z and digits 2-7) or an otpauth://totp/ link',
  tooShort: `A TOTP seed has at least ${MIN_BASE32_CHARS} base32 characters`,
  badUri: 'This otpauth link is not a TOTP link Lotsen can use (SHA1, SHA256 or SHA512; 6 to 8 digits)',
};

/** A seed as the API takes it: checked, and kept as typed (trimmed), so a link's parameters are kept too. */
export const totpSeedSchema = lazily(() =>
  z
    .string({ error: 'TOTP seed must be text' })
    .trim()
    .max(2_000, { error: 'TOTP seed is longer than 2000 characters' })
    .superRefine((value, ctx) => {
      const parsed = parseTotpSeed(value);
      if (typeof parsed === 'string')
        ctx.addIssue({ code: 'custom', message: problemMessages[parsed], params: { code: parsed } });
    }),
);

/** The current code of an account, with how long it is valid for. */
export const oneTimeCodeSchema = lazily(() =>
  z.object({
    code: z.string(),
    /** When the code stops being valid (epoch ms). */
    validUntil: z.number().int(),
    period: z.number().int(),
  }),
);
export type OneTimeCode = z.infer<typeof oneTimeCodeSchema>;
