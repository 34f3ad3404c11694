import type { ImportSummary } from '../../common/registry/registryFile.ts';
import type { Backend } from '../app/backend.node.ts';
import type { EventPayload } from '../../common/api/contract.ts';
import type { Handlers } from '../api/dispatcher.ts';
import {
  createCustomer,
  deleteContact,
  deleteCustomer,
  findContact,
  getCustomerDetail,
  listCustomerContacts,
  listCustomerServers,
  listCustomerSummaries,
  saveContact,
  updateCustomer,
} from './customerRepository.ts';
import {
  deleteEnvironment,
  deleteServer,
  deleteSupportAccount,
  findEnvironment,
  findServer,
  findSupportAccount,
  readSecret,
  saveEnvironment,
  saveServer,
  saveSupportAccount,
} from './environmentRepository.ts';
import { personalDetail } from '../audit/auditDetails.ts';
import { auditedRegistryWrite, recordChange } from '../audit/recordChanges.ts';
import { oneTimeCodeHandlers } from './oneTimeCodeHandlers.ts';

/** The audit event's details: counts only, never a name or other text from the file. */
/** The summary holds counts only (no names), so the audit event can carry all of it. */
function importCounts(summary: ImportSummary): Record<string, number> {
  return { ...summary };
}

type RegistryHandlers = Pick<Handlers, Extract<keyof Handlers, `registry.${string}`>>;

/**
 * The registry's API methods. Every write announces which customer changed, so other windows refresh, and which of
 * the list's follow-up parts (servers, contacts) it touched, so they ask only for those again.
 */
