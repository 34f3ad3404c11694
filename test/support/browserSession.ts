import { WebSocket } from 'ws';

/**
 * Browser mode as a programmatic client meets it. A link that `lotsen serve` prints (or a BrowserServer's `url` or
 * `newLink()`) works once: it is exchanged, as a browser does on its first load, for a session cookie scoped to the
 * app's path, and every later request and WebSocket carries that cookie. Every test that talks to browser mode gets
 * its authenticated connections here, so the scheme lives in one place.
 */
export interface BrowserSessionClient {
  origin: string;
  /** The app's page, `http://127.0.0.1:PORT/<path>/`: where the link's exchange redirected. */
  appUrl: string;
  /** `name=secret`, for a Cookie header. */
  cookie: string;
  /** The API's WebSocket address, under the app's path. */
  socketUrl: string;
  /** A WebSocket to the API carrying the session cookie and the server's own Origin, as the page's would. */
  connect(): Promise<WebSocket>;
}

export async function openBrowserSession(link: string): Promise<BrowserSessionClient> {
  const response = await fetch(link, { redirect: 'manual' });
  const setCookie = response.headers.get('set-cookie');
  if (response.status !== 303 || setCookie === null) {
    throw new Error(`lotsen serve refused the link (${response.status}): ${await response.text()}`);
  }
  const origin = new URL(link).origin;
  const appUrl = new URL(response.headers.get('location')!, origin).href;
  const cookie = setCookie.split(';')[0]!;
  const socketUrl = `${appUrl.replace(/^http/, 'ws')}api`;
  return { origin, appUrl, cookie, socketUrl, connect: () => openSocket(socketUrl, { origin, cookie }) };
}

/** Resolves with the open socket, or rejects with the HTTP status the server refused the upgrade with. */
export function openSocket(
  url: string,
  options: { origin: string; cookie?: string; headers?: Record<string, string> },
): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, {
      origin: options.origin,
      headers: { ...(options.cookie === undefined ? {} : { Cookie: options.cookie }), ...options.headers },
    });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_request, response) =>
      reject(new Error(`refused with ${response.statusCode}`)),
    );
    socket.once('error', reject);
  });
}
