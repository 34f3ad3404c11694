import type { SplitTunnelFinding, VpnClient } from '../../../common/sessions/vpn.ts';
import { approvalSha256, type PreConnectCommands } from '../preConnectApprovals.ts';
import { assertVpnClientPresent, checkSplitTunnel } from './vpnClient.node.ts';

/** A disconnect that has not ended by then is stopped: the session's end, and its time entry, wait no longer. */
export const DISCONNECT_TIMEOUT_MS = 60_000;

/** What a live session knows of its environment's VPN: run around it, connect before and disconnect after. */
export interface SessionVpn {
  environmentId: string;
  client: VpnClient;
  /** The client's program as found here; null for a command of the person's own (`none`). */
  program: string | null;
  connectCommand: string;
  disconnectCommand: string;
  /** What the approval and the audit name: the pair's SHA-256 (preConnectApprovals.ts). */
  approvalSha256: string;
  /** Set once the connect command starts: from then on the session's end runs the disconnect command. */
  started: boolean;
  /** Whether the environment holds its VPN's one-time code seed: only then can main type a code at its prompt. */
  oneTimeCode: boolean;
}

/**
 * The VPN of a session that is to run its environment's pre-connect command, or null when it has none. Refuses
 * with VPN_CLIENT_MISSING when a profile's client is not installed here.
 */
export async function sessionVpnOf(
  environment: PreConnectCommands & { vpnClient: VpnClient; hasVpnTotpSeed: boolean },
): Promise<SessionVpn | null> {
  const connectCommand = environment.preConnectCommand.trim();
  if (connectCommand === '') return null;
  return {
    environmentId: environment.id,
    client: environment.vpnClient,
    program: await assertVpnClientPresent(environment.vpnClient),
    connectCommand,
    disconnectCommand: environment.disconnectCommand.trim(),
    approvalSha256: approvalSha256(connectCommand, environment.disconnectCommand),
    started: false,
    oneTimeCode: environment.hasVpnTotpSeed,
  };
}

/** After a profile's connect succeeded: its client, and whether it says the tunnel is split. Null for own text. */
export async function vpnSplitFinding(
  vpn: SessionVpn | null,
): Promise<{ client: VpnClient; splitTunnel: SplitTunnelFinding } | null> {
  if (vpn === null || vpn.client === 'none') return null;
  return {
    client: vpn.client,
    splitTunnel: await checkSplitTunnel(vpn.client, vpn.program, vpn.connectCommand),
  };
}
