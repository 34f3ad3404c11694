import type { StateCreator } from 'zustand/vanilla';
import type { MethodInput } from '../../../../../common/api/contract.ts';
import type { CustomerDetail, CustomerInput } from '../../../../../common/registry/model.ts';
import type { OneTimeCode } from '../../../../../common/registry/oneTimeCodes.ts';
import type { RegistryService } from '../../../../services/registryService.ts';
import { errorCode } from '../../../errorMessage.ts';
import type { RegistryStore } from '../../store.ts';
import type { FollowUp } from '../customerList/action.ts';

/** Writes throw the API's LotsenError so forms can put each field issue beside its field. */
export interface CustomerDetailActions {
  openCustomer(id: string): Promise<void>;
  closeCustomer(): void;
  refreshOpenCustomer(): Promise<void>;
  createCustomer(customer: CustomerInput): Promise<CustomerDetail>;
  /** `rowVersion`: the version the form opened; a stale one is refused with CONFLICT (common/api/staleSave.ts). */
  updateCustomer(id: string, rowVersion: number, customer: CustomerInput): Promise<void>;
  deleteCustomer(id: string): Promise<void>;
  saveContact(input: MethodInput<'registry.saveContact'>): Promise<void>;
  deleteContact(id: string): Promise<void>;
  saveEnvironment(input: MethodInput<'registry.saveEnvironment'>): Promise<void>;
  deleteEnvironment(id: string): Promise<void>;
  saveServer(input: MethodInput<'registry.saveServer'>): Promise<void>;
  deleteServer(id: string): Promise<void>;
  saveSupportAccount(input: MethodInput<'registry.saveSupportAccount'>): Promise<void>;
  deleteSupportAccount(id: string): Promise<void>;
  saveCertificate(input: MethodInput<'certificates.save'>): Promise<void>;
  deleteCertificate(id: string): Promise<void>;
  saveNotice(input: MethodInput<'notices.save'>): Promise<void>;
  deleteNotice(id: string): Promise<void>;
  /**
   * The one read that returns a secret; main writes it to the audit log first. The answer is handed to the caller and
   * never kept in the store.
   */
  revealSecret(accountId: string, purpose: string): Promise<string>;
  /** The account's TOTP seed, audited in main before it is sent; kept only by the dialog that shows it. */
  revealTotpSeed(accountId: string, purpose: string): Promise<string>;
  /** The environment's VPN TOTP seed, audited in main as the account's is; kept only by the dialog that shows it. */
  revealVpnTotpSeed(environmentId: string, purpose: string): Promise<string>;
  /** The account's current one-time code (audited in main); handed to the caller, never kept in the store. */
  oneTimeCode(input: MethodInput<'registry.oneTimeCode'>): Promise<OneTimeCode>;
}

export const createCustomerDetailActions = (
  service: RegistryService,
): StateCreator<RegistryStore, [], [], CustomerDetailActions> => {
  let latest = 0;
  return (set, get) => {
    /**
     * After a write the page and the list show what is stored now, before the form closes; of the list's follow-up
     * parts, only those the write `touched` are asked for again (as main's registry.changed names them).
     */
    async function afterWrite(touched: readonly FollowUp[]) {
      await Promise.all([get().refreshOpenCustomer(), get().loadCustomers(touched)]);
    }

    return {
      async openCustomer(id) {
        if (get().openCustomerId !== id) {
          set({ openCustomerId: id, detail: null, detailStatus: 'loading', detailError: null });
        }
        await get().refreshOpenCustomer();
      },

      closeCustomer() {
        latest++;
        set({ openCustomerId: null, detail: null, detailStatus: 'idle', detailError: null });
      },

      async refreshOpenCustomer() {
        const id = get().openCustomerId;
        if (id === null) return;
        const request = ++latest;
        try {
          const detail = await service.getCustomer(id);
          if (request === latest) set({ detail, detailStatus: 'ready', detailError: null });
        } catch (error) {
          if (request !== latest) return;
          if (errorCode(error) === 'NOT_FOUND')
            set({ detail: null, detailStatus: 'missing', detailError: null });
          else set({ detailStatus: get().detail ? 'ready' : 'error', detailError: error });
        }
      },

      async createCustomer(customer) {
        const detail = await service.createCustomer(customer);
        latest++;
        set({ openCustomerId: detail.id, detail, detailStatus: 'ready', detailError: null });
        await get().loadCustomers([]);
        return detail;
      },

      async updateCustomer(id, rowVersion, customer) {
        await service.updateCustomer(id, rowVersion, customer);
        await afterWrite([]);
      },

      async deleteCustomer(id) {
        await service.deleteCustomer(id);
        if (get().openCustomerId === id) get().closeCustomer();
        await get().loadCustomers([]);
      },

      async saveContact(input) {
        await service.saveContact(input);
        await afterWrite(['contacts']);
      },
      async deleteContact(id) {
        await service.deleteContact(id);
        await afterWrite(['contacts']);
      },
      async saveEnvironment(input) {
        await service.saveEnvironment(input);
        await afterWrite(['servers']);
      },
      async deleteEnvironment(id) {
        await service.deleteEnvironment(id);
        await afterWrite(['servers']);
      },
      async saveServer(input) {
        await service.saveServer(input);
        await afterWrite(['servers']);
      },
      async deleteServer(id) {
        await service.deleteServer(id);
        await afterWrite(['servers']);
      },
      async saveSupportAccount(input) {
        await service.saveSupportAccount(input);
        await afterWrite([]);
      },
      async revealSecret(accountId, purpose) {
        return (await service.revealSecret(accountId, purpose)).secret;
      },
      async revealTotpSeed(accountId, purpose) {
        return (await service.revealTotpSeed(accountId, purpose)).seed;
      },
      async revealVpnTotpSeed(environmentId, purpose) {
        return (await service.revealVpnTotpSeed(environmentId, purpose)).seed;
      },
      oneTimeCode: (input) => service.oneTimeCode(input),
      async deleteSupportAccount(id) {
        await service.deleteSupportAccount(id);
        await afterWrite([]);
      },
      async saveCertificate(input) {
        await service.saveCertificate(input);
        await afterWrite([]);
      },
      async deleteCertificate(id) {
        await service.deleteCertificate(id);
        await afterWrite([]);
      },
      async saveNotice(input) {
        await service.saveNotice(input);
        await afterWrite([]);
      },
      async deleteNotice(id) {
        await service.deleteNotice(id);
        await afterWrite([]);
      },
    };
  };
};
