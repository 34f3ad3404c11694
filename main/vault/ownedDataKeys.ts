import type { Db } from '../store/database.node.ts';

/** How many owner ids one delete names (SQLite's bound-parameter limit is far above it). */
const OWNER_BATCH = 500;

/**
 * Deletes the data keys of these owners from either key table (personal_data_keys, secret_data_keys), which is how
 * both trees destroy what was sealed under them (crypto-shredding). Returns how many keys went.
 */
export async function deleteOwnedDataKeys(
  db: Db,
  table: 'personal_data_keys' | 'secret_data_keys',
  owners: readonly { kind: string; id: string }[],
): Promise<number> {
  let destroyed = 0;
  for (const kind of new Set(owners.map((o) => o.kind))) {
    const ids = owners.filter((o) => o.kind === kind).map((o) => o.id);
    for (let i = 0; i < ids.length; i += OWNER_BATCH) {
      const result = await db
        .deleteFrom(table)
        .where('owner_kind', '=', kind)
        .where('owner_id', 'in', ids.slice(i, i + OWNER_BATCH))
        .executeTakeFirst();
      destroyed += Number(result.numDeletedRows);
    }
  }
  return destroyed;
}
