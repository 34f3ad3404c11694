import { LotsenError } from '../../../common/api/errors.ts';
import {
  PERSONAL_TREE,
  personalDataKeyBinding,
  type DataKeyOwner,
  type DataKeyOwnerKind,
} from '../../personalData/personalDataKeys.ts';
import { unwrapDataKey, wrapDataKey } from '../../vault/sealedText.ts';
import type { Db } from '../../store/database.node.ts';
import type { PersonalDataKeysTable } from '../../store/schema.ts';
import { treeKey, type TreeKey } from '../../vault/keyRing.ts';

/**
 * A local store's personal data keys, moved under the team's personal tree: each is unwrapped with the local tree key
 * and wrapped again with the team's current generation, keeping its id, so every sealed value that names it (ticket
 * text, audit details, billing lines, recordings written before the vault) is carried over byte for byte and opens in
 * the team; the audit hashes over those values still hold.
 *
 * A month's key belongs to a month, and the team has its own key for a month it wrote in: the local one keeps its id
 * and comes in as the month's second key, owned by `YYYY-MM/import-<segment>`. It still sorts before the next month,
 * so the summer purge destroys it with the team's own key of that month (main/retention/purgeSelection.ts).
 */
export interface PersonalTreeKeys {
  /** The local store's tree (generation 1: an embedded store has no other). */
  local: Buffer;
  team: TreeKey;
}

/** The two trees: the local store's own key, and the team's newest generation the importing member holds. */
export async function personalTreeKeys(local: Db, team: Db): Promise<PersonalTreeKeys> {
  return {
    local: (await treeKey(local, PERSONAL_TREE, 1)).key,
    team: await treeKey(team, PERSONAL_TREE),
  };
}

export function importedOwner(owner: DataKeyOwner, segmentId: string): DataKeyOwner {
  return owner.kind === 'month' ? { kind: 'month', id: `${owner.id}/import-${segmentId}` } : owner;
}

/** A personal data key as the team stores it (its generation the team tree's). */
export type ImportedPersonalKey = Omit<PersonalDataKeysTable, 'generation'> & { generation: number };

export function rewrapPersonalKey(
  row: PersonalDataKeysTable,
  trees: PersonalTreeKeys,
  segmentId: string,
): ImportedPersonalKey {
  const owner = { kind: row.owner_kind as DataKeyOwnerKind, id: row.owner_id };
  let key: Buffer;
  try {
    key = unwrapDataKey(trees.local, personalDataKeyBinding(row.id, owner), row.wrapped_key);
  } catch {
    throw new LotsenError(
      'INTERNAL',
      `A personal data key of the local store (${row.id}) does not open under its tree key: the store was tampered with. Nothing was written.`,
    );
  }
  const moved = importedOwner(owner, segmentId);
  const wrapped = wrapDataKey(trees.team.key, personalDataKeyBinding(row.id, moved), key);
  key.fill(0);
  return { ...row, owner_id: moved.id, generation: trees.team.generation, wrapped_key: wrapped };
}
