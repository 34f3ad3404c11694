import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

/** PostgreSQL's own default (scram_iterations); libpq's PQencryptPasswordConn uses the same. */
const ITERATIONS = 4096;

/**
 * The SCRAM-SHA-256 verifier PostgreSQL stores for a password (RFC 5802/7677, in pg_authid's text form), made on this
 * machine the way psql's `\password` makes it, so the password itself is never sent to the server, never appears in
 * a statement, a server log or pg_stat_activity. The server takes a verifier as `PASSWORD '…'` and stores it as is.
 *
 * PostgreSQL runs a UTF-8 password through SASLprep first; for ASCII that changes nothing, and for other text NFKC
 * normalisation is what SASLprep amounts to for ordinary passwords. Lotsen checks the new login right after enrolment,
 * so a password the two would treat differently fails there, not later.
 */
export function scramSha256Verifier(password: string, salt: Buffer = randomBytes(16)): string {
  const prepared = /^[\x20-\x7e]*$/.test(password) ? password : password.normalize('NFKC');
  const salted = pbkdf2Sync(Buffer.from(prepared, 'utf8'), salt, ITERATIONS, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${ITERATIONS}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}
