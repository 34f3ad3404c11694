import type { ErrorDetailKey, ErrorDetailValues } from '../../common/api/errorDetails/index.ts';
import { englishDetail } from '../../common/api/errorDetails/index.ts';
import { LotsenError, type ApiError } from '../../common/api/errors.ts';
import type { SessionKind } from '../../common/sessions/model.ts';
import type { SessionOutcome } from './sessionBookkeeping.ts';
import type { TerminalExit } from './terminal/terminalSource.ts';

/**
 * How a session ended, said by a detail key: the English in its row and audit event (the CLI's), the key and values
 * kept beside it (`details.detail`), so that the console words the end in the reader's language.
 */
export function keyedOutcome(
  state: SessionOutcome['state'],
  code: string | null,
  key: ErrorDetailKey,
  values: ErrorDetailValues = {},
  details: Record<string, unknown> = {},
): SessionOutcome {
  return withDetail({ state, code, message: englishDetail(key, values) }, details, { key, values });
}

/** Why a session could not be opened, in words the person can act on; a changed host key keeps what replacing needs. */
export function failure(error: unknown): SessionOutcome {
  if (!(error instanceof LotsenError)) return keyedOutcome('failed', 'INTERNAL', 'sessions.internalFailure');
  const details = error.code === 'HOST_KEY_MISMATCH' ? (error.details ?? {}) : {};
  return withDetail({ state: 'failed', code: error.code, message: error.message }, details, error.detail);
}

/** A session's own program ended (its shell, its RDP client); a channel that closes without a status dropped. */
export function exitOutcome(
  session: { kind: SessionKind; title: string },
  exit: TerminalExit,
): SessionOutcome {
  if (session.kind === 'ssh' && exit.exitCode === null && exit.signal === null) return dropped(session.title);
  if (session.kind === 'rdp') {
    // Its exit status is kept with the session and in its audit event.
    const details = { exitCode: exit.exitCode, signal: exit.signal };
    return exit.signal
      ? keyedOutcome('closed', null, 'sessions.rdpClientSignalled', { signal: exit.signal }, details)
      : keyedOutcome('closed', null, 'sessions.rdpClientExited', { exitCode: exitCodeOf(exit) }, details);
  }
  return exit.signal
    ? keyedOutcome('closed', null, 'sessions.shellSignalled', { signal: exit.signal })
    : keyedOutcome('closed', null, 'sessions.shellExited', { exitCode: exitCodeOf(exit) });
}

/** A tool that ran until it was closed: its exit status says how; a failing one says so with TOOL_FAILED. */
export function toolOutcome(exit: TerminalExit): SessionOutcome {
  if (exit.exitCode === 0) return keyedOutcome('closed', null, 'sessions.toolExited', { exitCode: 0 });
  return exit.signal
    ? keyedOutcome('closed', 'TOOL_FAILED', 'sessions.toolFailedSignal', { signal: exit.signal })
    : keyedOutcome('closed', 'TOOL_FAILED', 'sessions.toolFailedExit', { exitCode: exitCodeOf(exit) });
}

export function dropped(title: string): SessionOutcome {
  return keyedOutcome('disconnected', 'SSH_DISCONNECTED', 'sessions.connectionDropped', { title });
}

/** A program's exit code; -1, as Node says it, for one that ended without a status and without a signal. */
export function exitCodeOf(exit: TerminalExit): number {
  return exit.exitCode ?? -1;
}

function withDetail(
  outcome: Omit<SessionOutcome, 'details'>,
  details: Record<string, unknown>,
  detail: ApiError['detail'],
): SessionOutcome {
  const kept = detail === undefined ? details : { ...details, detail };
  return Object.keys(kept).length === 0 ? outcome : { ...outcome, details: kept };
}
