import type { EventPayload, MethodInput } from '../../common/api/contract.ts';
import type { CustomerInput } from '../../common/registry/model.ts';
import type { ApiClient } from '../api/client.ts';

/** The registry's API methods as the registry store calls them. */
export function createRegistryService(api: ApiClient) {
  return {
    /** The list without its servers and the contacts' personal fields, both counted: the first paint. */
    listCustomers: () => api.call('registry.listCustomers', { contacts: false, servers: false }),
    /** Every customer's servers: what the search by host and the palette need, asked for after the list is shown. */
    listCustomerServers: () => api.call('registry.listCustomerServers', {}),
    /** Every customer's contacts, opened: what the search needs, asked for after the list is shown. */
    listCustomerContacts: () => api.call('registry.listCustomerContacts', {}),
    getCustomer: (id: string) => api.call('registry.getCustomer', { id }),
    createCustomer: (customer: CustomerInput) => api.call('registry.createCustomer', customer),
    updateCustomer: (id: string, rowVersion: number, customer: CustomerInput) =>
      api.call('registry.updateCustomer', { id, rowVersion, customer }),
    deleteCustomer: (id: string) => api.call('registry.deleteCustomer', { id }),
    saveContact: (input: MethodInput<'registry.saveContact'>) => api.call('registry.saveContact', input),
    deleteContact: (id: string) => api.call('registry.deleteContact', { id }),
    saveEnvironment: (input: MethodInput<'registry.saveEnvironment'>) =>
      api.call('registry.saveEnvironment', input),
    deleteEnvironment: (id: string) => api.call('registry.deleteEnvironment', { id }),
    saveServer: (input: MethodInput<'registry.saveServer'>) => api.call('registry.saveServer', input),
    deleteServer: (id: string) => api.call('registry.deleteServer', { id }),
    saveSupportAccount: (input: MethodInput<'registry.saveSupportAccount'>) =>
      api.call('registry.saveSupportAccount', input),
    deleteSupportAccount: (id: string) => api.call('registry.deleteSupportAccount', { id }),
    saveCertificate: (input: MethodInput<'certificates.save'>) => api.call('certificates.save', input),
    deleteCertificate: (id: string) => api.call('certificates.delete', { id }),
    saveNotice: (input: MethodInput<'notices.save'>) => api.call('notices.save', input),
    deleteNotice: (id: string) => api.call('notices.delete', { id }),
    revealSecret: (accountId: string, purpose: string) =>
      api.call('registry.revealSecret', { accountId, purpose }),
    /** The stored TOTP seed itself; written to the audit log before it leaves main. */
    revealTotpSeed: (accountId: string, purpose: string) =>
      api.call('registry.revealTotpSeed', { accountId, purpose }),
    /** The environment's VPN TOTP seed; written to the audit log before it leaves main. */
    revealVpnTotpSeed: (environmentId: string, purpose: string) =>
      api.call('registry.revealVpnTotpSeed', { environmentId, purpose }),
    oneTimeCode: (input: MethodInput<'registry.oneTimeCode'>) => api.call('registry.oneTimeCode', input),
    onChanged: (listener: (change: EventPayload<'registry.changed'>) => void) =>
      api.subscribe('registry.changed', listener),
  };
}

export type RegistryService = ReturnType<typeof createRegistryService>;
