import { createStore } from 'zustand/vanilla';
import type { ReportsService } from '../../services/reportsService.ts';
import { createReportsActions, type ReportsStore } from './action.ts';
import { initialReportsState } from './initialState.ts';

/** The access report of the open customer: sessions on its servers and exports concerning it, a month at a time. */
export function createReportsStore(service: ReportsService, now?: () => number) {
  return createStore<ReportsStore>()((...args) => ({
    ...initialReportsState,
    ...createReportsActions(service, now)(...args),
  }));
}

export type ReportsStoreApi = ReturnType<typeof createReportsStore>;
