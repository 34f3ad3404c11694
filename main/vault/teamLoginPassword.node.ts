import { hkdfSync } from 'node:crypto';

/**
 * A team member's PostgreSQL password, derived from the key this machine's Lotsen made at `lotsen init` and keeps as
 * it keeps the embedded store's key (the OS keychain, or the passphrase-wrapped key file): so the password is never
 * in plain text anywhere, no admin ever knows it, and unlocking Lotsen is what unlocks it. Enrolment sets the login's
 * password to this once (main/team/).
 */
export function teamLoginPassword(databaseKey: Buffer): string {
  return Buffer.from(
    hkdfSync('sha256', databaseKey, Buffer.alloc(0), 'lotsen team login password', 32),
  ).toString('base64url');
}
