import { destroyDataKeys } from '../personalData/personalDataKeys.ts';
import type { Db } from '../store/database.node.ts';
import { destroySecretKeys } from '../vault/secretVault.ts';
import { nextRowVersion } from '../store/rowVersion.ts';

/** How many ids one statement takes. */
const ID_BATCH = 500;

function* batches<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += ID_BATCH) yield items.slice(i, i + ID_BATCH);
}

/** The recordings of sessions on these tickets. */
export async function recordingsOfTickets(db: Db, ticketIds: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const batch of batches(ticketIds)) {
    const rows = await db
      .selectFrom('sessions')
      .select('recording_id')
      .where('ticket_id', 'in', batch)
      .where('recording_id', 'is not', null)
      .execute();
    for (const row of rows) ids.push(row.recording_id!);
  }
  return [...new Set(ids)];
}

/**
 * Shreds the personal data of tickets, inside the caller's transaction: their data keys go (every sealed copy of
 * their text, in approved billing lines and audit details too, becomes unreadable without those rows changing), the
 * tickets are marked purged, and their recordings' output is deleted (terminal output is personal, has no
 * accounting value and is under no immutability trigger). Time entries, billing lines and audit events are not
 * touched. Returns the keys destroyed and the recordings emptied.
 */
export async function shredTickets(
  trx: Db,
  ticketIds: readonly string[],
  at: number,
): Promise<{ keysDestroyed: number; recordings: number }> {
  const keysDestroyed = await destroyDataKeys(
    trx,
    ticketIds.map((id) => ({ kind: 'ticket' as const, id })),
  );
  const recordings = await recordingsOfTickets(trx, ticketIds);
  for (const batch of batches(ticketIds)) {
    await trx
      .updateTable('tickets')
      .set({ purged_at: at, ...nextRowVersion() })
      .where('id', 'in', batch)
      .execute();
  }
  // Screenshots are sealed under the ticket's key, unreadable now; their rows (megabytes each) go too.
  for (const batch of batches(ticketIds)) {
    await trx.deleteFrom('ticket_screenshots').where('ticket_id', 'in', batch).execute();
  }
  for (const batch of batches(recordings)) {
    await trx.deleteFrom('recording_chunks').where('recording_id', 'in', batch).execute();
  }
  // And the recordings' data keys: a copy of a chunk kept anywhere (a backup) no longer opens.
  await destroySecretKeys(
    trx,
    recordings.map((id) => ({ kind: 'recording' as const, id })),
  );
  return { keysDestroyed, recordings: recordings.length };
}
