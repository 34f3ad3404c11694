import { sql } from 'kysely';
import type { Db } from '../../store/database.node.ts';
import { serialiseWrites } from '../../store/writeLocks.ts';

export interface BatchRenumbering {
  batchIds: string[];
  /** The numbers the batches had in the local store, in order. */
  from: number[];
  /** The numbers they get in the team, in the same order. */
  to: number[];
}

/**
 * New numbers for the local store's billing batches: after the team's highest, in their local order. Batch numbers
 * count a team's approvals, and any team that has approved a month holds number 1 already. A number is no part of
 * what is sealed or hashed in the batch's rows (its lines and adjustments name the batch by id); the local audit log,
 * kept unchanged as a segment, records the old numbers, so the mapping goes into the link event. Takes the approvals'
 * lock first (as an approval does, main/billing/monthApproval.ts) so no member's approval can take a number meanwhile.
 */
export async function renumberBatches(local: Db, team: Db): Promise<BatchRenumbering> {
  await serialiseWrites(team, 'billing approval');
  const highest = await team
    .selectFrom('billing_batches')
    .select(sql<number>`coalesce(max(number), 0)`.as('n'))
    .executeTakeFirstOrThrow();
  const batches = await local
    .selectFrom('billing_batches')
    .select(['id', 'number'])
    .orderBy('number')
    .execute();
  return {
    batchIds: batches.map((b) => b.id),
    from: batches.map((b) => b.number),
    to: batches.map((_, i) => Number(highest.n) + i + 1),
  };
}

/** The team's number for a batch row read from the local store. */
export function renumbered(renumbering: BatchRenumbering, localNumber: number): number {
  const index = renumbering.from.indexOf(localNumber);
  if (index < 0) throw new Error(`Billing batch ${localNumber} was not renumbered`);
  return renumbering.to[index]!;
}
