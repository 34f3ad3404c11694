import type { CustomerListState } from '../../store/registry/slices/customerList/initialState.ts';

/**
 * What the palette says it cannot find yet: the customers (and with them their servers) or only the servers, still
 * on the way or failed. The list comes first and the servers after it (`registry.listCustomerServers`), so for a
 * moment after unlock "wap växjö" finds the customer but not its server.
 */
export type PaletteNote = 'customersLoading' | 'customersFailed' | 'serversLoading' | 'serversFailed';

export interface PaletteAsked {
  query: string;
  /** Keys of the recent and pinned entries: with nothing typed, a server among them is missing too. */
  recent: readonly string[];
  favourites: readonly string[];
  /** Whether the palette offers servers at all (a role without sessions is never offered them). */
  offersServers: boolean;
}

/**
 * The note the palette shows under its box, or none: only while something is asked that the missing part could
 * answer (a query, or a recent or pinned server with nothing typed), as the customer search says it only while
 * searching.
 */
export function paletteNote(
  registry: Pick<CustomerListState, 'listStatus' | 'serversStatus'>,
  { query, recent, favourites, offersServers }: PaletteAsked,
): PaletteNote | null {
  const typed = query.trim() !== '';
  const kept = [...recent, ...favourites];
  const keeps = (kind: string) => kept.some((key) => key.startsWith(`${kind}:`));
  if (registry.listStatus !== 'ready') {
    if (!typed && !keeps('customer') && !keeps('server')) return null;
    return registry.listStatus === 'error' ? 'customersFailed' : 'customersLoading';
  }
  if (!offersServers || registry.serversStatus === 'ready') return null;
  if (!typed && !keeps('server')) return null;
  return registry.serversStatus === 'error' ? 'serversFailed' : 'serversLoading';
}
