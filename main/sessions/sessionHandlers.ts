import type { Handlers } from '../api/dispatcher.ts';
import type { Backend } from '../app/backend.node.ts';
import { replaceSessionHostKey } from './hostKeyReplacement.ts';
import { approvePreConnectCommand, listPreConnectCommands } from './preConnectApprovals.ts';
import { listRecordings, readRecordingPage } from './recording/recordingRepository.ts';
import type { SessionManager } from './sessionManager.node.ts';

type SessionHandlers = Pick<Handlers, Extract<keyof Handlers, `sessions.${string}` | `recordings.${string}`>>;

export function sessionHandlers(backend: Backend, sessions: SessionManager): SessionHandlers {
  const db = () => backend.registryContext().db;
  return {
    'sessions.open': (input) => sessions.open(input),
    'sessions.reconnect': (input) => sessions.reconnect(input),
    'sessions.list': (filter) => sessions.list(filter),
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
    'sessions.close': ({ sessionId }) => sessions.close(sessionId),
    'sessions.replaceHostKey': async (input) => {
      await replaceSessionHostKey(backend, input);
      return null;
    },
    'sessions.preConnectCommands': ({ customerId }) => listPreConnectCommands(backend, customerId),
    'sessions.approvePreConnect': (input) => approvePreConnectCommand(backend, input),
    'recordings.list': (filter) => listRecordings(db(), filter),
    'recordings.read': ({ recordingId, fromSeq, limit }) =>
      readRecordingPage(db(), recordingId, fromSeq, limit),
  };
}
