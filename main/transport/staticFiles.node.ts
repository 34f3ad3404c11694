import { realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';

/*
 * Finds the file of the built renderer that a request path names, for browser mode and the Electron `app://`
 * protocol. Paths that try to leave the folder are refused outright rather than normalised, and unknown paths that
 * are not assets get index.html, because the renderer routes on the client.
 */

export type StaticLookup =
  | { kind: 'file'; path: string; contentType: string; html: boolean }
  | { kind: 'forbidden' }
  | { kind: 'notFound' };

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(path: string): string {
  return contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export async function lookupStaticFile(root: string, pathname: string): Promise<StaticLookup> {
  if (!pathname.startsWith('/')) return { kind: 'forbidden' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: 'forbidden' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'forbidden' };
  const segments = decoded.split('/').filter((segment) => segment !== '');
  // `.` and `..` are traversal; other dot-names are hidden files the build never puts there on purpose.
  if (segments.some((segment) => segment.startsWith('.'))) return { kind: 'forbidden' };

  const rootPath = await realpath(root);
  const named = segments.length === 0 ? join(rootPath, 'index.html') : join(rootPath, ...segments);
  const file =
    (await fileInside(rootPath, named)) ??
    (isAssetPath(segments) ? null : await fileInside(rootPath, join(rootPath, 'index.html')));
  if (file === null) return { kind: 'notFound' };
  const contentType = contentTypeOf(file);
  return { kind: 'file', path: file, contentType, html: contentType.startsWith('text/html') };
}

/** Asset requests that miss must fail loudly; answering them with index.html would hide a broken build. */
function isAssetPath(segments: string[]): boolean {
  return segments[0] === 'assets' || (segments.at(-1) ?? '').includes('.');
}

/** The real path of a regular file under root, or null; symlinks pointing outside root count as outside. */
async function fileInside(rootPath: string, candidate: string): Promise<string | null> {
  try {
    const real = await realpath(candidate);
    if (!real.startsWith(rootPath + sep)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}
