import { z } from 'zod';
import type { StateCreator } from 'zustand/vanilla';
import type { CustomerDetail } from '../../../common/registry/model.ts';
import type { ToolIndexEntry } from '../../../common/sessions/tools.ts';
import { errorMessage } from '../errorMessage.ts';
import { initialPaletteState, RECENT_LIMIT, type PaletteState } from './initialState.ts';

/** The part of `localStorage` the palette uses, so a test can hand it a store of its own. */
export type PaletteStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface PaletteDeps {
  getCustomer(id: string): Promise<CustomerDetail>;
  /** Every customer's tools that launch without a server; left out, the palette offers no tools. */
  toolIndex?(): Promise<ToolIndexEntry[]>;
  storage: PaletteStorage | null;
}

export interface PaletteActions {
  show(): void;
  hide(): void;
  setQuery(query: string): void;
  /** Moves the highlight within `count` results, stopping at either end. */
  moveHighlight(delta: number, count: number): void;
  /** Reads the member's recents and favourites (null: nobody signed in; they are forgotten). */
  setMember(memberId: string | null): void;
  togglePin(key: string): void;
  /** Puts a server first among the recent connections. */
  rememberConnection(serverId: string): void;
  /** Reads the server's customer and opens the connect dialog for it; the palette closes. */
  connectTo(customerId: string, serverId: string): Promise<void>;
  /** Reads the tools that launch without a server (for a member who may open sessions). */
  loadTools(): Promise<void>;
  /** Reads the tool's customer and opens the launch dialog for its environment; the palette closes. */
  launchTool(entry: Pick<ToolIndexEntry, 'customerId' | 'environmentId' | 'tool'>): Promise<void>;
  closeConnect(): void;
  reset(): void;
}

export type PaletteStore = PaletteState & PaletteActions;

const savedSchema = z.object({
  recent: z.array(z.string()).catch([]),
  favourites: z.array(z.string()).catch([]),
});

const storageKey = (memberId: string) => `lotsen.palette.${memberId}`;

export const createPaletteActions =
  ({ getCustomer, toolIndex, storage }: PaletteDeps): StateCreator<PaletteStore, [], [], PaletteActions> =>
  (set, get) => {
    const save = () => {
      const { memberId, recent, favourites } = get();
      if (memberId === null) return;
      try {
        storage?.setItem(storageKey(memberId), JSON.stringify({ recent, favourites }));
      } catch {
        // A full or refused storage costs the list its memory, not the palette its use.
      }
    };
    return {
      show() {
        set({ open: true, query: '', highlight: 0, error: null });
      },
      hide() {
        set({ open: false });
      },
      setQuery(query) {
        set({ query, highlight: 0 });
      },
      moveHighlight(delta, count) {
        set({ highlight: Math.max(0, Math.min(count - 1, get().highlight + delta)) });
      },
      setMember(memberId) {
        if (memberId === get().memberId) return;
        let saved = { recent: [] as string[], favourites: [] as string[] };
        if (memberId !== null) {
          try {
            const parsed = savedSchema.safeParse(JSON.parse(storage?.getItem(storageKey(memberId)) ?? '{}'));
            if (parsed.success) saved = parsed.data;
          } catch {
            // Unreadable: start afresh rather than fail the palette.
          }
        }
        set({ memberId, ...saved });
      },
      togglePin(key) {
        const favourites = get().favourites;
        set({
          favourites: favourites.includes(key) ? favourites.filter((k) => k !== key) : [...favourites, key],
        });
        save();
      },
      rememberConnection(serverId) {
        const key = `server:${serverId}`;
        set({ recent: [key, ...get().recent.filter((k) => k !== key)].slice(0, RECENT_LIMIT) });
        save();
      },
      async connectTo(customerId, serverId) {
        set({ error: null });
        try {
          const customer = await getCustomer(customerId);
          for (const environment of customer.environments) {
            const server = environment.servers.find((s) => s.id === serverId);
            if (server) {
              set({ open: false, connect: { customer, environment, server } });
              return;
            }
          }
          set({ error: { gone: 'server' } });
        } catch (error) {
          set({ error: { message: errorMessage(error) } });
        }
      },
      async loadTools() {
        try {
          set({ tools: (await toolIndex?.()) ?? [] });
        } catch {
          // Without the tools the palette still finds customers, servers and tickets.
          set({ tools: [] });
        }
      },
      async launchTool({ customerId, environmentId, tool }) {
        set({ error: null });
        try {
          const customer = await getCustomer(customerId);
          const environment = customer.environments.find((e) => e.id === environmentId);
          if (environment?.access.toolTemplates.some((t) => t.tool === tool)) {
            set({ open: false, connect: { customer, environment, server: null, tool } });
            return;
          }
          set({ error: { gone: 'tool' } });
        } catch (error) {
          set({ error: { message: errorMessage(error) } });
        }
      },
      closeConnect() {
        set({ connect: null });
      },
      reset() {
        set(initialPaletteState);
      },
    };
  };
