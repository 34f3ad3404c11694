import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { LotsenError } from '../../common/api/errors.ts';
import type { KeyStorePreference } from '../vault/databaseKey.node.ts';
import type { Keychain } from '../vault/keychain.node.ts';
import { enrol, type EnrolledMember } from './enrolment.node.ts';
import { connectTeam, parseTeamUrl, redactUrl, urlForLogin } from './teamConnection.node.ts';
import {
  discardTeamPassword,
  loadTeamPassword,
  readMembership,
  storeTeamPassword,
  writeMembership,
  type TeamMembership,
} from './teamMembership.node.ts';

/*
 * A member's machine: enrolling it in a team, and connecting as that member afterwards.
 */

export interface EnrolOptions {
  url: string;
  code: string;
  insecure: boolean;
  /** The member's own new password; null makes a random one here (it never needs typing: Lotsen keeps it). */
  password: string | null;
  preference: KeyStorePreference;
  passphrase: string | null;
  keychain: Keychain;
}

/**
 * The password is stored before the code is spent, so a keychain that fails costs nothing; an enrolment the database
 * refuses takes the stored password away again.
 */
export async function enrolThisMachine(
  dataDir: string,
  options: EnrolOptions,
): Promise<{ member: EnrolledMember; membership: TeamMembership }> {
  const existing = await readMembership(dataDir);
  if (existing) {
    throw new LotsenError(
      'ALREADY_INITIALIZED',
      `This data folder is enrolled in ${existing.database} already, as ${existing.name}. Use another LOTSEN_HOME for another team.`,
    );
  }
  const address = parseTeamUrl(options.url, { insecure: options.insecure });
  if (new URL(options.url).password) {
    throw new LotsenError(
      'VALIDATION',
      `Give the team database URL without a user or password (${redactUrl(options.url)}): the enrolment code logs in.`,
    );
  }
  const password = options.password ?? randomBytes(24).toString('base64url');
  const passwordStore = await storeTeamPassword(dataDir, password, options);
  let member: EnrolledMember;
  try {
    member = await enrol(address, options.code, password);
  } catch (error) {
    await discardTeamPassword(dataDir, passwordStore, options.keychain);
    throw error;
  }
  const membership: TeamMembership = {
    format: 'lotsen-team',
    version: 1,
    url: urlForLogin(options.url, member.login),
    insecure: options.insecure,
    database: address.database,
    login: member.login,
    userId: member.userId,
    name: member.name,
    role: member.role,
    passwordStore,
    enrolledAt: new Date().toISOString(),
  };
  await writeMembership(dataDir, membership);
  return { member, membership };
}

/** Connects as this machine's member with the stored password; NOT_INITIALIZED when it is in no team. */
export async function connectAsMember(
  dataDir: string,
  options: { passphrase: () => Promise<string | null>; keychain: Keychain },
): Promise<{ client: pg.Client; membership: TeamMembership }> {
  const membership = await readMembership(dataDir);
  if (!membership) {
    throw new LotsenError(
      'NOT_INITIALIZED',
      `${dataDir} is in no team: enrol it with \`lotsen init --team URL --enrol CODE\` and the code an admin gave you.`,
    );
  }
  const password = await loadTeamPassword(dataDir, membership.passwordStore, {
    passphrase: membership.passwordStore === 'passphrase' ? await options.passphrase() : null,
    keychain: options.keychain,
  });
  const address = parseTeamUrl(membership.url, { insecure: membership.insecure });
  const client = await connectTeam(
    address,
    { user: membership.login, password },
    {
      refusedLogin: new LotsenError(
        'TEAM_UNREACHABLE',
        `${membership.database} refused the login ${membership.login}: the member may have been removed. Ask an admin.`,
      ),
    },
  );
  return { client, membership };
}

/**
 * The connection the app's `team.*` methods use: the password from the keychain. A password wrapped by the
 * passphrase is not kept in memory by the app, so those calls say to use the CLI, which asks for the passphrase.
 */
export function memberConnection(dataDir: string, keychain: Keychain): () => Promise<pg.Client> {
  return async () =>
    (
      await connectAsMember(dataDir, {
        keychain,
        passphrase: async () => {
          throw new LotsenError(
            'PASSPHRASE_REQUIRED',
            'This team password is wrapped by your passphrase: manage the team with `lotsen team …`, which asks for it.',
          );
        },
      })
    ).client;
}
