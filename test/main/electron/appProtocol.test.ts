import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../../main/electron/appProtocol.node.ts';

const INDEX_HTML = '<!doctype html><title>Lotsen</title>';
let siteDir: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  siteDir = await mkdtemp(join(tmpdir(), 'lotsen-app-protocol-'));
  await mkdir(join(siteDir, 'renderer', 'assets'), { recursive: true });
  await writeFile(join(siteDir, 'renderer', 'index.html'), INDEX_HTML);
  await writeFile(join(siteDir, 'renderer', 'assets', 'style.css'), 'body{}');
  await writeFile(join(siteDir, 'secret.txt'), 'outside');
  handle = createAppProtocolHandler(join(siteDir, 'renderer'));
});

afterAll(() => rm(siteDir, { recursive: true, force: true }));

describe('the app:// protocol handler', () => {
  it('serves index.html with a CSP that allows no WebSocket and no foreign origin', async () => {
    const response = await handle(new Request('app://lotsen/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(INDEX_HTML);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("connect-src 'self';");
    expect(csp).not.toContain('ws:');
    expect(csp).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves assets with their type and routes unknown app paths to index.html', async () => {
    const css = await handle(new Request('app://lotsen/assets/style.css'));
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toBe('body{}');
    expect(await (await handle(new Request('app://lotsen/customers/7'))).text()).toBe(INDEX_HTML);
    expect((await handle(new Request('app://lotsen/assets/gone.js'))).status).toBe(404);
  });

  it('refuses other hosts, writes and paths out of the folder', async () => {
    expect((await handle(new Request('app://elsewhere/'))).status).toBe(404);
    expect((await handle(new Request('app://lotsen/', { method: 'POST', body: 'x' }))).status).toBe(405);
    const climbing = await handle(new Request('app://lotsen/assets/..%2f..%2fsecret.txt'));
    expect(climbing.status).toBe(403);
    expect(await climbing.text()).not.toContain('outside');
  });
});
