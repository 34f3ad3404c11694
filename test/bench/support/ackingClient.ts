import { decodeTerminalFrame, encodeAckFrame } from '../../../common/api/terminalFrame.ts';
import { AckBatcher } from '../../../common/sessions/ackBatcher.ts';
import type { SessionOpenInput } from '../../../common/sessions/model.ts';
import { openSocket } from '../../support/browserSession.ts';

/*
 * The session benches' client, run in a process of its own (ackingSession.ts bundles this file and forks it): the
 * product's client is the renderer, another process, so the bench's must not take its turns on Lotsen's event loop.
 * It waits for run requests over the IPC channel and answers each with the terminal bytes it received.
 */

/** What the bench asks for: one session over `lotsen serve`'s WebSocket, `command` typed once it is open. */
export interface AckingRun {
  socketUrl: string;
  origin: string;
  cookie: string;
  open: SessionOpenInput;
  command: string;
}

export type AckingAnswer = { ok: true; bytes: number } | { ok: false; message: string };

/**
 * Opens a session, types `command` once it is open, and counts the terminal bytes that arrive until the session
 * closes, acknowledging them as the renderer's terminal does after drawing (the product's AckBatcher, its ack size, its
 * one-way acknowledgement frames).
 * Resolves with the bytes received.
 */
async function runAckingSession({ socketUrl, origin, cookie, open, command }: AckingRun): Promise<number> {
  const socket = await openSocket(socketUrl, { origin, cookie });
  let nextId = 1;
  const call = (method: string, input: unknown) =>
    socket.send(JSON.stringify({ type: 'call', id: nextId++, method, input }));
  let sessionId = '';
  let bytes = 0;
  let typed = false;
  const type = () => {
    if (!typed) call('sessions.input', { sessionId, data: command });
    typed = true;
  };
  const acks = new AckBatcher((n) => socket.send(encodeAckFrame(sessionId, n)));
  const ended = new Promise<void>((resolve, reject) => {
    socket.on('message', (data, isBinary) => {
      if (isBinary) {
        const frame = decodeTerminalFrame(new Uint8Array(data as Buffer));
        if (!frame || frame.sessionId !== sessionId) return;
        bytes += frame.data.length;
        acks.drawn(frame.data.length);
        return;
      }
      const message = JSON.parse(String(data)) as {
        type: string;
        id?: number;
        event?: string;
        payload?: { id: string; state: string; endMessage: string | null };
        result?: { ok: boolean; value?: { id: string; state: string } };
      };
      if (message.event === 'sessions.prompt') {
        // First contact with this sshd: its host key is trusted, as a technician would after checking it.
        const prompt = message.payload as unknown as { sessionId: string; promptId: string };
        call('sessions.answerPrompt', {
          sessionId: prompt.sessionId,
          promptId: prompt.promptId,
          accept: true,
        });
      } else if (message.type === 'result' && message.id === 1) {
        if (!message.result?.ok) return reject(new Error('sessions.open failed'));
        sessionId = message.result.value!.id;
        // A local terminal is open when the call answers; an SSH session says so later.
        if (message.result.value!.state === 'open') type();
      } else if (message.event === 'sessions.changed' && message.payload?.id === sessionId) {
        const state = message.payload.state;
        if (state === 'open') type();
        if (state === 'closed') resolve();
        if (state === 'failed' || state === 'disconnected')
          reject(new Error(message.payload.endMessage ?? state));
      }
    });
  });
  call('sessions.open', open);
  await ended;
  socket.close();
  return bytes;
}

process.on('message', (run: AckingRun) => {
  runAckingSession(run).then(
    (bytes) => process.send!({ ok: true, bytes } satisfies AckingAnswer),
    (error: unknown) =>
      process.send!({
        ok: false,
        message: String((error as Error)?.message ?? error),
      } satisfies AckingAnswer),
  );
});
