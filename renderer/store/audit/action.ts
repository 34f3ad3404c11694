import type { StateCreator } from 'zustand/vanilla';
import type { AuditEventCode } from '../../../common/audit/auditEvents.ts';
import type { AuditService } from '../../services/auditService.ts';
import { errorMessage } from '../errorMessage.ts';
import { initialAuditState, type AuditState } from './initialState.ts';

export interface AuditActions {
  load(): Promise<void>;
  setEvent(event: AuditEventCode | 'all'): void;
  verify(): Promise<void>;
  reset(): void;
}

export type AuditStore = AuditState & AuditActions;

const PAGE = 500;

export const createAuditActions =
  (service: AuditService): StateCreator<AuditStore, [], [], AuditActions> =>
  (set, get) => {
    let latest = 0;
    return {
      async load() {
        const request = ++latest;
        set({ status: get().status === 'ready' ? 'ready' : 'loading' });
        try {
          const event = get().event;
          const events = await service.list({ limit: PAGE, ...(event === 'all' ? {} : { event }) });
          if (request === latest) set({ events, status: 'ready', error: null });
        } catch (error) {
          if (request === latest) set({ status: 'error', error: errorMessage(error) });
        }
      },
      setEvent(event) {
        set({ event });
        void get().load();
      },
      async verify() {
        try {
          set({ verdict: await service.verify(), error: null });
        } catch (error) {
          set({ error: errorMessage(error) });
        }
      },
      reset() {
        latest++;
        set({ ...initialAuditState });
      },
    };
  };
