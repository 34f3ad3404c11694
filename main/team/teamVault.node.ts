import { createHash, randomBytes, type KeyObject } from 'node:crypto';
import { keyedError } from '../../common/api/errors.ts';
import type { UserRole } from '../../common/registry/vocabulary.ts';
import type { TreeKey } from '../vault/keyRing.ts';
import type { MemberKeyPair } from '../vault/memberKeyPair.node.ts';
import { newSecretDataKey, sealSecretText, isSealedSecret } from '../vault/secretVault.ts';
import {
  inviteRecipient,
  inviteWrappingKey,
  memberRecipient,
  newX25519KeyPair,
  rawPrivateKey,
  RECOVERY_RECIPIENT,
  unwrapInvite,
  unwrapWithKey,
  VAULT_TREES,
  WrapRefused,
  wrapBinding,
  wrapForInvite,
  wrapForKey,
  type VaultTree,
} from '../vault/treeKeyWraps.ts';
import type { TeamClient } from './teamClient.ts';

/*
 * A team database's vault as the team's functions see it (docs/vault.md): generation 1 of both trees
 * with the recovery kit (team create, team upgrade), invitation wraps (add-member), their conversion into the new
 * member's own wraps (enrolment), and wraps for members who have none yet (grant-keys). Plain statements on a
 * TeamClient: team create's admin connection acting as the owner, or a member's own.
 */

/** Which trees a role may hold: finance never holds the secrets key. */
export function treesFor(role: UserRole): VaultTree[] {
  return role === 'finance' ? ['personal'] : [...VAULT_TREES];
}

/** What this member can unwrap now: a tree's newest generation they hold, or null. */
export type HeldTreeKey = (tree: VaultTree) => Promise<TreeKey | null>;

export interface RecoveryKit {
  /** `LOTSEN-RECOVERY-<database>-<the private key, base64url, in groups of 4>`: printed once, stored nowhere. */
  text: string;
  /** The kit's public key's SHA-256, short, to tell kits apart without showing one. */
  fingerprint: string;
}

const KIT_PREFIX = 'LOTSEN-RECOVERY-';
const KIT_KEY_CHARS = 43;

export function recoveryKitText(database: string, privateKey: KeyObject): string {
  const groups = rawPrivateKey(privateKey)
    .toString('base64url')
    .match(/.{1,4}/g)!
    .join(':');
  return `${KIT_PREFIX}${database}-${groups}`;
}

/** The database and private key of a kit as printed (spaces and line breaks around or inside it are ignored). */
export function parseRecoveryKit(text: string): { database: string; privateKey: Buffer } {
  const line = text.replace(/\s+/g, '');
  const refused = keyedError('VALIDATION', 'team.notARecoveryKit');
  if (!line.startsWith(KIT_PREFIX)) throw refused;
  const rest = line.slice(KIT_PREFIX.length);
  const keyPart = rest.slice(-(KIT_KEY_CHARS + Math.ceil(KIT_KEY_CHARS / 4) - 1));
  const database = rest.slice(0, -(keyPart.length + 1));
  const key = keyPart.replace(/:/g, '');
  if (!database || rest[rest.length - keyPart.length - 1] !== '-' || !/^[A-Za-z0-9_-]{43}$/.test(key)) {
    throw refused;
  }
  return { database, privateKey: Buffer.from(key, 'base64url') };
}

export function keyFingerprint(publicKey: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKey, 'base64url')).digest('hex').slice(0, 16);
  return hex.match(/.{4}/g)!.join('-');
}

export interface PendingInvitation {
  userId: string;
  /** The enrolment code as parseEnrolmentCode normalises it. */
  code: string;
  role: UserRole;
}

async function insertWrap(
  client: TeamClient,
  wrap: { tree: VaultTree; generation: number; recipient: string; wrapped: string; createdBy: string | null },
): Promise<void> {
  await client.query(
    `INSERT INTO lotsen.vault_wraps (tree, generation, recipient, wrapped, created_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (tree, generation, recipient) DO UPDATE SET wrapped = EXCLUDED.wrapped,
       created_at = EXCLUDED.created_at, created_by = EXCLUDED.created_by`,
    [wrap.tree, wrap.generation, wrap.recipient, wrap.wrapped, Date.now(), wrap.createdBy],
  );
}

async function wrapForInvitation(
  client: TeamClient,
  invitation: PendingInvitation,
  tree: VaultTree,
  key: TreeKey,
  createdBy: string | null,
): Promise<void> {
  const recipient = inviteRecipient(invitation.userId);
  await insertWrap(client, {
    tree,
    generation: key.generation,
    recipient,
    wrapped: wrapForInvite(
      inviteWrappingKey(invitation.code, invitation.userId),
      wrapBinding(tree, key.generation, recipient),
      key.key,
    ),
    createdBy,
  });
}

