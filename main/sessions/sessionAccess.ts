import { onlyOwnUnder } from '../../common/team/principal.ts';
import type { RegistryContext } from '../registry/registryContext.ts';
import { assertMayTouch } from '../users/rowRules.ts';
import { recordingTechnician } from './recording/recordingRepository.ts';
import { sessionTechnician } from './sessionRepository.ts';

/*
 * A technician sees and acts on only their own sessions and recordings; support leads see everyone's (the matrix
 * keeps finance out of sessions altogether). A session that does not exist is left to the service's own NOT_FOUND.
 */

/** The technician whose sessions a list may show, or null for everyone's. */
export function sessionsShownTo(ctx: RegistryContext): string | null {
  return onlyOwnUnder(ctx.principal, 'readSessions');
}

export async function assertSessionReachable(
  ctx: RegistryContext,
  sessionId: string,
  act: 'reconnect' | 'close' | 'replace the host key of',
) {
  const owner = await sessionTechnician(ctx.db, sessionId);
  if (owner !== null) assertMayTouch(ctx.principal, 'readSessions', owner, act);
}

export async function assertRecordingReachable(ctx: RegistryContext, recordingId: string) {
  const owner = await recordingTechnician(ctx.db, recordingId);
  // A recording no session names (or none at all) is nobody's own ('' is no user's id): only those who see everyone's.
  assertMayTouch(ctx.principal, 'readSessions', owner ?? '', 'play');
}
