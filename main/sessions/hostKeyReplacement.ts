import { keyedError } from '../../common/api/errors.ts';
import type { Backend } from '../app/backend.node.ts';
import { personalDetail } from '../audit/auditDetails.ts';
import { getSession } from './sessionRepository.ts';
import { replaceHostKey } from './ssh/knownHosts.ts';

/**
 * Replaces a stored host key with the one a session was refused for, once the person has confirmed it: the key comes
 * from what that session recorded, never from the caller. The new key and its audit event are written together.
 */
export async function replaceSessionHostKey(
  backend: Backend,
  input: { sessionId: string; reason: string },
): Promise<void> {
  const ctx = backend.registryContext();
  const session = await getSession(ctx.db, input.sessionId);
  if (!session) throw keyedError('NOT_FOUND', 'sessions.noSuchSession');
  const change = session.hostKeyChange;
  if (session.endCode !== 'HOST_KEY_MISMATCH' || change === null) {
    throw keyedError('CONFLICT', 'sessions.notAHostKeyFailure');
  }
  await backend.audit().appendWith(
    (trx) => replaceHostKey({ ...ctx, db: trx }, change),
    () => ({
      event: 'hostkey.replaced',
      subject: { type: 'host', id: `${change.host}:${change.port}` },
      details: {
        keyType: change.keyType,
        fingerprint: change.presented,
        replaced: change.expected,
        reason: personalDetail(input.reason, session.ticketId),
        sessionId: session.id,
      },
    }),
  );
}