async function wrapForMember(
  client: TeamClient,
  member: { userId: string; publicKey: string },
  tree: VaultTree,
  key: TreeKey,
  createdBy: string | null,
): Promise<void> {
  const recipient = memberRecipient(member.userId);
  await insertWrap(client, {
    tree,
    generation: key.generation,
    recipient,
    wrapped: wrapForKey(member.publicKey, wrapBinding(tree, key.generation, recipient), key.key),
    createdBy,
  });
}

/**
 * Generation 1 of both trees, once (null when the team has its vault already): the personal tree takes the key the
 * migrations made in plain text (`key_trees`), the secrets tree a new one; both are wrapped for a new recovery kit,
 * for the invitations and for the members given; plain support-account secrets are sealed; and `key_trees` is
 * emptied, so the database holds no tree key in plain text. Run as the owner, inside the caller's transaction.
 */
export async function setUpVault(
  client: TeamClient,
  options: {
    database: string;
    invitations: readonly PendingInvitation[];
    members: readonly { userId: string; publicKey: string; role: UserRole }[];
  },
): Promise<RecoveryKit | null> {
  const existing = await client.query('SELECT 1 FROM lotsen.vault_trees LIMIT 1');
  if (existing.rows.length > 0) return null;
  const plain = await client.query<{ key_material: string }>(
    "SELECT key_material FROM lotsen.key_trees WHERE name = 'personal'",
  );
  const keys: Record<VaultTree, TreeKey> = {
    personal: {
      generation: 1,
      key: plain.rows[0] ? Buffer.from(plain.rows[0].key_material, 'base64') : randomBytes(32),
    },
    secrets: { generation: 1, key: randomBytes(32) },
  };
  const now = Date.now();
  for (const tree of VAULT_TREES) {
    await client.query(
      'INSERT INTO lotsen.vault_trees (tree, generation, rotating_to, rotation_reason, updated_at) VALUES ($1, 1, NULL, NULL, $2)',
      [tree, now],
    );
  }
  const kit = newX25519KeyPair();
  await client.query(
    'INSERT INTO lotsen.vault_recovery (id, public_key, created_at, created_by) VALUES (1, $1, $2, NULL)',
    [kit.publicKey, now],
  );
  for (const tree of VAULT_TREES) {
    const recipient = RECOVERY_RECIPIENT;
    await insertWrap(client, {
      tree,
      generation: 1,
      recipient,
      wrapped: wrapForKey(kit.publicKey, wrapBinding(tree, 1, recipient), keys[tree].key),
      createdBy: null,
    });
    for (const invitation of options.invitations) {
      if (treesFor(invitation.role).includes(tree)) {
        await wrapForInvitation(client, invitation, tree, keys[tree], null);
      }
    }
    for (const member of options.members) {
      if (treesFor(member.role).includes(tree)) await wrapForMember(client, member, tree, keys[tree], null);
    }
  }
  await sealPlainSecrets(client, keys.secrets);
  await client.query('DELETE FROM lotsen.key_trees');
  for (const key of Object.values(keys)) key.key.fill(0);
  return {
    text: recoveryKitText(options.database, kit.privateKey),
    fingerprint: keyFingerprint(kit.publicKey),
  };
}

