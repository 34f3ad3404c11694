import type { LotsenBridge } from '../../common/api/wire.ts';
import { createElectronTransport } from './electronTransport.ts';
import type { Transport } from './transport.ts';
import { apiSocketUrl, createWebSocketTransport } from './webSocketTransport.ts';

declare global {
  interface Window {
    /** Put there by the Electron preload; absent in browser mode. */
    lotsen?: LotsenBridge;
  }
}

/** Inside Electron the preload has run and left its bridge; anywhere else this page was served by `lotsen serve`. */
export function chooseTransport(): Transport {
  return window.lotsen
    ? createElectronTransport(window.lotsen)
    : createWebSocketTransport({ url: apiSocketUrl(window.location) });
}
