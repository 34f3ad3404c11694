/*
 * The sandboxed preload: CommonJS, because sandboxed preloads cannot be ES modules, and free of our own runtime code,
 * because a sandboxed preload can require only `electron`. It exposes one object, `window.lotsen`, with exactly the
 * three functions of LotsenBridge, and never hands the page an IPC event (whose `sender` would reach back into IPC).
 */
import electron = require('electron');
import type {
  CallMessage,
  EventMessage,
  IPC_ACK_CHANNEL,
  IPC_CALL_CHANNEL,
  IPC_EVENT_CHANNEL,
  LotsenBridge,
} from '../common/api/wire.ts';

// Spelled out here because the constants' module cannot be loaded in the sandbox; the types keep them in step.
const callChannel: typeof IPC_CALL_CHANNEL = 'lotsen:call';
const eventChannel: typeof IPC_EVENT_CHANNEL = 'lotsen:event';
const ackChannel: typeof IPC_ACK_CHANNEL = 'lotsen:ack';

let nextId = 0;

const bridge: LotsenBridge = {
  call(method, input) {
    const message: CallMessage = { type: 'call', id: nextId++, method, input };
    return electron.ipcRenderer.invoke(callChannel, message);
  },
  onEvent(listener) {
    const forward = (_event: electron.IpcRendererEvent, message: EventMessage) => listener(message);
    electron.ipcRenderer.on(eventChannel, forward);
    return () => {
      electron.ipcRenderer.removeListener(eventChannel, forward);
    };
  },
  acknowledge(sessionId, bytes) {
    // `send`, not `invoke`: one way, as VS Code's pty acknowledgements are; main answers nothing.
    electron.ipcRenderer.send(ackChannel, { sessionId, bytes });
  },
};

electron.contextBridge.exposeInMainWorld('lotsen', bridge);
