import type { EnvironmentView, ServerView } from '../../../common/registry/model.ts';

/** The ways the server row offers to connect to a server. */
export type ConnectKind = 'ssh' | 'rdp';

/**
 * What a server supports, the environment's access method first: SSH always (a Windows server with OpenSSH too),
 * RDP for a Windows server (its operating system names Windows) or any server of an environment reached by RDP.
 */
export function connectKinds(
  environment: Pick<EnvironmentView, 'access'>,
  server: Pick<ServerView, 'os'>,
): ConnectKind[] {
  const byRdp = environment.access.method === 'rdp';
  if (!byRdp && !/windows/i.test(server.os)) return ['ssh'];
  return byRdp ? ['rdp', 'ssh'] : ['ssh', 'rdp'];
}

/** One of a server row's buttons: a way to connect, or one of the environment's external tools to launch. */
export type ConnectAction = { kind: ConnectKind } | { kind: 'tool'; tool: string };

/**
 * The server row's buttons: its connect kinds, and each external tool that has a launch template. The tools come
 * first in an environment reached by TeamViewer (the access method), after the connect kinds otherwise.
 */
export function connectActions(
  environment: Pick<EnvironmentView, 'access'>,
  server: Pick<ServerView, 'os'>,
): ConnectAction[] {
  const kinds = connectKinds(environment, server).map((kind): ConnectAction => ({ kind }));
  const tools = environment.access.toolTemplates.map(({ tool }): ConnectAction => ({ kind: 'tool', tool }));
  return environment.access.method === 'teamviewer' ? [...tools, ...kinds] : [...kinds, ...tools];
}

/**
 * What a dialog opened from a list (the ticket page, the palette) does: launch the tool when one is named, else the
 * server's first connect kind, else (no server) a local terminal.
 */
export function dialogKind(
  environment: Pick<EnvironmentView, 'access'>,
  server: Pick<ServerView, 'os'> | null,
  tool?: string,
): ConnectKind | 'tool' | undefined {
  if (tool !== undefined) return 'tool';
  return server ? connectKinds(environment, server)[0] : undefined;
}
