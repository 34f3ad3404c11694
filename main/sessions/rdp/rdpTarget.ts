import type { SessionOpenFields } from '../../../common/sessions/model.ts';
import type { FindHopTarget, HopTarget } from '../ssh/sshHops.ts';

/** The port Windows' Remote Desktop listens on. */
export const RDP_DEFAULT_PORT = 3389;
const SSH_PORT = 22;

/**
 * A server has one registered port, which the form fills with SSH's 22. An RDP session goes to that port when it is
 * something else (a Windows server registered with 3389, or a forwarded port), and to 3389 when it is 22: a Windows
 * server with OpenSSH for PowerShell on 22 takes RDP on 3389. Known limit: a server with SSH on another port than 22
 * and RDP beside it cannot be told apart from one with RDP on that port (a port of its own per access is future work).
 */
export function rdpPort(registeredPort: number): number {
  return registeredPort === SSH_PORT ? RDP_DEFAULT_PORT : registeredPort;
}

/** The server and account an RDP session connects to, with its RDP port. */
export async function findRdpTarget(
  findTarget: FindHopTarget,
  input: Pick<SessionOpenFields, 'serverId' | 'accountId'>,
): Promise<HopTarget> {
  const target = await findTarget({ serverId: input.serverId!, accountId: input.accountId! });
  return { ...target, port: rdpPort(target.port) };
}

/** What the session's tab and books name it: `RDP user@host`, with `:port` when it is not 3389. */
export function rdpTitle(target: { host: string; port: number; username: string }): string {
  return `RDP ${target.username}@${target.host}${target.port === RDP_DEFAULT_PORT ? '' : `:${target.port}`}`;
}
