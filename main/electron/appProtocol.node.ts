import { readFile } from 'node:fs/promises';
import { contentSecurityPolicy, cachePolicy, securityHeaders } from '../transport/securityHeaders.ts';
import { lookupStaticFile } from '../transport/staticFiles.node.ts';
import { isAppUrl } from './navigationPolicy.ts';

/**
 * Serves the built renderer on `app://lotsen/` for `protocol.handle`, with the same headers as browser mode minus
 * the WebSocket: in Electron the renderer talks to main over IPC only.
 */
export function createAppProtocolHandler(staticDir: string): (request: Request) => Promise<Response> {
  const headers = securityHeaders(contentSecurityPolicy());
  const plain = (status: number, text: string) =>
    new Response(text, {
      status,
      headers: {
        ...headers,
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': cachePolicy.page,
      },
    });

  return async (request) => {
    if (!isAppUrl(request.url)) return plain(404, 'Not found.\n');
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'GET and HEAD only.\n');
    const found = await lookupStaticFile(staticDir, new URL(request.url).pathname);
    if (found.kind === 'forbidden') return plain(403, 'That path is not part of Lotsen.\n');
    if (found.kind === 'notFound') return plain(404, 'Not found.\n');
    const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(found.path));
    return new Response(body, {
      status: 200,
      headers: {
        ...headers,
        'Content-Type': found.contentType,
        'Cache-Control': found.html ? cachePolicy.page : cachePolicy.asset,
      },
    });
  };
}
