import { LotsenError } from '../../../common/api/errors.ts';
import {
  PERSONAL_TREE,
  personalDataKeyBinding,
  type DataKeyOwner,
  type DataKeyOwnerKind,
} from '../../personalData/personalDataKeys.ts';
import { unwrapDataKey, wrapDataKey } from '../../personalData/sealedText.ts';
import type { Db } from '../../store/database.node.ts';
import type { PersonalDataKeysTable } from '../../store/schema.ts';

/**
 * A local store's personal data keys, moved under the team's personal tree: each is unwrapped with the local tree key
 * and wrapped again with the team's, keeping its id, so every sealed value that names it (ticket text, audit details,
 * billing lines) is carried over byte for byte and opens in the team; the audit hashes over those values still hold.
 *
 * A month's key belongs to a month, and the team has its own key for a month it wrote in: the local one keeps its id
 * and comes in as the month's second key, owned by `YYYY-MM/import-<segment>`. It still sorts before the next month,
 * so the summer purge destroys it with the team's own key of that month (main/retention/purgeSelection.ts).
 */
export interface PersonalTreeKeys {
  local: Buffer;
  team: Buffer;
}

export function importedOwner(owner: DataKeyOwner, segmentId: string): DataKeyOwner {
  return owner.kind === 'month' ? { kind: 'month', id: `${owner.id}/import-${segmentId}` } : owner;
}

export function rewrapPersonalKey(
  row: PersonalDataKeysTable,
  trees: PersonalTreeKeys,
  segmentId: string,
): PersonalDataKeysTable {
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
  const wrapped = wrapDataKey(trees.team, personalDataKeyBinding(row.id, moved), key);
  key.fill(0);
  return { ...row, owner_id: moved.id, wrapped_key: wrapped };
}

/** The plaintext tree key of a store that keeps it in `key_trees` (the embedded store; a team before the vault). */
export async function storedPersonalTreeKey(db: Db): Promise<Buffer> {
  const row = await db
    .selectFrom('key_trees')
    .select('key_material')
    .where('name', '=', PERSONAL_TREE)
    .executeTakeFirst();
  if (!row) throw new LotsenError('INTERNAL', 'The store has no personal-data key tree.');
  return Buffer.from(row.key_material, 'base64');
}
