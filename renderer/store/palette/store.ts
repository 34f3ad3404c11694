import { createStore } from 'zustand/vanilla';
import { createPaletteActions, type PaletteDeps, type PaletteStore } from './action.ts';
import { initialPaletteState } from './initialState.ts';

/** The command palette (Ctrl+K): its query, and each member's recent connections and favourites. */
export function createPaletteStore(deps: PaletteDeps) {
  return createStore<PaletteStore>()((...args) => ({
    ...initialPaletteState,
    ...createPaletteActions(deps)(...args),
  }));
}

export type PaletteStoreApi = ReturnType<typeof createPaletteStore>;
