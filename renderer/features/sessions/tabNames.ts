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
  localShell(shell: string): string;
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
    const name = sessionName({ ...session, serverRole: role ?? null }, words);
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    names.set(session.id, n === 1 ? name : words.numbered(name, n));
  }
  return names;
}

/**
 * One session's name as its tab shows it, without a tab's number: for sessions named after the fact (a ticket's
 * timeline, the recordings), whose server's role main read with them. No customer: the session's own title.
 */
export function sessionName(
  session: { kind: string | null; serverRole: ServerRole | null; title: string; customerName: string | null },
  words: TabNameWords,
): string {
  // Main titles a local terminal `Local: <shell>` in English (the CLI's and the recording's); the shell's name is
  // data, the rest is worded here.
  if (session.customerName === null) return sessionTarget(session, words);
  const target =
    session.kind === 'local'
      ? words.local
      : session.serverRole
        ? words.role(session.serverRole)
        : session.title;
  return words.name(session.customerName, target);
}

/**
 * What a session reached, under or beside its name (a tab's tooltip, the recordings' list): `user@host:port` as main
 * titled it (data), a local terminal's shell in the catalogue's words rather than main's English `Local: <shell>`.
 */
export function sessionTarget(session: { kind: string | null; title: string }, words: TabNameWords): string {
  const shell = session.kind === 'local' ? /^Local: (.+)$/.exec(session.title)?.[1] : undefined;
  return shell === undefined ? session.title : words.localShell(shell);
}

/** `tabNames` with the catalogue's words. */
export function catalogueWords(t: TFunction<'sessions'>): TabNameWords {
  return {
    role: (role) => t(`roles.${role}`),
    local: t('tabs.local'),
    localShell: (shell) => t('tabs.localShell', { shell }),
    name: (customer, target) => t('tabs.name', { customer, target }),
    numbered: (name, n) => t('tabs.numbered', { name, n }),
  };
}
