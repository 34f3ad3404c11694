import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { keyStores, type KeyStore } from '../../common/api/contract.ts';
import { LotsenError } from '../../common/api/errors.ts';
import { userRoles } from '../../common/registry/vocabulary.ts';
import { writeFileAtomic } from '../app/atomicFile.node.ts';
import type { KeyStorePreference } from '../vault/databaseKey.node.ts';
import type { Keychain } from '../vault/keychain.node.ts';
import { unwrapKey, wrapKey, wrappedKeySchema } from '../vault/keyFile.node.ts';

/*
 * This machine's membership of a team, in the data folder: `team.json` says which database and login (no password,
 * nothing secret), and the login's password is kept as the database key is (main/vault/): in the OS keychain, or in
 * `team.key` wrapped by the passphrase with scrypt and AES-256-GCM. Never in plain text.
 */

const MEMBERSHIP_FORMAT = 'lotsen-team';
const PASSWORD_PURPOSE = 'lotsen-team-password';

export const teamFiles = {
  membership: (dataDir: string) => join(dataDir, 'team.json'),
  passwordFile: (dataDir: string) => join(dataDir, 'team.key'),
};
const keychainAccount = (dataDir: string) => `team-password:${dataDir}`;

const membershipSchema = z.object({
  format: z.literal(MEMBERSHIP_FORMAT),
  version: z.literal(1),
  /** The database's URL naming the member's login, with no password in it. */
  url: z.string(),
  insecure: z.boolean(),
  database: z.string(),
  login: z.string(),
  userId: z.string(),
  name: z.string(),
  role: z.enum(userRoles),
  passwordStore: z.enum(keyStores),
  enrolledAt: z.iso.datetime(),
});
export type TeamMembership = z.infer<typeof membershipSchema>;

export async function readMembership(dataDir: string): Promise<TeamMembership | null> {
  let text: string;
  try {
    text = await readFile(teamFiles.membership(dataDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const parsed = membershipSchema.safeParse(safeJson(text));
  if (!parsed.success) {
    throw new LotsenError(
      'INTERNAL',
      `${teamFiles.membership(dataDir)} is damaged; enrol again with a new code.`,
    );
  }
  return parsed.data;
}

export async function writeMembership(dataDir: string, membership: TeamMembership): Promise<void> {
  await writeFileAtomic(teamFiles.membership(dataDir), JSON.stringify(membership, null, 2) + '\n', {
    mode: 0o600,
  });
}

/** Keeps the login's password: the keychain when it answers (or is asked for), else wrapped by the passphrase. */
export async function storeTeamPassword(
  dataDir: string,
  password: string,
  options: { preference: KeyStorePreference; passphrase: string | null; keychain: Keychain },
): Promise<KeyStore> {
  if (options.preference !== 'passphrase') {
    const probe = await options.keychain.probe();
    if (probe.available) {
      await options.keychain.set(keychainAccount(dataDir), password);
      return 'keychain';
    }
    if (options.preference === 'keychain') {
      throw new LotsenError('KEYCHAIN_UNAVAILABLE', `No OS keychain answered: ${probe.reason}`);
    }
  }
  if (options.passphrase === null) {
    throw new LotsenError(
      'NO_KEY_STORE',
      'No OS keychain answered and no passphrase was given to wrap the team password: set LOTSEN_PASSPHRASE or ' +
        'LOTSEN_PASSPHRASE_FILE, or start an OS keychain. Lotsen never keeps a password in plain text.',
    );
  }
  const wrapped = await wrapKey(Buffer.from(password, 'utf8'), options.passphrase, PASSWORD_PURPOSE);
  await writeFileAtomic(teamFiles.passwordFile(dataDir), JSON.stringify(wrapped, null, 2) + '\n', {
    mode: 0o600,
    sync: true,
  });
  return 'passphrase';
}

export async function loadTeamPassword(
  dataDir: string,
  store: KeyStore,
  options: { passphrase: string | null; keychain: Keychain },
): Promise<string> {
  if (store === 'keychain') {
    const password = await options.keychain.get(keychainAccount(dataDir));
    if (password === null) {
      throw new LotsenError(
        'KEY_MISSING',
        'The OS keychain holds no team password for this data folder: ask an admin for a new enrolment code.',
      );
    }
    return password;
  }
  if (options.passphrase === null) {
    throw new LotsenError(
      'PASSPHRASE_REQUIRED',
      'The team password is wrapped by your passphrase; give it to go on.',
    );
  }
  let wrapped;
  try {
    wrapped = wrappedKeySchema.parse(JSON.parse(await readFile(teamFiles.passwordFile(dataDir), 'utf8')));
  } catch {
    throw new LotsenError('KEY_MISSING', `${teamFiles.passwordFile(dataDir)} is missing or damaged.`);
  }
  const password = await unwrapKey(wrapped, options.passphrase, PASSWORD_PURPOSE);
  if (password === null) {
    throw new LotsenError('WRONG_PASSPHRASE', 'Wrong passphrase: the team password did not open with it.');
  }
  return password.toString('utf8');
}

/** Forgets a password stored by an enrolment that then failed, so a retry starts clean. */
export async function discardTeamPassword(
  dataDir: string,
  store: KeyStore,
  keychain: Keychain,
): Promise<void> {
  if (store === 'keychain') await keychain.delete(keychainAccount(dataDir)).catch(() => false);
  else await rm(teamFiles.passwordFile(dataDir), { force: true });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
