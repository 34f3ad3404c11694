import type { UserRole } from '../../common/registry/vocabulary.ts';
import type { VaultStatusView } from '../../common/team/vault.ts';
import { memberRecipient, VAULT_TREES, type VaultTree } from '../vault/treeKeyWraps.ts';
import type { TeamClient } from './teamClient.ts';
import { treesFor } from './teamVault.node.ts';

/**
 * What the Team page shows of the vault (`team.vault`): each tree's generation and any rotation due or under way, and
 * who among the current, enrolled members lacks a wrap of a tree they are entitled to (grant-keys gives it them).
 * Reads what grant-keys and the rotation read, on the admin's own connection; unwraps nothing but this admin's keys.
 */
export async function vaultStatus(client: TeamClient): Promise<VaultStatusView> {
  const { rows: trees } = await client.query<{
    tree: VaultTree;
    generation: string;
    rotating_to: string | null;
    rotation_reason: string | null;
  }>('SELECT tree, generation, rotating_to, rotation_reason FROM lotsen.vault_trees ORDER BY tree');
  const { rows: members } = await client.query<{ user_id: string; role: UserRole; has_key: boolean }>(
    `SELECT m.user_id, u.role, k.user_id IS NOT NULL AS has_key FROM lotsen.team_members m
       JOIN lotsen.users u ON u.id = m.user_id LEFT JOIN lotsen.member_keys k ON k.user_id = m.user_id
      WHERE m.removed_at IS NULL AND m.enrolled_at IS NOT NULL ORDER BY m.user_id`,
  );
  const lacking = new Map<string, { trees: VaultTree[]; hasPublicKey: boolean }>();
  const view: VaultStatusView['trees'] = [];
  for (const tree of VAULT_TREES) {
    const row = trees.find((t) => t.tree === tree);
    if (!row) continue;
    const rotatingTo = row.rotating_to === null ? null : Number(row.rotating_to);
    // New wraps go under the generation a running rotation moves to; that is the one a member needs.
    const newest = rotatingTo ?? Number(row.generation);
    view.push({
      tree,
      generation: Number(row.generation),
      rotatingTo,
      reason: row.rotation_reason,
      held: (await client.vault?.held(tree)) != null,
    });
    const { rows: holders } = await client.query<{ recipient: string }>(
      'SELECT recipient FROM lotsen.vault_wraps WHERE tree = $1 AND generation = $2',
      [tree, newest],
    );
    const holding = new Set(holders.map((h) => h.recipient));
    for (const member of members) {
      if (!treesFor(member.role).includes(tree) || holding.has(memberRecipient(member.user_id))) continue;
      const entry = lacking.get(member.user_id) ?? { trees: [], hasPublicKey: member.has_key };
      entry.trees.push(tree);
      lacking.set(member.user_id, entry);
    }
  }
  return { trees: view, lacking: [...lacking].map(([userId, entry]) => ({ userId, ...entry })) };
}
