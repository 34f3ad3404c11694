import type { StateCreator } from 'zustand/vanilla';
import type { AuditService } from '../../services/auditService.ts';
import { errorMessage } from '../errorMessage.ts';
import { auditFilterProblem, auditListInput, noAuditFilter, type AuditFilter } from './auditFilter.ts';
import { initialAuditState, type AuditState } from './initialState.ts';

export interface AuditActions {
  /** The newest page for the filters, and who can be filtered by. */
  load(): Promise<void>;
  /** Changes some filters and loads again from the newest event. */
  setFilter(change: Partial<AuditFilter>): void;
  clearFilter(): void;
  /** The next page of older events that match, after those shown. */
  loadOlder(): Promise<void>;
  verify(): Promise<void>;
  reset(): void;
}

export type AuditStore = AuditState & AuditActions;

export const PAGE = 100;

export const createAuditActions =
  (service: AuditService): StateCreator<AuditStore, [], [], AuditActions> =>
  (set, get) => {
    /**
     * Bumped by every new first page (and by reset), so an answer for filters since changed is dropped: a first
     * page's, and an older page's, which belongs to the list it was asked after and to no other.
     */
    let latest = 0;
    return {
      async load() {
        const request = ++latest;
        const { filter } = get();
        const filterProblem = auditFilterProblem(filter);
        // Paging starts again with the new list: an older page still on its way belongs to the old one (its answer
        // is dropped below), and no older page can be asked for until this list is in.
        set({ filterProblem, hasOlder: false, loadingOlder: false });
        if (filterProblem !== null) return;
        set({ status: get().status === 'ready' ? 'ready' : 'loading' });
        try {
          const [events, actors] = await Promise.all([
            service.list(auditListInput(filter, { limit: PAGE })),
            service.actors(),
          ]);
          if (request !== latest) return;
          set({ events, actors, hasOlder: events.length === PAGE, status: 'ready', error: null });
        } catch (error) {
          if (request === latest) set({ status: 'error', error: errorMessage(error) });
        }
      },
      setFilter(change) {
        set({ filter: { ...get().filter, ...change } });
        void get().load();
      },
      clearFilter() {
        set({ filter: noAuditFilter });
        void get().load();
      },
      async loadOlder() {
        const { events, filter, hasOlder, loadingOlder } = get();
        const oldest = events.at(-1);
        // hasOlder is false from a filter change until the new list is in: the shown list's last seq is no start
        // for the new filters.
        if (!hasOlder || loadingOlder || !oldest) return;
        const request = latest;
        set({ loadingOlder: true });
        try {
          const older = await service.list(auditListInput(filter, { limit: PAGE, beforeSeq: oldest.seq }));
          if (request !== latest) return;
          set({ events: [...get().events, ...older], hasOlder: older.length === PAGE, error: null });
        } catch (error) {
          if (request === latest) set({ error: errorMessage(error) });
        } finally {
          // A newer list has already settled paging for itself (load() clears loadingOlder).
          if (request === latest) set({ loadingOlder: false });
        }
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
