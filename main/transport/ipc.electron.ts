import { ipcMain, type BrowserWindow, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import type { Result } from '../../common/api/errors.ts';
import { IPC_ACK_CHANNEL, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../common/api/wire.ts';
import type { Dispatcher } from '../api/dispatcher.ts';
import { isTrustedSender } from '../electron/navigationPolicy.ts';
import { readCall } from './callMessage.ts';
import { forwardEvents, type EventSource } from './eventForwarding.ts';
import { oneWayDrops } from './oneWayDrops.ts';
import { tooLargeError, valueFits } from './requestSize.ts';

/**
 * The Electron transport: one invoke channel into the dispatcher, one push channel for events, and one channel the
 * page sends terminal acknowledgements on, one way. Only the main window's top frame showing the app itself may call
 * or acknowledge; anything else (an iframe, a page it was navigated to) is refused before the dispatcher sees it.
 */
export function registerIpc(options: {
  api: Dispatcher;
  events: EventSource;
  window: BrowserWindow;
  /** Where dropped acknowledgements are counted; never given what they held. */
  log?: (line: string) => void;
}): () => void {
  const { api, window } = options;
  const dropped = oneWayDrops(options.log ?? ((line) => console.error(line)), 'lotsen');

  const trusted = (event: IpcMainEvent | IpcMainInvokeEvent) => {
    const frame = event.senderFrame;
    return isTrustedSender({
      fromMainWindow: !window.isDestroyed() && event.sender.id === window.webContents.id,
      isTopFrame: frame !== null && frame.parent === null,
      url: frame?.url ?? null,
    });
  };

  ipcMain.handle(
    IPC_CALL_CHANNEL,
    async (event: IpcMainInvokeEvent, message: unknown): Promise<Result<unknown>> => {
      if (!trusted(event))
        return { ok: false, error: { code: 'UNAUTHORIZED', message: 'This page may not call Lotsen.' } };
      // The same ceiling as browser mode's, before any validation work is spent on the call.
      if (!valueFits(message)) return { ok: false, error: tooLargeError };
      const reading = readCall(message);
      if (reading.kind === 'call') return api.dispatch(reading.call.method, reading.call.input);
      if (reading.kind === 'invalid') return { ok: false, error: reading.error };
      return { ok: false, error: { code: 'VALIDATION', message: reading.reason } };
    },
  );

  // Nothing is answered: a refused or malformed acknowledgement is dropped and counted, and moves no session.
  const acknowledge = (event: IpcMainEvent, message: unknown) => {
    if (!trusted(event)) return dropped('UNAUTHORIZED');
    const outcome = api.notify('sessions.ack', message);
    if (!outcome.delivered) dropped(outcome.code);
  };
  ipcMain.on(IPC_ACK_CHANNEL, acknowledge);

  const stopEvents = forwardEvents(options.events, (message) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, message);
  });

  return () => {
    ipcMain.removeHandler(IPC_CALL_CHANNEL);
    ipcMain.removeListener(IPC_ACK_CHANNEL, acknowledge);
    stopEvents();
  };
}
