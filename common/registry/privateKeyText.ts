/** How a private key's text begins (PEM, OpenSSH or PKCS#8): what the session takes for a key rather than a password. */
export const PRIVATE_KEY_BEGIN = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;
const PRIVATE_KEY_END = /-----END [A-Z0-9 ]*PRIVATE KEY-----/;
const PUBLIC_KEY = /^(ssh-(ed25519|rsa|dss)|ecdsa-sha2-\S+|sk-\S+)\s+AAAA/;

/** Why a text pasted as a private key is not one, before any parsing. */
export type PrivateKeyTextProblem = 'publicKey' | 'noBegin' | 'noEnd' | 'oneLine';

export function privateKeyTextProblem(text: string): PrivateKeyTextProblem | null {
  const trimmed = text.trim();
  if (PUBLIC_KEY.test(trimmed)) return 'publicKey';
  if (!PRIVATE_KEY_BEGIN.test(trimmed)) return 'noBegin';
  if (!PRIVATE_KEY_END.test(trimmed)) return 'noEnd';
  // A key pasted into a one-line field loses its line breaks, and then no SSH library reads it.
  if (!trimmed.includes('\n')) return 'oneLine';
  return null;
}

/** A key's text as stored: Windows line ends made Unix ones, and one line end after its END line. */
export function normalisedPrivateKey(text: string): string {
  return `${text.replace(/\r\n?/g, '\n').trim()}\n`;
}
