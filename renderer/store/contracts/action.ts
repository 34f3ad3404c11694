import type { StateCreator } from 'zustand/vanilla';
import type { MethodInput } from '../../../common/api/contract.ts';
import type { ContractsService } from '../../services/contractsService.ts';
import { errorMessage } from '../errorMessage.ts';
import { initialContractsState, type ContractsState } from './initialState.ts';

export interface ContractsActions {
  open(customerId: string): Promise<void>;
  refresh(): Promise<void>;
  saveAgreement(input: MethodInput<'agreements.save'>): Promise<void>;
  deleteAgreement(id: string): Promise<void>;
  saveDpa(input: MethodInput<'dpas.save'>): Promise<void>;
  deleteDpa(id: string): Promise<void>;
  close(): void;
  start(): () => void;
}

export type ContractsStore = ContractsState & ContractsActions;

export const createContractsActions =
  (service: ContractsService): StateCreator<ContractsStore, [], [], ContractsActions> =>
  (set, get) => {
    let latest = 0;
    return {
      async open(customerId) {
        if (get().customerId !== customerId) set({ ...initialContractsState, customerId });
        await get().refresh();
      },
      async refresh() {
        const customerId = get().customerId;
        if (customerId === null) return;
        const request = ++latest;
        try {
          const [{ agreements, dpas }, verdict] = await Promise.all([
            service.list(customerId),
            service.check(customerId),
          ]);
          if (request === latest && get().customerId === customerId)
            set({ agreements, dpas, verdict, error: null });
        } catch (error) {
          if (request === latest) set({ error: errorMessage(error) });
        }
      },
      async saveAgreement(input) {
        await service.saveAgreement(input);
        await get().refresh();
      },
      async deleteAgreement(id) {
        await service.deleteAgreement(id);
        await get().refresh();
      },
      async saveDpa(input) {
        await service.saveDpa(input);
        await get().refresh();
      },
      async deleteDpa(id) {
        await service.deleteDpa(id);
        await get().refresh();
      },
      close() {
        latest++;
        set({ ...initialContractsState });
      },
      start() {
        return service.onChanged(({ customerId }) => {
          const open = get().customerId;
          if (open !== null && (customerId === null || customerId === open)) void get().refresh();
        });
      },
    };
  };
