import { randomBytes } from 'node:crypto';
import { keyedError } from '../../common/api/errors.ts';

/*
 * An enrolment code names the new member's login and carries 130 random bits. It is the password of that login until
 * the member enrols (PostgreSQL ends it after 24 h through VALID UNTIL, and enrolment replaces it), so the server
 * keeps only its SCRAM verifier: a salted hash, never the code.
 *
 *   LOTSEN-3f9a1c2e-K7QD-M4XP-…   (the login suffix, then 26 Crockford base32 characters in groups of four)
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SECRET_CHARACTERS = 26;
const CODE = /^LOTSEN-([0-9a-f]{8})-((?:[0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{2})$/;

export interface EnrolmentCode {
  /** The code as people see and type it; also the login's password until enrolment. */
  readonly code: string;
  readonly loginSuffix: string;
}

export function makeEnrolmentCode(): EnrolmentCode {
  const loginSuffix = randomBytes(4).toString('hex');
  const bytes = randomBytes(SECRET_CHARACTERS);
  const secret = Array.from(bytes, (b) => ALPHABET[b & 31]).join('');
  const groups = secret.match(/.{1,4}/g)!.join('-');
  return { code: `LOTSEN-${loginSuffix}-${groups}`, loginSuffix };
}

/** Reads a code as typed: any case, spaces around it; O, I and L read as 0, 1 and 1 as Crockford's base32 does. */
export function parseEnrolmentCode(typed: string): EnrolmentCode {
  const trimmed = typed.trim();
  const [prefix, suffix, ...rest] = trimmed.split('-');
  const secret = rest.join('-').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  const code = `${(prefix ?? '').toUpperCase()}-${(suffix ?? '').toLowerCase()}-${secret}`;
  const match = CODE.exec(code);
  if (!match) {
    throw keyedError('VALIDATION', 'team.notAnEnrolmentCode');
  }
  return { code, loginSuffix: match[1]! };
}
