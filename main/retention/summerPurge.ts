import { randomUUID } from 'node:crypto';
import { keyedError } from '../../common/api/errors.ts';
import type { PurgeRun, RetentionStatus } from '../../common/retention/model.ts';
import type { AuditTrail } from '../audit/auditTrail.node.ts';
import { destroyDataKeys } from '../personalData/personalDataKeys.ts';
import type { RegistryContext } from '../registry/registryContext.ts';
import type { Db } from '../store/database.node.ts';
import { flushWriteAheadLog } from '../store/writeAheadLog.ts';
import { latestPurgeDate, nextPurgeDateAfter, swedishDate } from './purgeCalendar.ts';
import { selectPurge } from './purgeSelection.ts';
import { readRetentionPolicy } from './retentionPolicy.ts';
import { shredTickets } from './ticketShredding.ts';

export async function lastPurgeRun(db: Db): Promise<PurgeRun | null> {
  const row = await db
    .selectFrom('purge_runs')
    .innerJoin('users', 'users.id', 'purge_runs.ran_by')
    .selectAll('purge_runs')
    .select('users.name as ran_by_name')
    .orderBy('ran_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    ranAt: row.ran_at,
    ranBy: row.ran_by_name,
    purgeDate: row.purge_date,
    tickets: row.tickets,
    monthKeys: row.month_keys,
    keysDestroyed: row.keys_destroyed,
    recordings: row.recordings,
  };
}

/**
 * When the next purge is and what it will take. A purge is due once a purge date has come with no purge run on or
 * after it (a store unopened on 1 July purges when next opened); it then runs as of today.
 */
export async function retentionStatus(db: Db, now: number): Promise<RetentionStatus> {
  const policy = await readRetentionPolicy(db);
  const today = swedishDate(now);
  const lastRun = await lastPurgeRun(db);
  const due = lastRun === null || lastRun.purgeDate < latestPurgeDate(policy, today);
  const nextPurgeDate = due ? today : nextPurgeDateAfter(policy, today);
  return {
    policy,
    today,
    nextPurgeDate,
    due,
    preview: await selectPurge(db, policy, nextPurgeDate),
    lastRun,
  };
}

/**
 * Runs today's purge: destroys the data keys of what the rule takes, marks the tickets purged, empties their
 * recordings, records the run and audits it with counts (never content), all in one transaction; then checkpoints
 * the WAL so no copy of a destroyed key stays there. Refused when no purge is due.
 */
export async function runSummerPurge(ctx: RegistryContext, audit: AuditTrail): Promise<PurgeRun> {
  await audit.appendWith(
    async (trx) => {
      const status = await retentionStatus(trx, ctx.now());
      if (!status.due) {
        throw keyedError(
          'CONFLICT',
          'records.noPurgeDue',
          { lastPurgeOn: status.lastRun!.purgeDate, nextPurgeOn: status.nextPurgeDate },
          { nextPurgeDate: status.nextPurgeDate },
        );
      }
      const { preview } = status;
      const at = ctx.now();
      const shredded = await shredTickets(
        trx,
        preview.tickets.map((t) => t.ticketId),
        at,
      );
      const monthKeys = await destroyDataKeys(
        trx,
        preview.months.map((id) => ({ kind: 'month' as const, id })),
      );
      const row = {
        id: randomUUID(),
        ran_at: at,
        ran_by: ctx.actorId,
        purge_date: preview.purgeDate,
        tickets: preview.tickets.length,
        month_keys: monthKeys,
        keys_destroyed: shredded.keysDestroyed + monthKeys,
        recordings: shredded.recordings,
      };
      await trx.insertInto('purge_runs').values(row).execute();
      return { row, customers: preview.customers };
    },
    ({ row, customers }) => ({
      event: 'retention.purged',
      subject: { type: 'purge_run', id: row.id },
      details: {
        purgeDate: row.purge_date,
        tickets: row.tickets,
        monthKeys: row.month_keys,
        keysDestroyed: row.keys_destroyed,
        recordings: row.recordings,
        customerIds: customers.map((c) => c.customerId),
        customerTickets: customers.map((c) => c.tickets),
      },
    }),
  );
  await flushWriteAheadLog(ctx.db);
  return (await lastPurgeRun(ctx.db))!;
}
