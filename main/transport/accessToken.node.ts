import { randomBytes, timingSafeEqual } from 'node:crypto';

/*
 * The browser-mode connection token, as `code serve-web` and Jupyter use one: random per server start, handed over
 * once in the URL that `lotsen serve` prints, then kept in an HttpOnly cookie so it leaves the address bar.
 */

export function createAccessToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time, so a page probing the server cannot learn the token a character at a time. */
export function tokenMatches(candidate: string | null | undefined, token: string): boolean {
  if (typeof candidate !== 'string') return false;
  const given = Buffer.from(candidate);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Cookies are not separated by port, so two servers on one machine must not overwrite each other's cookie. */
export function tokenCookieName(port: number): string {
  return `lotsen-token-${port}`;
}

export function tokenCookie(port: number, token: string): string {
  return `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/** A browser carries the cookie; programmatic clients may send `Authorization: Bearer <token>` instead. */
export function carriesToken(
  headers: { cookie?: string; authorization?: string },
  port: number,
  token: string,
): boolean {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
  if (tokenMatches(bearer, token)) return true;
  return cookieValues(headers.cookie, tokenCookieName(port)).some((value) => tokenMatches(value, token));
}

function cookieValues(header: string | undefined, name: string): string[] {
  if (header === undefined) return [];
  return header
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair.startsWith(`${name}=`))
    .map((pair) => pair.slice(name.length + 1));
}
