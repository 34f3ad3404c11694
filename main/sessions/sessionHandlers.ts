import type { Handlers } from '../api/dispatcher.ts';
import type { Backend } from '../app/backend.node.ts';
import { replaceSessionHostKey } from './hostKeyReplacement.ts';
import { approvePreConnectCommand, listPreConnectCommands } from './preConnectApprovals.ts';
import { downloadRecordingAudited } from './recording/auditedExport.node.ts';
import { listRecordings, readRecordingPage } from './recording/recordingRepository.ts';
import { assertRecordingReachable, assertSessionReachable, sessionsShownTo } from './sessionAccess.ts';
import type { SessionManager } from './sessionManager.node.ts';
import { vpnProfileHere } from './vpn/vpnClient.node.ts';
import { fillVpnOneTimeCode } from './vpn/vpnOneTimeCode.ts';

type SessionHandlers = Pick<Handlers, Extract<keyof Handlers, `sessions.${string}` | `recordings.${string}`>>;

export function sessionHandlers(backend: Backend, sessions: SessionManager): SessionHandlers {
  const ctx = () => backend.registryContext();
  return {
    'sessions.open': (input) => sessions.open(input),
    'sessions.reconnect': async (input) => {
      // One this Lotsen opened is the person's own: no need to ask the store (which may be away) whose it is.
      if (!sessions.openedHere(input.sessionId)) {
        await assertSessionReachable(ctx(), input.sessionId, 'reconnect');
      }
      return sessions.reconnect(input);
    },
    'sessions.list': (filter) => {
      const own = sessionsShownTo(ctx());
      return sessions.list(own === null ? filter : { ...filter, technicianId: own });
    },
    'sessions.answerPrompt': async (answer) => {
      sessions.answerPrompt(answer);
      return null;
    },
    'sessions.input': async ({ sessionId, data }) => {
      sessions.input(sessionId, data);
      return null;
    },
    'sessions.resize': async ({ sessionId, cols, rows }) => {
      sessions.resize(sessionId, cols, rows);
      return null;
    },
    'sessions.ack': async ({ sessionId, bytes }) => {
      sessions.ack(sessionId, bytes);
      return null;
    },
    'sessions.close': async ({ sessionId }) => {
      // Only someone who cannot see everyone's sessions waits for the check: a close while a session is still
      // being announced must reach the manager in the same tick, as it always has.
      // One this Lotsen opened is theirs, and is closed with the team database away too.
      if (sessionsShownTo(ctx()) !== null && !sessions.openedHere(sessionId)) {
        await assertSessionReachable(ctx(), sessionId, 'close');
      }
      return sessions.close(sessionId);
    },
    'sessions.replaceHostKey': async (input) => {
      await assertSessionReachable(ctx(), input.sessionId, 'replace the host key of');
      await replaceSessionHostKey(backend, input);
      return null;
    },
    'sessions.preConnectCommands': ({ customerId }) => listPreConnectCommands(backend, customerId),
    'sessions.approvePreConnect': (input) => approvePreConnectCommand(backend, input),
    'sessions.vpnProfile': (input) => vpnProfileHere(input),
    'sessions.fillVpnOneTimeCode': ({ sessionId }) => fillVpnOneTimeCode(backend, sessions, sessionId),
    'recordings.list': (filter) => {
      const own = sessionsShownTo(ctx());
      return listRecordings(ctx().db, own === null ? filter : { ...filter, technicianId: own });
    },
    'recordings.read': async ({ recordingId, fromSeq, limit }) => {
      await assertRecordingReachable(ctx(), recordingId);
      return readRecordingPage(ctx().db, recordingId, fromSeq, limit);
    },
    'recordings.export': async ({ recordingId }) => {
      await assertRecordingReachable(ctx(), recordingId);
      return downloadRecordingAudited(backend, recordingId);
    },
  };
}
