import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { keyedError } from '../../common/api/errors.ts';
import type { DpaFields, DpaView } from '../../common/agreements/model.ts';
import type { Db } from '../store/database.node.ts';
import { openedVersion, staleSaveRefusal } from '../store/staleSave.ts';
import type { DpasTable } from '../store/schema.ts';
import {
  assertCustomerExists,
  createdStamp,
  touchCustomer,
  transact,
  updatedStamp,
  type RegistryContext,
} from '../registry/registryContext.ts';

export async function listDpas(db: Db, customerIds: readonly string[]): Promise<DpaView[]> {
  if (customerIds.length === 0) return [];
  const rows = await db
    .selectFrom('dpas')
    .selectAll()
    .where('customer_id', 'in', customerIds)
    .orderBy('signed_on', 'desc')
    .execute();
  return rows.map(dpaView);
}

export async function saveDpa(
  ctx: RegistryContext,
  customerId: string,
  id: string | undefined,
  rowVersion: number | undefined,
  fields: DpaFields,
): Promise<DpaView> {
  return transact(ctx.db, (trx) => writeDpa(trx, ctx, customerId, id, rowVersion, fields));
}

/** saveDpa's work, inside a transaction the caller holds. */
export async function writeDpa(
  trx: Db,
  ctx: RegistryContext,
  customerId: string,
  id: string | undefined,
  rowVersion: number | undefined,
  fields: DpaFields,
): Promise<DpaView> {
  const columns = {
    signed_on: fields.signedOn,
    reference: fields.reference,
    version: fields.version,
    signatory: fields.signatory,
    ends_on: fields.endsOn,
    document: fields.document,
    notes: fields.notes,
  };
  await assertCustomerExists(trx, customerId);
  const dpaId = id ?? randomUUID();
  if (id === undefined) {
    await trx
      .insertInto('dpas')
      .values({ id: dpaId, customer_id: customerId, ...columns, ...createdStamp(ctx) })
      .execute();
  } else {
    const result = await trx
      .updateTable('dpas')
      .set({ ...columns, ...updatedStamp(ctx) })
      .where('id', '=', id)
      .where('customer_id', '=', customerId)
      .where('row_version', '=', openedVersion(rowVersion))
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) {
      throw await staleSaveRefusal(trx, ctx.actorId, {
        table: 'dpas',
        id,
        within: { column: 'customer_id', value: customerId },
        record: 'data-processing agreement',
        notFound: 'No such data-processing agreement for this customer.',
        view: async () =>
          dpaView(await trx.selectFrom('dpas').selectAll().where('id', '=', id).executeTakeFirstOrThrow()),
        submitted: fields,
      });
    }
  }
  await touchCustomer(trx, ctx, customerId);
  return dpaView(await trx.selectFrom('dpas').selectAll().where('id', '=', dpaId).executeTakeFirstOrThrow());
}

/** One DPA's view, or null when there is none. */
export async function findDpa(db: Db, id: string): Promise<DpaView | null> {
  const row = await db.selectFrom('dpas').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? dpaView(row) : null;
}

export async function deleteDpa(ctx: RegistryContext, id: string): Promise<string> {
  return transact(ctx.db, async (trx) => {
    const row = await trx.selectFrom('dpas').select('customer_id').where('id', '=', id).executeTakeFirst();
    if (!row) throw keyedError('NOT_FOUND', 'records.noSuchDpa');
    await trx.deleteFrom('dpas').where('id', '=', id).execute();
    await touchCustomer(trx, ctx, row.customer_id);
    return row.customer_id;
  });
}

function dpaView(row: Selectable<DpasTable>): DpaView {
  return {
    id: row.id,
    customerId: row.customer_id,
    signedOn: row.signed_on,
    reference: row.reference,
    version: row.version,
    signatory: row.signatory,
    endsOn: row.ends_on,
    document: row.document,
    notes: row.notes,
    rowVersion: row.row_version,
  };
}
