import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppStore } from './app/action.ts';
import type { AuditStore } from './audit/action.ts';
import type { BillingStore } from './billing/store.ts';
import type { ContractsStore } from './contracts/action.ts';
import type { RegistryStore } from './registry/store.ts';
import type { ReportsStore } from './reports/action.ts';
import type { RetentionStore } from './retention/action.ts';
import type { ReviewStore } from './review/action.ts';
import type { PaletteStore } from './palette/action.ts';
import type { SessionsStore } from './sessions/action.ts';
import type { TeamStore } from './team/action.ts';
import type { TerminalChannel } from '../services/terminalChannel.ts';
import type { TicketsStore } from './tickets/action.ts';
import type { TimeStore } from './time/store.ts';
import type { Stores } from './stores.ts';

const StoresContext = createContext<Stores | null>(null);

export function StoreProvider({ stores, children }: { stores: Stores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (stores === null) throw new Error('useStores must be used inside <StoreProvider>');
  return stores;
}

export function useAppStore<T>(selector: (state: AppStore) => T): T {
  return useStore(useStores().app, selector);
}

export function useRegistryStore<T>(selector: (state: RegistryStore) => T): T {
  return useStore(useStores().registry, selector);
}

export function useContractsStore<T>(selector: (state: ContractsStore) => T): T {
  return useStore(useStores().contracts, selector);
}

export function useReviewStore<T>(selector: (state: ReviewStore) => T): T {
  return useStore(useStores().review, selector);
}

export function useTicketsStore<T>(selector: (state: TicketsStore) => T): T {
  return useStore(useStores().tickets, selector);
}

export function useAuditStore<T>(selector: (state: AuditStore) => T): T {
  return useStore(useStores().audit, selector);
}

export function useSessionsStore<T>(selector: (state: SessionsStore) => T): T {
  return useStore(useStores().sessions, selector);
}

export function useTimeStore<T>(selector: (state: TimeStore) => T): T {
  return useStore(useStores().time, selector);
}

export function useBillingStore<T>(selector: (state: BillingStore) => T): T {
  return useStore(useStores().billing, selector);
}

export function useReportsStore<T>(selector: (state: ReportsStore) => T): T {
  return useStore(useStores().reports, selector);
}

export function useRetentionStore<T>(selector: (state: RetentionStore) => T): T {
  return useStore(useStores().retention, selector);
}

export function useTeamStore<T>(selector: (state: TeamStore) => T): T {
  return useStore(useStores().team, selector);
}

export function usePaletteStore<T>(selector: (state: PaletteStore) => T): T {
  return useStore(useStores().palette, selector);
}

/** Not a store: terminal widgets read and write bytes here, so output never becomes React or zustand state. */
export function useTerminalChannel(): TerminalChannel {
  return useStores().terminal;
}
