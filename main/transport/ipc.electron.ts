import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Result } from '../../common/api/errors.ts';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../common/api/wire.ts';
import type { Dispatcher } from '../api/dispatcher.ts';
import { isTrustedSender } from '../electron/navigationPolicy.ts';
import { readCall } from './callMessage.ts';
import { forwardEvents, type EventSource } from './eventForwarding.ts';
import { tooLargeError, valueFits } from './requestSize.ts';

/**
 * The Electron transport: one invoke channel into the dispatcher and one push channel for events. Only the main
 * window's top frame showing the app itself may call; anything else (an iframe, a page it was navigated to) is
 * refused before the dispatcher sees the call.
 */
export function registerIpc(options: {
  api: Dispatcher;
  events: EventSource;
  window: BrowserWindow;
}): () => void {
  const { api, window } = options;

  ipcMain.handle(
    IPC_CALL_CHANNEL,
    async (event: IpcMainInvokeEvent, message: unknown): Promise<Result<unknown>> => {
      const frame = event.senderFrame;
      const trusted = isTrustedSender({
        fromMainWindow: !window.isDestroyed() && event.sender.id === window.webContents.id,
        isTopFrame: frame !== null && frame.parent === null,
        url: frame?.url ?? null,
      });
      if (!trusted)
        return { ok: false, error: { code: 'UNAUTHORIZED', message: 'This page may not call Lotsen.' } };
      // The same ceiling as browser mode's, before any validation work is spent on the call.
      if (!valueFits(message)) return { ok: false, error: tooLargeError };
      const reading = readCall(message);
      if (reading.kind === 'call') return api.dispatch(reading.call.method, reading.call.input);
      if (reading.kind === 'invalid') return { ok: false, error: reading.error };
      return { ok: false, error: { code: 'VALIDATION', message: reading.reason } };
    },
  );

  const stopEvents = forwardEvents(options.events, (message) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, message);
  });

  return () => {
    ipcMain.removeHandler(IPC_CALL_CHANNEL);
    stopEvents();
  };
}
