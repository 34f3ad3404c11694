import {
  certificateStanding,
  certificateWarning,
  type CertificateRow,
} from '../../common/environments/certificates.ts';
import type { Handlers } from '../api/dispatcher.ts';
import type { Backend } from '../app/backend.node.ts';
import type { Db } from '../store/database.node.ts';
import { deleteCertificate, loadCertificates, saveCertificate } from './certificateRepository.ts';
import { deleteNotice, saveNotice } from './noticeRepository.ts';

type UpkeepHandlers = Pick<Handlers, Extract<keyof Handlers, `certificates.${string}` | `notices.${string}`>>;

const byName = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

/**
 * What the customer tells the vendor about an environment (maintenance notices) and what expires there (AD FS and WAP
 * certificates). A change is a change in the customer's record, so other windows refresh.
 */
export function environmentUpkeepHandlers(backend: Backend): UpkeepHandlers {
  const ctx = () => backend.registryContext();
  // Neither a customer's servers nor its contacts: the list asks for neither again.
  const changed = (customerId: string) => backend.emit('registry.changed', { customerId, touched: [] });

  return {
    'certificates.save': async ({ environmentId, id, rowVersion, certificate }) => {
      const saved = await saveCertificate(ctx(), environmentId, id, rowVersion, certificate);
      changed(saved.customerId);
      return saved.certificate;
    },
    'certificates.delete': async ({ id }) => {
      changed(await deleteCertificate(ctx(), id));
      return null;
    },
    'certificates.list': async ({ customerId, at }) =>
      listCertificateRows(ctx().db, at ?? backend.now(), customerId),
    'notices.save': async ({ environmentId, id, rowVersion, notice }) => {
      const saved = await saveNotice(ctx(), environmentId, id, rowVersion, notice);
      changed(saved.customerId);
      return saved.notice;
    },
    'notices.delete': async ({ id }) => {
      changed(await deleteNotice(ctx(), id));
      return null;
    },
  };
}

/** Every certificate (of one customer, or all), soonest expiry first, with its standing at `at`. */
async function listCertificateRows(db: Db, at: number, customerId?: string): Promise<CertificateRow[]> {
  let query = db
    .selectFrom('environments')
    .innerJoin('customers', 'customers.id', 'environments.customer_id')
    .select([
      'environments.id',
      'environments.name',
      'customers.id as customer_id',
      'customers.name as customer_name',
    ]);
  if (customerId !== undefined) query = query.where('customers.id', '=', customerId);
  const environments = new Map((await query.execute()).map((row) => [row.id, row]));
  const certificates = await loadCertificates(db, [...environments.keys()]);
  return certificates
    .map((certificate) => {
      const environment = environments.get(certificate.environmentId)!;
      const standing = certificateStanding(certificate, at);
      return {
        customerId: environment.customer_id,
        customerName: environment.customer_name,
        environmentName: environment.name,
        certificate,
        state: standing.state,
        days: standing.days,
        warning: certificateWarning(certificate, environment.name, at)?.message ?? null,
      };
    })
    .sort(
      (a, b) =>
        a.certificate.expiresOn.localeCompare(b.certificate.expiresOn) ||
        byName.compare(a.customerName, b.customerName),
    );
}
