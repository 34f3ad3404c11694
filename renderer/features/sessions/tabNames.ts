import type { TFunction } from 'i18next';
import type { CustomerSummary } from '../../../common/registry/model.ts';
import type { ServerRole } from '../../../common/registry/vocabulary.ts';
import type { SessionView } from '../../../common/sessions/model.ts';

/** Which server is which role, from the registry summaries already in the store (no call per tab). */
export function serverRoles(customers: readonly CustomerSummary[]): Map<string, ServerRole> {
  return new Map(customers.flatMap((c) => c.servers.map((s) => [s.id, s.role] as const)));
}

export interface TabNameWords {
  role(role: ServerRole): string;
  local: string;
  name(customer: string, target: string): string;
  numbered(name: string, n: number): string;
}

/**
 * What each tab is called: the customer and what the server is (`Växjö kommun · WAP`), or a local terminal; a
 * second tab with the same name gets a number. A server no longer in the registry keeps its `user@host` title.
 */
export function tabNames(
  sessions: readonly Pick<SessionView, 'id' | 'kind' | 'serverId' | 'customerName' | 'title'>[],
  roles: ReadonlyMap<string, ServerRole>,
  words: TabNameWords,
): Map<string, string> {
  const seen = new Map<string, number>();
  const names = new Map<string, string>();
  for (const session of sessions) {
    const role = session.serverId === null ? undefined : roles.get(session.serverId);
    const target = session.kind === 'local' ? words.local : role ? words.role(role) : session.title;
    const name = words.name(session.customerName, target);
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    names.set(session.id, n === 1 ? name : words.numbered(name, n));
  }
  return names;
}

/** `tabNames` with the catalogue's words. */
export function catalogueWords(t: TFunction<'sessions'>): TabNameWords {
  return {
    role: (role) => t(`roles.${role}`),
    local: t('tabs.local'),
    name: (customer, target) => t('tabs.name', { customer, target }),
    numbered: (name, n) => t('tabs.numbered', { name, n }),
  };
}
