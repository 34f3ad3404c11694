import type { TFunction } from 'i18next';
import type { CustomerSummary } from '../../../common/registry/model.ts';
import type { ServerRole } from '../../../common/registry/vocabulary.ts';
import type { SessionView } from '../../../common/sessions/model.ts';
import { nameRuns, type NameRuns } from '../../components/nameRuns.ts';

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
 * second tab with the same name gets a number, beside the server (`Växjö kommun · WAP (2)`), so it stays in view too.
 * A server no longer in the registry keeps its `user@host` title.
 */
export function tabNames(
  sessions: readonly Pick<SessionView, 'id' | 'kind' | 'serverId' | 'customerName' | 'title'>[],
  roles: ReadonlyMap<string, ServerRole>,
  words: TabNameWords,
): Map<string, NameRuns> {
  const seen = new Map<string, number>();
  const names = new Map<string, NameRuns>();
  for (const session of sessions) {
    const role = session.serverId === null ? undefined : roles.get(session.serverId);
    const named = { ...session, serverRole: role ?? null };
    const name = sessionName(named, words);
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    const target = sessionNameTarget(named, words);
    const numbered = n === 1 ? target : words.numbered(target, n);
    // In runs: the customer gives way in a narrow tab row; what the server is, and the number, stay.
    names.set(
      session.id,
      nameRuns(session.customerName, (customer) => words.name(customer, numbered)),
    );
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
  const target = sessionNameTarget(session, words);
  return session.customerName === null ? target : words.name(session.customerName, target);
}

/** What a session's name says it reached beside its customer: the server's role, a local terminal, or its title. */
function sessionNameTarget(
  session: { kind: string | null; serverRole: ServerRole | null; title: string; customerName: string | null },
  words: TabNameWords,
): string {
  // Main titles a local terminal `Local: <shell>` in English (the CLI's and the recording's); the shell's name is
  // data, the rest is worded here.
  if (session.customerName === null) return sessionTarget(session, words);
  if (session.kind === 'local') return words.local;
  return session.serverRole ? words.role(session.serverRole) : session.title;
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