/** Support accounts' secrets stored before the vault, sealed under new data keys of the secrets tree. */
async function sealPlainSecrets(client: TeamClient, tree: TreeKey): Promise<void> {
  const { rows } = await client.query<{ id: string; secret: string }>(
    'SELECT id, secret FROM lotsen.support_accounts WHERE secret IS NOT NULL',
  );
  for (const account of rows) {
    if (isSealedSecret(account.secret)) continue;
    const made = newSecretDataKey({ kind: 'account', id: account.id }, tree);
    await client.query(
      `INSERT INTO lotsen.secret_data_keys (id, owner_kind, owner_id, generation, wrapped_key, created_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        made.row.id,
        made.row.owner_kind,
        made.row.owner_id,
        made.row.generation,
        made.row.wrapped_key,
        made.row.created_at,
      ],
    );
    await client.query('UPDATE lotsen.support_accounts SET secret = $1 WHERE id = $2', [
      sealSecretText(made.row.id, made.key, account.secret),
      account.id,
    ]);
  }
}

/**
 * What a member's own private key opens, read through any client (the CLI's, a test's): each tree's newest
 * generation of which they hold a wrap.
 */
export function heldTreeKeysOf(client: TeamClient, userId: string, privateKey: KeyObject): HeldTreeKey {
  const recipient = memberRecipient(userId);
  return async (tree) => {
    const { rows } = await client.query<{ generation: string | number; wrapped: string }>(
      `SELECT w.generation, w.wrapped FROM lotsen.vault_wraps w JOIN lotsen.vault_trees t ON t.tree = w.tree
        WHERE w.tree = $1 AND w.recipient = $2 AND w.generation IN (t.generation, t.rotating_to)
        ORDER BY w.generation DESC`,
      [tree, recipient],
    );
    for (const row of rows) {
      const generation = Number(row.generation);
      try {
        return {
          generation,
          key: unwrapWithKey(privateKey, wrapBinding(tree, generation, recipient), row.wrapped),
        };
      } catch (error) {
        if (!(error instanceof WrapRefused)) throw error;
      }
    }
    return null;
  };
}

/** add-member: wraps of every tree the inviting admin holds and the new role may have, opened by the code. */
export async function wrapForNewMember(
  client: TeamClient,
  held: HeldTreeKey,
  invitation: PendingInvitation,
  createdBy: string | null,
): Promise<VaultTree[]> {
  const wrapped: VaultTree[] = [];
  for (const tree of treesFor(invitation.role)) {
    const key = await held(tree);
    if (!key) continue;
    await wrapForInvitation(client, invitation, tree, key, createdBy);
    wrapped.push(tree);
  }
  return wrapped;
}

/** Publishes this member's public key (once; an existing one stays, see `team reissue-code`). */
export async function publishMemberKey(client: TeamClient, publicKey: string): Promise<boolean> {
  const { rows } = await client.query<{ published: boolean }>(
    'SELECT lotsen.team_publish_key($1) AS published',
    [publicKey],
  );
  return rows[0]?.published === true;
}

/**
 * Enrolment, on the new member's own login: their invitation wraps, opened with the code, become wraps for their
 * own key pair, and the invitation wraps go. A wrap that does not open (another code's) is left for an admin.
 */
export async function claimInvitation(
  client: TeamClient,
  userId: string,
  code: string,
  keyPair: MemberKeyPair,
): Promise<VaultTree[]> {
  const recipient = inviteRecipient(userId);
  const { rows } = await client.query<{ tree: VaultTree; generation: string | number; wrapped: string }>(
    'SELECT tree, generation, wrapped FROM lotsen.vault_wraps WHERE recipient = $1',
    [recipient],
  );
  const claimed: VaultTree[] = [];
  const inviteKey = inviteWrappingKey(code, userId);
  for (const row of rows) {
    const generation = Number(row.generation);
    let key: Buffer;
    try {
      key = unwrapInvite(inviteKey, wrapBinding(row.tree, generation, recipient), row.wrapped);
    } catch (error) {
      if (error instanceof WrapRefused) continue;
      throw error;
    }
    await wrapForMember(
      client,
      { userId, publicKey: keyPair.publicKey },
      row.tree,
      { generation, key },
      userId,
    );
    key.fill(0);
    await client.query(
      'DELETE FROM lotsen.vault_wraps WHERE tree = $1 AND generation = $2 AND recipient = $3',
      [row.tree, generation, recipient],
    );
    claimed.push(row.tree);
  }
  inviteKey.fill(0);
  return claimed;
}

export interface GrantedAccess {
  userId: string;
  trees: VaultTree[];
}

/**
 * grant-keys: for every current, enrolled member entitled to a tree this member holds, who has published a key and
 * holds no wrap of the generation held, a wrap for them. Answers who got what.
 */
export async function grantKeys(
  client: TeamClient,
  held: HeldTreeKey,
  grantedBy: string,
): Promise<GrantedAccess[]> {
  const { rows: members } = await client.query<{ user_id: string; role: UserRole; public_key: string }>(
    `SELECT m.user_id, u.role, k.public_key FROM lotsen.team_members m
       JOIN lotsen.users u ON u.id = m.user_id JOIN lotsen.member_keys k ON k.user_id = m.user_id
      WHERE m.removed_at IS NULL AND m.enrolled_at IS NOT NULL ORDER BY m.user_id`,
  );
  const granted = new Map<string, VaultTree[]>();
  for (const tree of VAULT_TREES) {
    const key = await held(tree);
    if (!key) continue;
    const { rows: holders } = await client.query<{ recipient: string }>(
      'SELECT recipient FROM lotsen.vault_wraps WHERE tree = $1 AND generation = $2',
      [tree, key.generation],
    );
    const holding = new Set(holders.map((h) => h.recipient));
    for (const member of members) {
      if (!treesFor(member.role).includes(tree) || holding.has(memberRecipient(member.user_id))) continue;
      await wrapForMember(
        client,
        { userId: member.user_id, publicKey: member.public_key },
        tree,
        key,
        grantedBy,
      );
      granted.set(member.user_id, [...(granted.get(member.user_id) ?? []), tree]);
    }
  }
  return [...granted].map(([userId, trees]) => ({ userId, trees }));
}
