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