export function registryHandlers(backend: Backend): RegistryHandlers {
  const ctx = () => backend.registryContext();
  const changed = (customerId: string | null, touched?: EventPayload<'registry.changed'>['touched']) =>
    backend.emit('registry.changed', { customerId, ...(touched && { touched }) });
  // Every change and its audit event in one transaction (main/audit/recordChanges.ts).
  const write = auditedRegistryWrite(backend);

  return {
    'registry.listCustomers': async ({ contacts, servers }) =>
      listCustomerSummaries(ctx().db, { contacts, servers }),
    'registry.listCustomerServers': async () => listCustomerServers(ctx().db),
    'registry.listCustomerContacts': async () => listCustomerContacts(ctx().db),
    'registry.getCustomer': async ({ id }) => getCustomerDetail(ctx().db, id),
    'registry.createCustomer': async (fields) => {
      const saved = await write(
        async (c) => getCustomerDetail(c.db, await createCustomer(c, fields)),
        (after) => recordChange('customer', after.id, { customerId: after.id }, null, after),
      );
      changed(null, []);
      return saved;
    },
    'registry.updateCustomer': async ({ id, rowVersion, customer }) => {
      const { after } = await write(
        async (c) => {
          const before = await getCustomerDetail(c.db, id);
          await updateCustomer(c, id, rowVersion, customer);
          return { before, after: await getCustomerDetail(c.db, id) };
        },
        ({ before, after }) => recordChange('customer', id, { customerId: id }, before, after),
      );
      changed(id, []);
      return after;
    },
    'registry.deleteCustomer': async ({ id }) => {
      await write(
        (c) => deleteCustomer(c, id),
        () => recordChange('customer', id, { customerId: id }, null, null),
      );
      changed(null, []);
      return null;
    },
    'registry.saveContact': async ({ customerId, id, rowVersion, contact }) => {
      const { after } = await write(
        async (c) => {
          const before = id === undefined ? null : await findContact(c.db, id);
          return { before, after: await saveContact(c, customerId, id, rowVersion, contact) };
        },
        ({ before, after }) => recordChange('contact', after.id, { customerId }, before, after),
      );
      changed(customerId, ['contacts']);
      return after;
    },
    'registry.deleteContact': async ({ id }) => {
      const customerId = await write(
        (c) => deleteContact(c, id),
        (customerId) => recordChange('contact', id, { customerId }, null, null),
      );
      changed(customerId, ['contacts']);
      return null;
    },
    'registry.saveEnvironment': async ({ customerId, id, rowVersion, environment, ...secrets }) => {
      const { after } = await write(
        async (c) => {
          const before = id === undefined ? null : await findEnvironment(c.db, id);
          const after = await saveEnvironment(c, customerId, id, rowVersion, environment, secrets);
          return { before, after };
        },
        ({ before, after }) =>
          recordChange('environment', after.id, { customerId, environmentId: after.id }, before, after, [
            ...(secrets.preConnectSecret === undefined ? [] : ['preConnectSecret']),
            ...(secrets.vpnTotpSeed === undefined ? [] : ['vpnTotpSeed']),
          ]),
      );
      changed(customerId, ['servers']);
      return after;
    },
    'registry.deleteEnvironment': async ({ id }) => {
      const customerId = await write(
        (c) => deleteEnvironment(c, id),
        (customerId) => recordChange('environment', id, { customerId, environmentId: id }, null, null),
      );
      changed(customerId, ['servers']);
      return null;
    },
    'registry.saveServer': async ({ environmentId, id, rowVersion, server }) => {
      const { saved } = await write(
        async (c) => ({
          before: id === undefined ? null : await findServer(c.db, id),
          saved: await saveServer(c, environmentId, id, rowVersion, server),
        }),
        ({ before, saved }) =>
          recordChange(
            'server',
            saved.server.id,
            { customerId: saved.customerId, environmentId },
            before,
            saved.server,
          ),
      );
      changed(saved.customerId, ['servers']);
      return saved.server;
    },
    'registry.deleteServer': async ({ id }) => {
      const { customerId } = await write(
        async (c) => {
          const environmentId = (await findServer(c.db, id))?.environmentId;
          return { environmentId, customerId: await deleteServer(c, id) };
        },
        ({ customerId, environmentId }) =>
          recordChange('server', id, { customerId, environmentId }, null, null),
      );
      changed(customerId, ['servers']);
      return null;
    },
    'registry.saveSupportAccount': async ({ environmentId, id, rowVersion, account, secret, totpSeed }) => {
      const { saved } = await write(
        async (c) => ({
          before: id === undefined ? null : await findSupportAccount(c.db, id),
          saved: await saveSupportAccount(c, environmentId, id, rowVersion, account, secret, totpSeed),
        }),
        // The secret is named when one was written, never its value (it does not reach the description).
        ({ before, saved }) =>
          recordChange(
            'support_account',
            saved.account.id,
            { customerId: saved.customerId, environmentId },
            before,
            saved.account,
            [...(secret === undefined ? [] : ['secret']), ...(totpSeed === undefined ? [] : ['totpSeed'])],
          ),
      );
      changed(saved.customerId, []);
      return saved.account;
    },
    'registry.deleteSupportAccount': async ({ id }) => {
      const { customerId } = await write(
        async (c) => {
          const environmentId = (await findSupportAccount(c.db, id))?.environmentId;
          return { environmentId, customerId: await deleteSupportAccount(c, id) };
        },
        ({ customerId, environmentId }) =>
          recordChange('support_account', id, { customerId, environmentId }, null, null),
      );
      changed(customerId, []);
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
    ...oneTimeCodeHandlers(backend),
    'registry.import': async ({ file }) => {
      // The file's reader and the office calendar (its tickets' SLA) load at the first import, not with the other
      // handlers: a listing needs neither, nor the tickets and holidays they pull in (issue 17).
      const [{ importRegistry }, { swedishOfficeCalendar }] = await Promise.all([
        import('./registryImport.ts'),
        import('../tickets/officeCalendar.ts'),
      ]);
      // The event is written in the import's transaction: no import without it, no event for a rolled-back one.
      const summary = await importRegistry(ctx(), swedishOfficeCalendar(), file, (work) =>
        backend
          .audit()
          .appendWith(work, (counts) => ({ event: 'registry.imported', details: importCounts(counts) })),
      );
      changed(null);
      return summary;
    },
    'registry.export': async () => {
      const { exportRegistry } = await import('./registryExport.ts');
      return exportRegistry(ctx().db, { includeSecrets: false, now: backend.now() });
    },
  };
}
