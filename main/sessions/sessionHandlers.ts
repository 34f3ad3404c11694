import type { Handlers } from '../api/dispatcher.ts';
import type { Backend } from '../app/backend.node.ts';
import { listRecordings, readRecordingPage } from './recording/recordingRepository.ts';
import type { SessionManager } from './sessionManager.node.ts';
import { replaceHostKey } from './ssh/knownHosts.ts';

type SessionHandlers = Pick<Handlers, Extract<keyof Handlers, `sessions.${string}` | `recordings.${string}`>>;

export function sessionHandlers(backend: Backend, sessions: SessionManager): SessionHandlers {
  const db = () => backend.registryContext().db;
  return {
    'sessions.open': (input) => sessions.open(input),
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
      await sessions.resize(sessionId, cols, rows);
      return null;
    },
    'sessions.ack': async ({ sessionId, bytes }) => {
      sessions.ack(sessionId, bytes);
      return null;
    },
    'sessions.close': ({ sessionId }) => sessions.close(sessionId),
    'sessions.replaceHostKey': async ({ host, port, keyType, fingerprint, reason }) => {
      const replaced = await replaceHostKey(backend.registryContext(), { host, port }, keyType, fingerprint);
      await backend.audit().append({
        event: 'hostkey.replaced',
        subject: { type: 'host', id: `${host}:${port}` },
        details: { keyType, fingerprint, replaced, reason },
      });
      return null;
    },
    'recordings.list': (filter) => listRecordings(db(), filter),
    'recordings.read': ({ recordingId, fromSeq, limit }) =>
      readRecordingPage(db(), recordingId, fromSeq, limit),
  };
}
