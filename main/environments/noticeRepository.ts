import { randomUUID } from 'node:crypto';
import { keyedError } from '../../common/api/errors.ts';
import type {
  MaintenanceNoticeFields,
  MaintenanceNoticeView,
} from '../../common/environments/maintenanceNotices.ts';
import { customerOfEnvironment } from '../registry/environmentRepository.ts';
import {
  createdStamp,
  touchCustomer,
  updatedStamp,
  type RegistryContext,
} from '../registry/registryContext.ts';
import type { Db } from '../store/database.node.ts';
import { openedVersion, staleSaveRefusal } from '../store/staleSave.ts';

const noticeColumns = (db: Db) =>
  db
    .selectFrom('maintenance_notices')
    .innerJoin('users as recorder', 'recorder.id', 'maintenance_notices.created_by')
    .selectAll('maintenance_notices')
    .select('recorder.name as recorder_name');

type NoticeRow = Awaited<ReturnType<ReturnType<typeof noticeColumns>['executeTakeFirstOrThrow']>>;

function noticeView(row: NoticeRow): MaintenanceNoticeView {
  return {
    id: row.id,
    environmentId: row.environment_id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    summary: row.summary,
    receivedAt: row.received_at,
    recordedAt: row.created_at,
    recordedBy: row.recorder_name,
    rowVersion: row.row_version,
  };
}

/** The notices of some environments, latest start first. */
export async function loadNotices(
  db: Db,
  environmentIds: readonly string[],
): Promise<MaintenanceNoticeView[]> {
  if (environmentIds.length === 0) return [];
  const rows = await noticeColumns(db)
    .where('maintenance_notices.environment_id', 'in', environmentIds)
    .orderBy('maintenance_notices.starts_at', 'desc')
    .execute();
  return rows.map(noticeView);
}

export async function saveNotice(
  ctx: RegistryContext,
  environmentId: string,
  id: string | undefined,
  rowVersion: number | undefined,
  fields: MaintenanceNoticeFields,
): Promise<{ customerId: string; notice: MaintenanceNoticeView }> {
  const columns = {
    starts_at: fields.startsAt,
    ends_at: fields.endsAt,
    summary: fields.summary,
    received_at: fields.receivedAt ?? ctx.now(),
  };
  return ctx.db.transaction().execute(async (trx) => {
    const customerId = await customerOfEnvironment(trx, environmentId);
    const noticeId = id ?? randomUUID();
    if (id === undefined) {
      await trx
        .insertInto('maintenance_notices')
        .values({ id: noticeId, environment_id: environmentId, ...columns, ...createdStamp(ctx) })
        .execute();
    } else {
      const result = await trx
        .updateTable('maintenance_notices')
        .set({ ...columns, ...updatedStamp(ctx) })
        .where('id', '=', id)
        .where('environment_id', '=', environmentId)
        .where('row_version', '=', openedVersion(rowVersion))
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) {
        throw await staleSaveRefusal(trx, ctx.actorId, {
          table: 'maintenance_notices',
          id,
          within: { column: 'environment_id', value: environmentId },
          record: 'maintenance notice',
          notFound: 'No such notice in this environment.',
          view: async () =>
            noticeView(
              await noticeColumns(trx).where('maintenance_notices.id', '=', id).executeTakeFirstOrThrow(),
            ),
          submitted: fields,
        });
      }
    }
    await touchCustomer(trx, ctx, customerId);
    const row = await noticeColumns(trx)
      .where('maintenance_notices.id', '=', noticeId)
      .executeTakeFirstOrThrow();
    return { customerId, notice: noticeView(row) };
  });
}

/** Answers with the customer whose record changed. */
export async function deleteNotice(ctx: RegistryContext, id: string): Promise<string> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('maintenance_notices')
      .select('environment_id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw keyedError('NOT_FOUND', 'records.noSuchNotice');
    const customerId = await customerOfEnvironment(trx, row.environment_id);
    await trx.deleteFrom('maintenance_notices').where('id', '=', id).execute();
    await touchCustomer(trx, ctx, customerId);
    return customerId;
  });
}
