import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { keyedError, keyedIssue } from '../../common/api/errors.ts';
import type {
  AgreementFields,
  AgreementView,
  BillableWorkType,
  RoundingScope,
  ServiceKind,
} from '../../common/agreements/model.ts';
import type { Db } from '../store/database.node.ts';
import { openedVersion, staleSaveRefusal } from '../store/staleSave.ts';
import type { AgreementsTable, AgreementServicesTable } from '../store/schema.ts';
import {
  assertCustomerExists,
  createdStamp,
  touchCustomer,
  transact,
  updatedStamp,
  type RegistryContext,
} from '../registry/registryContext.ts';

export async function listAgreements(db: Db, customerIds: readonly string[]): Promise<AgreementView[]> {
  if (customerIds.length === 0) return [];
  const rows = await db
    .selectFrom('agreements')
    .selectAll()
    .where('customer_id', 'in', customerIds)
    .orderBy('starts_on', 'desc')
    .execute();
  if (rows.length === 0) return [];
  const services = await db
    .selectFrom('agreement_services')
    .selectAll()
    .where(
      'agreement_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('position')
    .execute();
  return rows.map((row) =>
    agreementView(
      row,
      services.filter((s) => s.agreement_id === row.id),
    ),
  );
}

/** One agreement's view, or null when there is none. */
export async function findAgreement(db: Db, id: string): Promise<AgreementView | null> {
  const row = await db.selectFrom('agreements').select('id').where('id', '=', id).executeTakeFirst();
  return row ? getAgreement(db, id) : null;
}

export async function getAgreement(db: Db, id: string): Promise<AgreementView> {
  const row = await db.selectFrom('agreements').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw keyedError('NOT_FOUND', 'records.noSuchAgreement');
  const services = await db
    .selectFrom('agreement_services')
    .selectAll()
    .where('agreement_id', '=', id)
    .orderBy('position')
    .execute();
  return agreementView(row, services);
}

/**
 * Saves an agreement with its services. Services that keep their id keep pointing tickets at them; services left out
 * are removed (their tickets keep the ticket, without a service).
 */
export async function saveAgreement(
  ctx: RegistryContext,
  customerId: string,
  id: string | undefined,
  rowVersion: number | undefined,
  fields: AgreementFields,
): Promise<AgreementView> {
  return transact(ctx.db, (trx) => writeAgreement(trx, ctx, customerId, id, rowVersion, fields));
}

/** saveAgreement's work, inside a transaction the caller holds (the registry import writes many at once). */
export async function writeAgreement(
  trx: Db,
  ctx: RegistryContext,
  customerId: string,
  id: string | undefined,
  rowVersion: number | undefined,
  fields: AgreementFields,
): Promise<AgreementView> {
  await assertCustomerExists(trx, customerId);
  // Tickets in exchange files name their agreement by reference, so a reference means one agreement per customer.
  let sameReference = trx
    .selectFrom('agreements')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('reference', '=', fields.reference);
  if (id !== undefined) sameReference = sameReference.where('id', '!=', id);
  if (await sameReference.executeTakeFirst()) {
    throw keyedError(
      'CONFLICT',
      'records.agreementReferenceTaken',
      { reference: fields.reference },
      { issues: [keyedIssue('agreement.reference', 'records.agreementReferenceUsed')] },
    );
  }
  const columns = agreementColumns(fields);
  const agreementId = id ?? randomUUID();
  if (id === undefined) {
    await trx
      .insertInto('agreements')
      .values({ id: agreementId, customer_id: customerId, ...columns, ...createdStamp(ctx) })
      .execute();
  } else {
    const result = await trx
      .updateTable('agreements')
      .set({ ...columns, ...updatedStamp(ctx) })
      .where('id', '=', id)
      .where('customer_id', '=', customerId)
      .where('row_version', '=', openedVersion(rowVersion))
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) {
      throw await staleSaveRefusal(trx, ctx.actorId, {
        table: 'agreements',
        id,
        within: { column: 'customer_id', value: customerId },
        record: 'agreement',
        notFound: 'No such agreement for this customer.',
        view: () => getAgreement(trx, id),
        submitted: fields,
      });
    }
  }
  await replaceServices(trx, customerId, agreementId, fields.services);
  await touchCustomer(trx, ctx, customerId);
  return getAgreement(trx, agreementId);
}

