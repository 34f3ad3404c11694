import type { SessionOpenFields } from '../../../common/sessions/model.ts';
import type { FindHopTarget, HopTarget } from '../ssh/sshHops.ts';

/** The port Windows' Remote Desktop listens on. */
export const RDP_DEFAULT_PORT = 3389;
const SSH_PORT = 22;

/**
 * A server has SSH's port and, since 0030, an RDP port of its own (`rdpPort`), which wins when set. Without one, the
 * rule from before: the registered port when it is something else than 22 (a Windows server registered with 3389, or
 * a forwarded port), and 3389 when it is 22 (a Windows server with OpenSSH for PowerShell on 22 takes RDP on 3389).
 */
export function rdpPort(registeredPort: number, ownRdpPort: number | null = null): number {
  if (ownRdpPort !== null) return ownRdpPort;
  return registeredPort === SSH_PORT ? RDP_DEFAULT_PORT : registeredPort;
}

/** The server and account an RDP session connects to, with its RDP port. */
export async function findRdpTarget(
  findTarget: FindHopTarget,
  input: Pick<SessionOpenFields, 'serverId' | 'accountId'>,
): Promise<HopTarget> {
  const target = await findTarget({ serverId: input.serverId!, accountId: input.accountId! });
  return { ...target, port: rdpPort(target.port, target.rdpPort ?? null) };
}

/** What the session's tab and books name it: `RDP user@host`, with `:port` when it is not 3389. */
export function rdpTitle(target: { host: string; port: number; username: string }): string {
  return `RDP ${target.username}@${target.host}${target.port === RDP_DEFAULT_PORT ? '' : `:${target.port}`}`;
}
