import { hkdfSync } from 'node:crypto';

/**
 * The key of a team member's local queue (outboxFile.node.ts), derived from the key this machine's Lotsen keeps as it
 * keeps the embedded store's (the OS keychain, or the passphrase-wrapped key file), as the login's password and the
 * vault key pair are (main/vault/teamLoginPassword.node.ts, memberKeyPair.node.ts): its own info string, so knowing
 * one of them says nothing of the others, and unlocking Lotsen is what opens the queue.
 */
export function outboxKey(databaseKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', databaseKey, Buffer.alloc(0), 'lotsen team outbox v1', 32));
}
