import type { CustomerSummary } from '../../../common/registry/model.ts';
import type { ToolIndexEntry } from '../../../common/sessions/tools.ts';
import { foldForSearch } from '../../../common/registry/search.ts';
import type { ServerRole } from '../../../common/registry/vocabulary.ts';
import type { TicketView } from '../../../common/tickets/model.ts';

/** What the palette can reach. `key` is stable across reloads, so recents and favourites can name it. */
export type PaletteItem =
  | {
      kind: 'server';
      key: string;
      serverId: string;
      customerId: string;
      customerName: string;
      environmentId: string;
      environmentName: string;
      host: string;
      role: ServerRole;
    }
  | ({ kind: 'tool'; key: string } & ToolIndexEntry)
  | { kind: 'customer'; key: string; customerId: string; name: string; orgNumber: string }
  | {
      kind: 'ticket';
      key: string;
      ticketId: string;
      reference: string;
      subject: string;
      customerName: string;
    }
  | { kind: 'page'; key: string; path: string; label: string }
  | { kind: 'action'; key: string; action: PaletteAction; label: string };

export type PaletteAction = 'lock' | 'shortcuts';

interface Indexed {
  item: PaletteItem;
  /** Folded texts a query word may be found in; the first ones weigh more (the item's own name). */
  fields: string[];
  /** Folded whole words of the fields, for exact and prefix hits. */
  tokens: string[];
  /** The fields in one string: most entries fail on one `includes` and are never scored. */
  haystack: string;
}

/**
 * Lower sorts first among equal scores: a customer's name alone finds the customer before its servers; a role word
 * beside it ("wap växjö") scores the server higher anyway.
 */
const kindOrder: Record<PaletteItem['kind'], number> = {
  customer: 0,
  server: 1,
  tool: 2,
  ticket: 3,
  page: 4,
  action: 5,
};

const tokensOf = (fields: string[]) =>
  [...new Set(fields.flatMap((f) => f.split(/[^\p{L}\p{N}]+/u)))].filter(Boolean);

function indexed(item: PaletteItem, texts: string[]): Indexed {
  const fields = texts.map(foldForSearch);
  return { item, fields, tokens: tokensOf(fields), haystack: fields.join('\n') };
}

export interface PaletteSources {
  customers: readonly CustomerSummary[];
  tickets: readonly TicketView[];
  /** The environments' tools that launch without a server ("teamviewer lund" finds Lund's TeamViewer). */
  tools?: readonly ToolIndexEntry[];
  /** Pages and actions, already in the person's language. */
  commands: readonly (Extract<PaletteItem, { kind: 'page' | 'action' }> & { words?: string[] })[];
  /** A server role's words as the person reads them (`WAP (Web Application Proxy)`), searched beside the code. */
  roleLabel(role: ServerRole): string;
}

/**
 * Everything the palette searches, folded once. Built again only when the registry, the tickets or the language
 * change (memoised by the caller), never per keystroke: 1,000 customers are some 4,000 entries.
 */
export function buildPaletteIndex({
  customers,
  tickets,
  tools = [],
  commands,
  roleLabel,
}: PaletteSources): Indexed[] {
  const entries: Indexed[] = [];
  for (const customer of customers) {
    entries.push(
      indexed(
        {
          kind: 'customer',
          key: `customer:${customer.id}`,
          customerId: customer.id,
          name: customer.name,
          orgNumber: customer.orgNumber,
        },
        [customer.name, customer.orgNumber],
      ),
    );
    for (const server of customer.servers) {
      entries.push(
        indexed(
          {
            kind: 'server',
            key: `server:${server.id}`,
            serverId: server.id,
            customerId: customer.id,
            customerName: customer.name,
            environmentId: server.environmentId,
            environmentName: server.environmentName,
            host: server.host,
            role: server.role,
          },
          [server.role, server.host, customer.name, server.environmentName, roleLabel(server.role)],
        ),
      );
    }
  }
  for (const tool of tools) {
    entries.push(
      indexed({ kind: 'tool', key: `tool:${tool.environmentId}:${tool.tool}`, ...tool }, [
        tool.tool,
        tool.customerName,
        tool.environmentName,
      ]),
    );
  }
  for (const ticket of tickets) {
    entries.push(
      indexed(
        {
          kind: 'ticket',
          key: `ticket:${ticket.id}`,
          ticketId: ticket.id,
          reference: ticket.externalRef,
          subject: ticket.subject,
          customerName: ticket.customerName,
        },
        [ticket.externalRef, ticket.subject, ticket.customerName],
      ),
    );
  }
  for (const { words = [], ...command } of commands)
    entries.push(indexed(command, [command.label, ...words]));
  return entries;
}

/** How well one folded query word fits an entry: a whole word beats a word's start beats anywhere; 0 is no match. */
function wordScore(entry: Indexed, word: string): number {
  let best = 0;
  for (const token of entry.tokens) {
    if (token === word) return 4;
    if (token.startsWith(word)) best = 3;
  }
  if (best > 0) return best;
  return entry.fields.some((field) => field.includes(word)) ? 1 : 0;
}

export interface PaletteChoices {
  /** Keys of recently connected servers, the most recent first. */
  recent: readonly string[];
  favourites: readonly string[];
}

export interface PaletteResult {
  item: PaletteItem;
  favourite: boolean;
  recent: boolean;
}

/**
 * The entries in which every word of the query is found (in any order, accents and case ignored), best first:
 * favourites, then recent connections, then by how well the words fit. An empty query offers the favourites, the
 * recent connections and the pages.
 */
export function searchPalette(
  index: readonly Indexed[],
  query: string,
  { recent, favourites }: PaletteChoices,
  limit = 50,
): PaletteResult[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  const favouriteSet = new Set(favourites);
  const recentRank = new Map(recent.map((key, i) => [key, i]));
  const scored: { result: PaletteResult; score: number }[] = [];
  for (const entry of index) {
    const { key, kind } = entry.item;
    const favourite = favouriteSet.has(key);
    const isRecent = recentRank.has(key);
    let score = 0;
    if (words.length === 0) {
      if (!favourite && !isRecent && kind !== 'page' && kind !== 'action') continue;
    } else {
      if (!words.every((word) => entry.haystack.includes(word))) continue;
      for (const word of words) {
        const fit = wordScore(entry, word);
        if (fit === 0) {
          score = -1;
          break;
        }
        score += fit;
      }
      if (score < 0) continue;
    }
    scored.push({ result: { item: entry.item, favourite, recent: isRecent }, score });
  }
  const tier = (r: PaletteResult) => (r.favourite ? 0 : r.recent ? 1 : 2);
  scored.sort(
    (a, b) =>
      tier(a.result) - tier(b.result) ||
      b.score - a.score ||
      (recentRank.get(a.result.item.key) ?? 0) - (recentRank.get(b.result.item.key) ?? 0) ||
      kindOrder[a.result.item.kind] - kindOrder[b.result.item.kind],
  );
  return scored.slice(0, limit).map((s) => s.result);
}
