import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './support/lotsenServer.ts';

/*
 * Browser mode's cookie and links, as Chromium treats them. Cookies are kept per host, not per port, so any other
 * server on 127.0.0.1 shares Lotsen's cookie jar: the session cookie is scoped to the app's random path, which such a
 * server cannot know, and Lotsen refuses every WebSocket from another origin even when the cookie does come along.
 */

interface OtherSite {
  origin: string;
  /** The Cookie header of every request the other server received, by path. */
  cookies: { path: string; cookie: string }[];
  close(): Promise<void>;
}

/** Another web server on 127.0.0.1, as any local dev server or a page a colleague left running would be. */
async function startOtherSite(): Promise<OtherSite> {
  const cookies: OtherSite['cookies'] = [];
  const server: Server = createServer((request, response) => {
    cookies.push({ path: request.url ?? '', cookie: request.headers.cookie ?? '' });
    // A cookie of its own, Path=/, shows the browser does send this host's cookies to this port.
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Set-Cookie': 'probe=1; Path=/' });
    response.end('<!doctype html><title>Another site on 127.0.0.1</title><p>another site</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cookies,
    // The tab keeps its connections open (keep-alive): close would wait for them, past the test's timeout.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

test('a page served from another 127.0.0.1 port never receives Lotsen’s cookie and cannot use it', async ({
  page,
  lotsen,
}, testInfo) => {
  await page.goto(lotsen.url);
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
  const appPath = new URL(page.url()).pathname;
  const port = new URL(lotsen.origin).port;
  const [cookie] = await page.context().cookies(lotsen.origin + appPath);
  expect(cookie).toMatchObject({
    name: `lotsen-session-${port}`,
    path: appPath,
    httpOnly: true,
    sameSite: 'Strict',
  });

  const other = await startOtherSite();
  try {
    const tab = await page.context().newPage();
    await tab.goto(`${other.origin}/`);
    await tab.reload();
    // Its own requests, at every path it could think of, carry its own cookie and never Lotsen's.
    await tab.evaluate(async () => {
      for (const path of ['/', '/api', '/index.html', '/assets/x.js', '/a/b/'])
        await fetch(path, { credentials: 'include' });
    });
    expect(other.cookies.length).toBeGreaterThanOrEqual(7);
    expect(other.cookies.slice(1).every(({ cookie }) => cookie.includes('probe=1'))).toBe(true);
    expect(other.cookies.filter(({ cookie }) => cookie.includes('lotsen-session'))).toEqual([]);

    // Its page cannot reach Lotsen's API: not without the path, and not with it (the cookie then goes along, but
    // the origin is not Lotsen's own), nor read Lotsen's pages.
    const attempts = await tab.evaluate(
      async ({ lotsenOrigin, appPath }) => {
        const socket = (url: string) =>
          new Promise<string>((resolve) => {
            const ws = new WebSocket(url);
            ws.onopen = () => {
              ws.close();
              resolve('opened');
            };
            ws.onclose = () => resolve('refused');
          });
        const read = (url: string) =>
          fetch(url, { credentials: 'include' }).then(
            async (response) => `read ${response.status}: ${await response.text()}`,
            () => 'refused',
          );
        const ws = lotsenOrigin.replace('http:', 'ws:');
        return {
          socketWithoutPath: await socket(`${ws}/api`),
          socketWithPath: await socket(`${ws}${appPath}api`),
          pageWithoutPath: await read(`${lotsenOrigin}/`),
          pageWithPath: await read(`${lotsenOrigin}${appPath}`),
        };
      },
      { lotsenOrigin: lotsen.origin, appPath },
    );
    expect(attempts).toEqual({
      socketWithoutPath: 'refused',
      socketWithPath: 'refused',
      pageWithoutPath: 'refused',
      pageWithPath: 'refused',
    });
    await tab.screenshot({ path: testInfo.outputPath('01-other-site.png') });
  } finally {
    await other.close();
  }

  // Lotsen's own page still works.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
});

test('a link works once: a second browser is told it was used and what to do, and a new link opens it', async ({
  page,
  browser,
  lotsen,
}, testInfo) => {
  await page.goto(lotsen.url);
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();

  const context = await browser.newContext();
  try {
    const second = await context.newPage();
    const replay = await second.goto(lotsen.url);
    expect(replay?.status()).toBe(401);
    await expect(second.locator('body')).toContainText('This link has already been used');
    await expect(second.locator('body')).toContainText(
      'press Enter in the terminal where `lotsen serve` runs and open the new link it prints',
    );
    expect(await context.cookies()).toEqual([]);
    await second.screenshot({ path: testInfo.outputPath('01-link-used.png') });

    await second.goto(await lotsen.newLink());
    await expect(second.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
    expect(second.url()).not.toContain('token');
  } finally {
    await context.close();
  }

  // The first browser opening its used link again is simply taken back to the app.
  await page.goto(lotsen.url);
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
  expect(page.url()).toBe(lotsen.url.split('?')[0]);
});
