import { randomUUID } from 'node:crypto';
import { keyedError, keyedIssue } from '../../common/api/errors.ts';
import type { CertificateFields, CertificateView } from '../../common/environments/certificates.ts';
import type { CertificateKind } from '../../common/registry/vocabulary.ts';
import { customerOfEnvironment } from '../registry/environmentRepository.ts';
import {
  createdStamp,
  touchCustomer,
  updatedStamp,
  type RegistryContext,
} from '../registry/registryContext.ts';
import type { Db } from '../store/database.node.ts';
import { openedVersion, staleSaveRefusal } from '../store/staleSave.ts';

const certificateColumns = (db: Db) =>
  db
    .selectFrom('certificates')
    .leftJoin('servers', 'servers.id', 'certificates.server_id')
    .selectAll('certificates')
    .select('servers.host as server_host');

type CertificateRow = Awaited<ReturnType<ReturnType<typeof certificateColumns>['executeTakeFirstOrThrow']>>;

function certificateView(row: CertificateRow): CertificateView {
  return {
    id: row.id,
    environmentId: row.environment_id,
    kind: row.kind as CertificateKind,
    subject: row.subject,
    thumbprint: row.thumbprint,
    serverId: row.server_id,
    serverHost: row.server_host,
    expiresOn: row.expires_on,
    rowVersion: row.row_version,
  };
}

/** The certificates of some environments, soonest expiry first. */
export async function loadCertificates(
  db: Db,
  environmentIds: readonly string[],
): Promise<CertificateView[]> {
  if (environmentIds.length === 0) return [];
  const rows = await certificateColumns(db)
    .where('certificates.environment_id', 'in', environmentIds)
    .orderBy('certificates.expires_on')
    .orderBy('certificates.kind')
    .execute();
  return rows.map(certificateView);
}

export async function saveCertificate(
  ctx: RegistryContext,
  environmentId: string,
  id: string | undefined,
  rowVersion: number | undefined,
  fields: CertificateFields,
): Promise<{ customerId: string; certificate: CertificateView }> {
  const columns = {
    kind: fields.kind,
    subject: fields.subject,
    thumbprint: fields.thumbprint,
    server_id: fields.serverId,
    expires_on: fields.expiresOn,
  };
  return ctx.db.transaction().execute(async (trx) => {
    const customerId = await customerOfEnvironment(trx, environmentId);
    if (fields.serverId !== null) {
      const server = await trx
        .selectFrom('servers')
        .select('environment_id')
        .where('id', '=', fields.serverId)
        .executeTakeFirst();
      if (server?.environment_id !== environmentId) {
        throw keyedError(
          'VALIDATION',
          'records.serverNotInEnvironment',
          {},
          { issues: [keyedIssue('certificate.serverId', 'records.notServerOfEnvironment')] },
        );
      }
    }
    const certificateId = id ?? randomUUID();
    if (id === undefined) {
      await trx
        .insertInto('certificates')
        .values({ id: certificateId, environment_id: environmentId, ...columns, ...createdStamp(ctx) })
        .execute();
    } else {
      const result = await trx
        .updateTable('certificates')
        .set({ ...columns, ...updatedStamp(ctx) })
        .where('id', '=', id)
        .where('environment_id', '=', environmentId)
        .where('row_version', '=', openedVersion(rowVersion))
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) {
        throw await staleSaveRefusal(trx, ctx.actorId, {
          table: 'certificates',
          id,
          within: { column: 'environment_id', value: environmentId },
          record: 'certificate',
          notFound: 'No such certificate in this environment.',
          view: async () =>
            certificateView(
              await certificateColumns(trx).where('certificates.id', '=', id).executeTakeFirstOrThrow(),
            ),
          submitted: fields,
        });
      }
    }
    await touchCustomer(trx, ctx, customerId);
    const row = await certificateColumns(trx)
      .where('certificates.id', '=', certificateId)
      .executeTakeFirstOrThrow();
    return { customerId, certificate: certificateView(row) };
  });
}

/** Answers with the customer whose record changed. */
export async function deleteCertificate(ctx: RegistryContext, id: string): Promise<string> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('certificates')
      .select('environment_id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw keyedError('NOT_FOUND', 'records.noSuchCertificate');
    const customerId = await customerOfEnvironment(trx, row.environment_id);
    await trx.deleteFrom('certificates').where('id', '=', id).execute();
    await touchCustomer(trx, ctx, customerId);
    return customerId;
  });
}
