import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/*
 * Browser mode's secrets, as `code serve-web` and Jupyter use them, with the gaps those leave closed: the app lives
 * under a random path per server start; the link `lotsen serve` prints carries a token that is exchanged once for a
 * session; the session's secret travels in an HttpOnly cookie scoped to that path. Cookies are kept per host, not per
 * port, so the path is what keeps another server on 127.0.0.1 from ever being sent the cookie.
 */

/** 256 random bits, URL-safe (base64url never holds `/` or `\`, so it cannot turn a path into another host). */
export function createSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time, so a page probing the server cannot learn a token a character at a time. */
export function tokenMatches(candidate: string | null | undefined, token: string): boolean {
  if (typeof candidate !== 'string') return false;
  const given = Buffer.from(candidate);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** What sessions are looked up by: a map keyed by the secret itself could leak it through lookup timing. */
export function secretDigest(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

/** Two servers on one machine must not overwrite each other's cookie, so the name carries the port. */
export function sessionCookieName(port: number): string {
  return `lotsen-session-${port}`;
}

export function sessionCookie(port: number, appPath: string, secret: string): string {
  return `${sessionCookieName(port)}=${secret}; HttpOnly; SameSite=Strict; Path=${appPath}`;
}

/** Every value sent under this server's cookie name (a browser may hold several, say from an earlier start). */
export function sessionCookieValues(header: string | undefined, port: number): string[] {
  if (header === undefined) return [];
  const name = sessionCookieName(port);
  return header
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair.startsWith(`${name}=`))
    .map((pair) => pair.slice(name.length + 1));
}
