import type { Backend } from '../../app/backend.node.ts';
import { readVpnTotpSeed } from '../../registry/environmentRepository.ts';
import { oneTimeCodeAt } from '../../vault/oneTimeCode.ts';
import type { SessionManager } from '../sessionManager.node.ts';

/**
 * The VPN's one-time code at its prompt (issue 16, item 5): a customer's VPN asks, after the password, for a TOTP
 * code in the pre-connect terminal. Main computes it from the environment's sealed seed and types it there, with
 * Enter, as the person would: the code never goes to the page (so no renderer, clipboard or screen holds it), is kept
 * out of the session's recording, and its use is audited without it, before it is typed.
 */
export async function fillVpnOneTimeCode(
  backend: Backend,
  sessions: SessionManager,
  sessionId: string,
): Promise<{ validUntil: number }> {
  let validUntil = 0;
  await sessions.typeAtVpnPrompt(sessionId, async (environmentId) => {
    const ctx = backend.registryContext();
    const { seed } = await readVpnTotpSeed(ctx.db, environmentId);
    const code = oneTimeCodeAt(seed, ctx.now());
    await backend.audit().append({
      event: 'secret.one_time_code',
      subject: { type: 'environment', id: environmentId },
      details: { environmentId, use: 'vpn_prompt', sessionId },
    });
    validUntil = code.validUntil;
    // A terminal's Enter is a carriage return; the pty's line discipline turns it into the newline a prompt reads.
    return `${code.code}\r`;
  });
  return { validUntil };
}
