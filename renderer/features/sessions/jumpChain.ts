import type { EnvironmentView } from '../../../common/registry/model.ts';
import { t } from '../../i18n/i18n.ts';
import {
  jumpRouteProblems,
  MAX_JUMP_HOSTS,
  type SessionOpenInput,
  type SshAuthChoice,
} from '../../../common/sessions/model.ts';

/** One hop of the route to a server: a registered server, the account to sign in with there, and how. */
export interface Hop {
  serverId: string;
  accountId: string;
  auth: SshAuthChoice;
}

/** A jump host as the dialog holds it; `key` keeps its row (and focus) while hops come and go around it. */
export interface JumpHop extends Hop {
  key: string;
}

/** Something that keeps a hop from being tried, and which of its fields it is about. */
export interface HopProblem {
  field: 'server' | 'account';
  message: string;
}

/** The ways to sign in that use the account's stored secret. */
const USES_STORED_SECRET: readonly SshAuthChoice[] = ['auto', 'password', 'privateKey'];

/**
 * Why no further hop can be added, or null when one can: the most `sessions.open` takes, or no server left over. In the
 * chosen language: called while rendering.
 */
export function noMoreHops(
  hops: readonly JumpHop[],
  environment: EnvironmentView,
  targetServerId: string,
): string | null {
  if (hops.length >= MAX_JUMP_HOSTS) return t('connect:jump.atMost', { max: MAX_JUMP_HOSTS });
  if (spareServers(hops, environment, targetServerId).length > 0) return null;
  return hops.length === 0 ? t('connect:jump.noOther') : t('connect:jump.allOnRoute');
}

/** A new last hop (the one nearest the target) on a server not yet on the route, with the environment's first account. */
export function addHop(
  hops: readonly JumpHop[],
  environment: EnvironmentView,
  targetServerId: string,
  key: string,
): JumpHop[] {
  if (noMoreHops(hops, environment, targetServerId) !== null) return [...hops];
  const server = spareServers(hops, environment, targetServerId)[0]!;
  return [
    ...hops,
    {
      key,
      serverId: server.id,
      accountId: environment.supportAccounts[0]?.id ?? '',
      auth: 'auto',
    },
  ];
}

export function updateHop(hops: readonly JumpHop[], key: string, change: Partial<Hop>): JumpHop[] {
  return hops.map((hop) => (hop.key === key ? { ...hop, ...change } : hop));
}

export function removeHop(hops: readonly JumpHop[], key: string): JumpHop[] {
  return hops.filter((hop) => hop.key !== key);
}

/** What is wrong with one hop, in a sentence each (the chosen language's); empty when it can be tried. */
export function hopProblems(hop: Hop, environment: EnvironmentView): HopProblem[] {
  const problems: HopProblem[] = [];
  if (!environment.servers.some((s) => s.id === hop.serverId)) {
    problems.push({ field: 'server', message: t('connect:jump.chooseServer') });
  }
  const account = environment.supportAccounts.find((a) => a.id === hop.accountId);
  if (!account) problems.push({ field: 'account', message: t('connect:jump.chooseAccount') });
  else if (!account.hasSecret && USES_STORED_SECRET.includes(hop.auth)) {
    problems.push({
      field: 'account',
      message: t('connect:jump.noSecret', { username: account.username }),
    });
  }
  return problems;
}

/** Every jump host's problems, by key: its own, and where it stands on the route (the target, or twice). */
export function chainProblems(
  hops: readonly JumpHop[],
  environment: EnvironmentView,
  targetServerId: string,
): Map<string, HopProblem[]> {
  const problems = new Map<string, HopProblem[]>();
  const onRoute = jumpRouteProblems(targetServerId, hops);
  hops.forEach((hop, index) => {
    const found = hopProblems(hop, environment);
    for (const problem of onRoute.filter((p) => p.index === index)) {
      found.push({
        field: 'server',
        message:
          problem.code === 'isTarget'
            ? t('connect:jump.isTarget')
            : t('connect:jump.alreadyOnRoute', { position: problem.earlier }),
      });
    }
    if (found.length > 0) problems.set(hop.key, found);
  });
  return problems;
}

/** The route as `sessions.open` takes it: nearest first, without the dialog's keys. */
export function jumpInput(hops: readonly JumpHop[]): NonNullable<SessionOpenInput['jump']> {
  return hops.map(({ serverId, accountId, auth }) => ({ serverId, accountId, auth }));
}

function spareServers(hops: readonly JumpHop[], environment: EnvironmentView, targetServerId: string) {
  return environment.servers.filter(
    (s) => s.id !== targetServerId && !hops.some((hop) => hop.serverId === s.id),
  );
}