function agreementColumns(fields: AgreementFields) {
  return {
    reference: fields.reference,
    starts_on: fields.startsOn,
    ends_on: fields.endsOn,
    response_hours: fields.responseHours,
    acute_enabled: fields.acuteEscalation.enabled ? 1 : 0,
    acute_fee_ore: fields.acuteEscalation.feeOre,
    allowed_contacts: fields.allowedContacts,
    hourly_rates_ore: JSON.stringify(fields.hourlyRatesOre),
    rounding_increment_minutes: fields.rounding.incrementMinutes,
    rounding_scope: fields.rounding.scope,
    minimum_minutes: fields.rounding.minimumMinutes,
    notes: fields.notes,
  };
}

async function replaceServices(
  db: Db,
  customerId: string,
  agreementId: string,
  services: AgreementFields['services'],
) {
  const environments = new Set(
    (await db.selectFrom('environments').select('id').where('customer_id', '=', customerId).execute()).map(
      (e) => e.id,
    ),
  );
  const existing = new Set(
    (
      await db.selectFrom('agreement_services').select('id').where('agreement_id', '=', agreementId).execute()
    ).map((s) => s.id),
  );
  const issues = services.flatMap((service, index) => [
    ...(service.environmentId !== null && !environments.has(service.environmentId)
      ? [keyedIssue(`agreement.services.${index}.environmentId`, 'records.serviceEnvironmentNotCustomers')]
      : []),
    ...(service.id !== undefined && !existing.has(service.id)
      ? [keyedIssue(`agreement.services.${index}.id`, 'records.serviceOfOtherAgreement')]
      : []),
  ]);
  if (issues.length > 0) throw keyedError('VALIDATION', 'records.agreementServicesInvalid', {}, { issues });

  const kept = new Set(services.map((s) => s.id).filter((x): x is string => x !== undefined));
  const removed = [...existing].filter((serviceId) => !kept.has(serviceId));
  if (removed.length > 0) await db.deleteFrom('agreement_services').where('id', 'in', removed).execute();
  for (const [position, service] of services.entries()) {
    const values = {
      kind: service.kind,
      name: service.name,
      environment_id: service.environmentId,
      position,
    };
    if (service.id !== undefined) {
      await db.updateTable('agreement_services').set(values).where('id', '=', service.id).execute();
    } else {
      await db
        .insertInto('agreement_services')
        .values({ id: randomUUID(), agreement_id: agreementId, ...values })
        .execute();
    }
  }
}

export async function deleteAgreement(ctx: RegistryContext, id: string): Promise<string> {
  return transact(ctx.db, async (trx) => {
    const row = await trx
      .selectFrom('agreements')
      .select('customer_id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw keyedError('NOT_FOUND', 'records.noSuchAgreement');
    await trx.deleteFrom('agreements').where('id', '=', id).execute();
    await touchCustomer(trx, ctx, row.customer_id);
    return row.customer_id;
  });
}

function agreementView(row: Selectable<AgreementsTable>, services: AgreementServicesTable[]): AgreementView {
  return {
    id: row.id,
    customerId: row.customer_id,
    reference: row.reference,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    responseHours: row.response_hours,
    acuteEscalation: { enabled: row.acute_enabled === 1, feeOre: row.acute_fee_ore },
    allowedContacts: row.allowed_contacts,
    services: services.map((s) => ({
      id: s.id,
      kind: s.kind as ServiceKind,
      name: s.name,
      environmentId: s.environment_id,
    })),
    hourlyRatesOre: JSON.parse(row.hourly_rates_ore) as Partial<Record<BillableWorkType, number>>,
    rounding: {
      incrementMinutes: row.rounding_increment_minutes,
      scope: row.rounding_scope as RoundingScope,
      minimumMinutes: row.minimum_minutes,
    },
    notes: row.notes,
    rowVersion: row.row_version,
  };
}
