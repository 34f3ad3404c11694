import type { ImportSummary } from '../../common/registry/registryFile.ts';
import type { Backend } from '../app/backend.node.ts';
import type { Handlers } from '../api/dispatcher.ts';
import {
  createCustomer,
  deleteContact,
  deleteCustomer,
  getCustomerDetail,
  listCustomerSummaries,
  saveContact,
  updateCustomer,
} from './customerRepository.ts';
import {
  deleteEnvironment,
  deleteServer,
  deleteSupportAccount,
  readSecret,
  saveEnvironment,
  saveServer,
  saveSupportAccount,
} from './environmentRepository.ts';
import { swedishOfficeCalendar } from '../tickets/officeCalendar.ts';
import { personalDetail } from '../audit/auditDetails.ts';
import { exportRegistry } from './registryExport.ts';
import { importRegistry } from './registryImport.ts';

/** The audit event's details: counts only, never a name or other text from the file. */
/** The summary holds counts only (no names), so the audit event can carry all of it. */
function importCounts(summary: ImportSummary): Record<string, number> {
  return { ...summary };
}

type RegistryHandlers = Pick<Handlers, Extract<keyof Handlers, `registry.${string}`>>;

/** The registry's API methods. Every write announces which customer changed, so other windows refresh. */
export function registryHandlers(backend: Backend): RegistryHandlers {
  const ctx = () => backend.registryContext();
  const calendar = swedishOfficeCalendar();
  const changed = (customerId: string | null) => backend.emit('registry.changed', { customerId });

  return {
    'registry.listCustomers': async () => listCustomerSummaries(ctx().db),
    'registry.getCustomer': async ({ id }) => getCustomerDetail(ctx().db, id),
    'registry.createCustomer': async (fields) => {
      const c = ctx();
      const id = await createCustomer(c, fields);
      changed(null);
      return getCustomerDetail(c.db, id);
    },
    'registry.updateCustomer': async ({ id, rowVersion, customer }) => {
      const c = ctx();
      await updateCustomer(c, id, rowVersion, customer);
      changed(id);
      return getCustomerDetail(c.db, id);
    },
    'registry.deleteCustomer': async ({ id }) => {
      await deleteCustomer(ctx(), id);
      changed(null);
      return null;
    },
    'registry.saveContact': async ({ customerId, id, rowVersion, contact }) => {
      const view = await saveContact(ctx(), customerId, id, rowVersion, contact);
      changed(customerId);
      return view;
    },
    'registry.deleteContact': async ({ id }) => {
      changed(await deleteContact(ctx(), id));
      return null;
    },
    'registry.saveEnvironment': async ({ customerId, id, rowVersion, environment, preConnectSecret }) => {
      const view = await saveEnvironment(ctx(), customerId, id, rowVersion, environment, preConnectSecret);
      changed(customerId);
      return view;
    },
    'registry.deleteEnvironment': async ({ id }) => {
      changed(await deleteEnvironment(ctx(), id));
      return null;
    },
    'registry.saveServer': async ({ environmentId, id, rowVersion, server }) => {
      const saved = await saveServer(ctx(), environmentId, id, rowVersion, server);
      changed(saved.customerId);
      return saved.server;
    },
    'registry.deleteServer': async ({ id }) => {
      changed(await deleteServer(ctx(), id));
      return null;
    },
    'registry.saveSupportAccount': async ({ environmentId, id, rowVersion, account, secret }) => {
      const saved = await saveSupportAccount(ctx(), environmentId, id, rowVersion, account, secret);
      changed(saved.customerId);
      return saved.account;
    },
    'registry.deleteSupportAccount': async ({ id }) => {
      changed(await deleteSupportAccount(ctx(), id));
      return null;
    },
    'registry.revealSecret': async ({ accountId, purpose }) => {
      const { secret, username, environmentId } = await readSecret(ctx().db, accountId);
      // Written before the secret leaves: a reveal that cannot be audited does not happen.
      await backend.audit().append({
        event: 'secret.revealed',
        subject: { type: 'support_account', id: accountId },
        details: { username: personalDetail(username), environmentId, purpose: personalDetail(purpose) },
      });
      return { secret };
    },
    'registry.import': async ({ file }) => {
      // The event is written in the import's transaction: no import without it, no event for a rolled-back one.
      const summary = await importRegistry(ctx(), calendar, file, (work) =>
        backend
          .audit()
          .appendWith(work, (counts) => ({ event: 'registry.imported', details: importCounts(counts) })),
      );
      changed(null);
      return summary;
    },
    'registry.export': async () => exportRegistry(ctx().db, { includeSecrets: false, now: backend.now() }),
  };
}
