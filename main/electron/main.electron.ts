import { app, BrowserWindow, dialog, Menu, protocol, session, shell, type WebContents } from 'electron';
import { fileURLToPath } from 'node:url';
import { createApi, hostSessions } from '../api/createApi.node.ts';
import { Backend } from '../app/backend.node.ts';
import { APP_NAME, resolveDataDir } from '../app/dataDir.node.ts';
import { followStoreChanges } from '../store/changeFeed/followStoreChanges.node.ts';
import { registerIpc } from '../transport/ipc.electron.ts';
import { appMenuTemplate } from './appMenu.ts';
import { createAppProtocolHandler } from './appProtocol.node.ts';
import { APP_SCHEME, APP_START_URL, externalUrlToOpen, isAppUrl } from './navigationPolicy.ts';

/*
 * The Electron shell: glue only. Every decision it makes (which URLs, which senders, which headers, which menu)
 * lives in a module that is tested under Node, because Electron itself cannot run on the build machines.
 */

// Built layout: dist/main/electron/main.electron.js, dist/preload/preload.electron.cjs, dist/renderer/.
const rendererDir = fileURLToPath(new URL('../../renderer/', import.meta.url));
const preloadFile = fileURLToPath(new URL('../../preload/preload.electron.cjs', import.meta.url));

// Packaged builds get this name from electron-builder; setting it here keeps development runs on the same folders.
app.setName(APP_NAME);
app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (app.requestSingleInstanceLock()) {
  app.whenReady().then(start).catch(failToStart);
} else {
  // Two processes would open one encrypted store twice; the running one takes focus instead.
  app.quit();
}

async function start(): Promise<void> {
  const backend = await Backend.open({ dataDir: resolveDataDir() });
  // The app runs sessions: its manager is made before the first unlock (it ends what a crash left live).
  await hostSessions(backend);
  const api = createApi(backend);
  followStoreChanges(backend);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => confine(contents));

  const window = createWindow();
  const stopIpc = registerIpc({ api, events: backend, window });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate({ platform: process.platform, onLock: () => void backend.lock() }),
    ),
  );

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    // Close the store (and so checkpoint the WAL) before the process ends.
    event.preventDefault();
    closed = true;
    stopIpc();
    void backend.close().finally(() => app.quit());
  });

  await window.loadURL(APP_START_URL);
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: APP_NAME,
    show: false,
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  return window;
}

/** No new windows, no navigation away from the app, no webviews; web links go to the user's browser. */
function confine(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalUrlToOpen(url);
    if (external !== null) void shell.openExternal(external);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function failToStart(error: unknown): void {
  dialog.showErrorBox(`${APP_NAME} could not start`, error instanceof Error ? error.message : String(error));
  app.exit(1);
}
