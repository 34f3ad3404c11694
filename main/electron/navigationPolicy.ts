/*
 * What the Electron shell lets its window reach. The renderer is served from its own privileged scheme, so "our
 * code" is exactly what loads from `app://lotsen/`; everything else is refused, and only plain web links may leave
 * for the user's browser.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'lotsen';
export const APP_START_URL = `${APP_SCHEME}://${APP_HOST}/`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * The URL to hand to `shell.openExternal`, or null. Only http(s) without credentials: other schemes (file:, smb:,
 * custom handlers) can start programs, and `https://trusted@evil.example` misleads the reader about where it goes.
 */
export function externalUrlToOpen(url: string): string | null {
  const parsed = parse(url);
  if (parsed === null || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return null;
  if (parsed.username !== '' || parsed.password !== '' || parsed.hostname === '') return null;
  return parsed.href;
}

export interface IpcSender {
  /** The message came from the main window's web contents. */
  fromMainWindow: boolean;
  /** The sending frame is that window's top frame, not an iframe inside it. */
  isTopFrame: boolean;
  /** The sending frame's URL; null when the frame is gone. */
  url: string | null;
}

export function isTrustedSender(sender: IpcSender): boolean {
  return sender.fromMainWindow && sender.isTopFrame && sender.url !== null && isAppUrl(sender.url);
}
