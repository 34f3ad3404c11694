import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { _electron as electron } from 'playwright';
import { describe, expect, it } from 'vitest';
import type { LotsenBridge } from '../../../common/api/wire.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The Electron binary, when it was downloaded: the npm package alone holds only its types and an installer. */
function electronBinary(): string | null {
  try {
    const path: unknown = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const builtFiles = [
  'dist/main/electron/main.electron.js',
  'dist/preload/preload.electron.cjs',
  'dist/renderer/index.html',
];
const binary = electronBinary();
const missingBuild = builtFiles.filter((file) => !existsSync(`${root}${file}`));
const skipReason =
  binary === null
    ? 'Electron binary absent: it cannot be downloaded on this machine'
    : missingBuild.length > 0
      ? `the app is not built (missing ${missingBuild.join(', ')}): run npm run build`
      : null;

/** What the page's global object may hold; cast locally so the renderer's own typing of `window` stays its own. */
type PageGlobals = { lotsen?: LotsenBridge; require?: unknown; process?: unknown };

describe('the Electron shell', () => {
  it('opens a sandboxed window whose only bridge is window.lotsen, and the API answers through it', async (ctx) => {
    if (skipReason !== null) ctx.skip(skipReason);
    const data = await makeTempDataDir('lotsen-electron-');
    const app = await electron.launch({
      executablePath: binary!,
      args: [root],
      cwd: root,
      env: { ...process.env, LOTSEN_HOME: data.dir },
      timeout: 60_000,
    });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      expect(page.url()).toBe('app://lotsen/');
      expect(await page.title()).toContain('Lotsen');

      const exposed = await page.evaluate(() => {
        const page = window as unknown as PageGlobals;
        return {
          bridge: typeof page.lotsen === 'object' ? Object.keys(page.lotsen).sort() : null,
          require: typeof page.require,
          process: typeof page.process,
        };
      });
      expect(exposed).toEqual({
        bridge: ['acknowledge', 'call', 'onEvent'],
        require: 'undefined',
        process: 'undefined',
      });

      const status = await page.evaluate(() =>
        (window as unknown as PageGlobals).lotsen!.call('app.status', {}),
      );
      expect(status).toMatchObject({ ok: true, value: { state: 'uninitialized', dataDir: data.dir } });

      // New windows are denied and navigation away from the app does not happen.
      expect(await page.evaluate(() => window.open('https://example.org/') === null)).toBe(true);
      await page.evaluate(() => {
        window.location.href = 'https://example.org/';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toBe('app://lotsen/');
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
      await data.cleanup();
    }
  }, 120_000);
});
