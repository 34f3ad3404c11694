import type { Handlers } from '../api/dispatcher.ts';
import type { Backend } from '../app/backend.node.ts';
import { personalDetail } from '../audit/auditDetails.ts';
import { oneTimeCodeAt } from '../vault/oneTimeCode.ts';
import { readTotpSeed, readVpnTotpSeed } from './environmentRepository.ts';

/**
 * One-time codes of support accounts (issue 16, item 5). The seed is opened in main only: a code leaves, audited
 * (that one was handed out and for what, never the code); the seed itself only through an explicit reveal, audited
 * before it leaves, as a secret's.
 */
export function oneTimeCodeHandlers(
  backend: Backend,
): Pick<Handlers, 'registry.oneTimeCode' | 'registry.revealTotpSeed' | 'registry.revealVpnTotpSeed'> {
  const ctx = () => backend.registryContext();
  return {
    'registry.oneTimeCode': async ({ accountId, use, sessionId }) => {
      const { seed, environmentId } = await readTotpSeed(ctx().db, accountId);
      const code = oneTimeCodeAt(seed, ctx().now());
      await backend.audit().append({
        event: 'secret.one_time_code',
        subject: { type: 'support_account', id: accountId },
        details: { environmentId, use, ...(sessionId === undefined ? {} : { sessionId }) },
      });
      return code;
    },
    'registry.revealTotpSeed': async ({ accountId, purpose }) => {
      const { seed, username, environmentId } = await readTotpSeed(ctx().db, accountId);
      // Written before the seed leaves: a reveal that cannot be audited does not happen.
      await backend.audit().append({
        event: 'secret.totp_revealed',
        subject: { type: 'support_account', id: accountId },
        details: { username: personalDetail(username), environmentId, purpose: personalDetail(purpose) },
      });
      return { seed };
    },
    'registry.revealVpnTotpSeed': async ({ environmentId, purpose }) => {
      const { seed } = await readVpnTotpSeed(ctx().db, environmentId);
      await backend.audit().append({
        event: 'secret.totp_revealed',
        subject: { type: 'environment', id: environmentId },
        details: { environmentId, purpose: personalDetail(purpose) },
      });
      return { seed };
    },
  };
}
